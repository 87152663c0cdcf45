import { afterEach, describe, expect, it } from 'vitest';
import { formOf, startHarness, TEST_TOKEN, textsShowingToken, validFields, waitFor, type Harness } from './harness.ts';

// A refused token (revoked, mistyped, replaced) is the operator's problem, not the customer's:
// tickets are kept (202), /healthz answers 503 naming the token, the log says what to do, and
// every kept ticket is delivered once TomTicket accepts the token again.
const ENV = { TOMTICKET_REQUESTS_PER_SECOND: '0', OUTBOX_RETRY_BASE_MS: '100', OUTBOX_RETRY_MAX_MS: '300' };
const ROTATED = 'rotated-token-71b3e0c4';

let harness: Harness | undefined;
afterEach(async () => {
  if (harness) expect(textsShowingToken(harness).concat(harness.logLines.filter((line) => line.includes(ROTATED)))).toEqual([]);
  await harness?.close();
  harness = undefined;
});

const post = (h: Harness, title: string) =>
  h.send('/api/tickets', { method: 'POST', body: formOf({ ...validFields(), title }), headers: { 'Idempotency-Key': `token-${title.replace(/\W+/g, '-')}` } });
const titled = (h: Harness, title: string) => h.fake.tickets.filter((ticket) => ticket.title === title);

describe.each([
  ['HTTP 200 with erro: true', 'erro_200'],
  ['HTTP 401', 'http_4xx'],
] as const)('TomTicket refusing the token (%s)', (_case, refusals) => {
  it('keeps the tickets (202), answers /healthz 503 naming the token, and delivers them once it is accepted again', async () => {
    const h = (harness = await startHarness(ENV, 0, { variants: { refusals } }));
    expect((await h.send('/api/form')).status).toBe(200);
    h.fake.setToken(ROTATED);

    const first = await post(h, 'Com o token recusado 1');
    expect(first.status).toBe(202);
    expect(h.json(first)).toEqual({ ok: true, queued: true, reference: expect.stringMatching(/^TT-/) });
    const health = await h.send('/healthz');
    expect(health.status).toBe(503);
    expect(h.json(health)).toMatchObject({
      ok: false,
      problem: { code: 'token_refused', message: expect.stringContaining('TOMTICKET_TOKEN') },
      upstream: { token: 'refused' },
      outbox: { queued: 1 },
    });
    const advice = h.logLines.map((line) => JSON.parse(line) as Record<string, unknown>).find((line) => line.level === 'error' && String(line.msg).includes('TOMTICKET_TOKEN'));
    expect(advice).toMatchObject({ whatToDo: expect.stringContaining('npm run doctor') });
    // Known refused: the next ticket is not even tried, just kept.
    const before = h.fake.requests.length;
    expect((await post(h, 'Com o token recusado 2')).status).toBe(202);
    expect(h.fake.requests.slice(before).filter((request) => request.endpoint === 'criar_chamado')).toEqual([]);
    // The form still loads from what the server had: customers can keep writing.
    expect((await h.send('/api/form')).status).toBe(200);
    expect(h.fake.tickets).toHaveLength(0);

    h.fake.setToken(TEST_TOKEN);
    expect(await waitFor(async () => titled(h, 'Com o token recusado 1').length === 1 && titled(h, 'Com o token recusado 2').length === 1, 10_000)).toBe(true);
    // The fake keeps a ticket before it answers; the outbox lets the ticket go once it read the answer.
    const outboxEmpty = async () => (h.json(await h.send('/healthz')) as { outbox?: { queued?: number } }).outbox?.queued === 0;
    expect(await waitFor(outboxEmpty, 10_000)).toBe(true);
    const healthy = await h.send('/healthz');
    expect(healthy.status).toBe(200);
    expect(h.json(healthy)).toMatchObject({ ok: true, upstream: { token: 'accepted' }, outbox: { queued: 0, uncertain: 0, dead: 0 } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.fake.tickets).toHaveLength(2);
  }, 30_000);
});

describe('a token fixed by a restart with the new one', () => {
  it('delivers what the old token could not, from the same DATA_DIR', async () => {
    const h = (harness = await startHarness(ENV, 0));
    expect((await h.send('/api/form')).status).toBe(200);
    h.fake.setToken(ROTATED);
    expect((await post(h, 'Antes da troca do token')).status).toBe(202);
    expect((await h.send('/healthz')).status).toBe(503);

    await h.restart({ TOMTICKET_TOKEN: ROTATED });
    expect(await waitFor(async () => titled(h, 'Antes da troca do token').length === 1, 10_000)).toBe(true);
    expect((await h.send('/healthz')).status).toBe(200);
    expect(h.fake.tickets).toHaveLength(1);
  }, 30_000);
});
