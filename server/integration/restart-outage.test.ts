import { afterEach, describe, expect, it } from 'vitest';
import { APIS, formOf, startHarness, textsShowingToken, validFields, waitFor, type Harness } from './harness.ts';

// A restart while TomTicket is down must not stop the server taking tickets: the last good form
// (department listing) is kept in DATA_DIR and used until TomTicket answers; the tickets wait in
// the outbox. Only a server that never had TomTicket's answer refuses, and says why.
// DEPARTMENTS_CACHE_SECONDS=1 also makes a failed listing's pause 1 s (instead of 10), to keep the suite short.
const ENV = { TOMTICKET_REQUESTS_PER_SECOND: '0', OUTBOX_RETRY_BASE_MS: '100', OUTBOX_RETRY_MAX_MS: '300', DEPARTMENTS_CACHE_SECONDS: '1' };

let harness: Harness | undefined;
afterEach(async () => {
  if (harness) expect(textsShowingToken(harness)).toEqual([]);
  await harness?.close();
  harness = undefined;
});

const health = async (h: Harness) => {
  const answer = await h.send('/healthz');
  return { status: answer.status, body: h.json(answer) };
};

describe.each(APIS)('a restart while TomTicket is down, through $name', ({ env }) => {
  it('serves the form saved by the earlier run, queues tickets (202) and delivers them once TomTicket is back', async () => {
    const h = (harness = await startHarness({ ...env, ...ENV }, 0));
    const form = await h.send('/api/form');
    expect(form.status).toBe(200);
    await h.fake.setFault('down');
    await h.restart();

    // The first listing of this run fails (after the client's own retries of a refused
    // connection, a few seconds): the saved one is in use, and /healthz says so.
    expect(await waitFor(async () => ((await health(h)).body.upstream as { reachable: unknown }).reachable === false, 20_000)).toBe(true);
    const during = await health(h);
    expect(during.status).toBe(200);
    expect(during.body).toMatchObject({ ok: true, form: { source: 'saved', listedAt: expect.any(String) }, upstream: { reachable: false } });
    const again = await h.send('/api/form');
    expect(again.status).toBe(200);
    expect(h.json(again).departments).toEqual(h.json(form).departments);

    const tickets = await Promise.all(
      [1, 2, 3].map((i) => h.send('/api/tickets', { method: 'POST', body: formOf({ ...validFields(), title: `Depois do reinício ${i}` }) })),
    );
    expect(tickets.map((answer) => answer.status)).toEqual([202, 202, 202]);

    await h.fake.setFault('none');
    expect(await waitFor(async () => h.fake.tickets.length === 3 && ((await health(h)).body.outbox as { queued: number }).queued === 0, 15_000)).toBe(true);
    expect(h.fake.tickets.map((ticket) => ticket.title).sort()).toEqual(['Depois do reinício 1', 'Depois do reinício 2', 'Depois do reinício 3']);
    // The next page view after the failed listing's pause asks TomTicket again.
    expect(await waitFor(async () => (await h.send('/api/form')).status === 200 && ((await health(h)).body.form as { source: string }).source === 'tomticket', 15_000)).toBe(true);
  }, 40_000);

  it('refuses tickets with 503 and a clear message when TomTicket never answered and nothing was saved', async () => {
    const h = (harness = await startHarness({ ...env, ...ENV }, 0));
    await h.fake.setFault('down');
    // A fresh DATA_DIR: nothing saved by an earlier run.
    await h.restart({ DATA_DIR: `${h.dataDir}-fresh` });
    expect(await waitFor(async () => (await health(h)).status === 503, 20_000)).toBe(true);
    expect((await health(h)).body).toMatchObject({ ok: false, problem: { code: 'tomticket_never_reached' }, form: { source: 'none', tried: true } });
    const ticket = await h.send('/api/tickets', { method: 'POST', body: formOf(validFields()) });
    expect(ticket.status).toBe(503);
    expect(h.json(ticket)).toMatchObject({ ok: false, error: { code: 'upstream_unavailable', message: expect.stringContaining('not reached TomTicket') } });
    expect(ticket.headers.get('retry-after')).toBe('30');

    await h.fake.setFault('none');
    expect(await waitFor(async () => (await h.send('/api/form')).status === 200, 15_000)).toBe(true);
    expect((await health(h)).status).toBe(200);
  }, 40_000);
});
