import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  APIS,
  formOf,
  spoolIsEmpty,
  startHarness,
  TEST_TOKEN,
  textsShowingToken,
  validFields,
  type Harness,
} from './harness.ts';

/** The most requests the fake saw in any window of `windowMs` starting at a request. */
function busiestWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j < sorted.length && (sorted[j] as number) - (sorted[i] as number) < windowMs) j++;
    most = Math.max(most, j - i);
  }
  return most;
}

async function outboxOf(harness: Harness): Promise<{ queued: number; uncertain: number; dead: number }> {
  return harness.json(await harness.send('/healthz')).outbox as { queued: number; uncertain: number; dead: number };
}

function expectNoTokenIn(harness: Harness) {
  expect(textsShowingToken(harness)).toEqual([]);
}

describe.each(APIS)('through $name', ({ env }) => {
  describe('TomTicket failures, as the customer gets them', () => {
    let harness: Harness;
    beforeAll(async () => {
      harness = await startHarness({ ...env, TOMTICKET_CREATE_CUSTOMERS: 'false' });
      expect((await harness.send('/api/form')).status).toBe(200);
    });
    afterAll(async () => {
      expect(harness.logLines.some((line) => line.includes('"level":"warn"'))).toBe(true);
      expectNoTokenIn(harness);
      await harness.close();
    });
    beforeEach(() => {
      harness.fake.clearRequests();
    });
    afterEach(async () => {
      harness.fake.setFault('none');
      expect(await spoolIsEmpty(harness)).toBe(true);
    });

    const submit = () =>
      harness.send('/api/tickets', { method: 'POST', body: formOf(validFields(), [new File(['anexo'], 'a.txt')]) });

    it('passes on TomTicket refusal as 422 with its own words as plain text', async () => {
      harness.fake.setFault('reject', '<b>Departamento</b> fechado &amp; indisponível');
      const answer = await submit();
      expect(answer.status).toBe(422);
      expect(harness.json(answer)).toEqual({
        ok: false,
        error: { code: 'upstream_rejected', message: 'Departamento fechado & indisponível' },
      });
    });

    it.each([
      ['an HTTP 500', 'http_500'],
      ['an answer that is not JSON', 'invalid_json'],
    ] as const)('holds the ticket (202) and asks the listing before any resend after %s to the ticket’s creation', async (_case, fault) => {
      const before = await outboxOf(harness);
      await harness.fake.setFault(fault);
      const answer = await submit();
      expect(answer.status).toBe(202);
      const body = harness.json(answer);
      expect(body).toEqual({ ok: true, queued: true, reference: expect.stringMatching(/^TT-[0-9A-Z]{8}$/) });
      // TomTicket may have made the ticket before failing: it stays queued, and the listing (which
      // fails too, so far) is asked before it is ever sent again.
      expect(await outboxOf(harness)).toMatchObject({ queued: before.queued + 1, uncertain: 0 });
      expect(harness.ticketCalls()).toEqual(['ticket_create', 'ticket_list']);
    });

    it('reports TomTicket unreachable on /healthz after a failure', async () => {
      harness.fake.setFault('http_500');
      await submit();
      const health = harness.json(await harness.send('/healthz'));
      expect(health).toMatchObject({ ok: true, mode: 'live', upstream: { reachable: false } });
    });
  });

  describe('a TomTicket that never answers', () => {
    let harness: Harness;
    beforeAll(async () => {
      harness = await startHarness({ ...env, TOMTICKET_TIMEOUT_MS: '500', TOMTICKET_CREATE_CUSTOMERS: 'false' });
    });
    afterAll(async () => {
      expectNoTokenIn(harness);
      await harness.close();
    });

    it('gets 503 for the form schema when the listing was never had, and /healthz says so', async () => {
      harness.fake.setFault('no_answer');
      const answer = await harness.send('/api/form');
      expect(answer.status).toBe(503);
      expect(harness.json(answer)).toMatchObject({ ok: false, error: { code: 'upstream_timeout' } });
      const health = await harness.send('/healthz');
      expect(health.status).toBe(503);
      expect(harness.json(health)).toMatchObject({ ok: false, problem: { code: 'tomticket_never_reached' }, form: { source: 'none' } });
    });
  });

  describe('a TomTicket that never answers a ticket', () => {
    let harness: Harness;
    beforeAll(async () => {
      harness = await startHarness({ ...env, TOMTICKET_TIMEOUT_MS: '500', TOMTICKET_CREATE_CUSTOMERS: 'false' });
      expect((await harness.send('/api/form')).status).toBe(200);
    });
    afterAll(async () => {
      expectNoTokenIn(harness);
      await harness.close();
    });

    it('answers 202 once the timeout passes, holding the ticket until the listing can say', async () => {
      await harness.fake.setFault('no_answer');
      const started = Date.now();
      const answer = await harness.send('/api/tickets', { method: 'POST', body: formOf(validFields()) });
      expect(answer.status).toBe(202);
      expect(harness.json(answer)).toMatchObject({ ok: true, queued: true });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(await outboxOf(harness)).toMatchObject({ queued: 1, uncertain: 0 });
      expect(await spoolIsEmpty(harness)).toBe(true);
    });

    it('lets a request in flight finish when the server closes', async () => {
      await harness.fake.setFault('no_answer');
      const pending = harness.send('/api/tickets', { method: 'POST', body: formOf(validFields()) });
      await new Promise((resolve) => setTimeout(resolve, 100));
      const closing = harness.server.close();

      // The ticket is in the outbox already: closing answers 202 at once instead of waiting.
      expect((await pending).status).toBe(202);
      await closing;
      await expect(fetch(`${harness.server.url}/healthz`)).rejects.toThrow();
      expect(await spoolIsEmpty(harness)).toBe(true);
    });
  });

  describe('a TomTicket that cannot list departments', () => {
    let harness: Harness;
    beforeAll(async () => {
      harness = await startHarness(env);
    });
    afterAll(async () => {
      expectNoTokenIn(harness);
      await harness.close();
    });

    it('gets 503 for the form schema and for a submission, which is refused unread', async () => {
      harness.fake.setFault('http_500');
      const form = await harness.send('/api/form');
      expect(form.status).toBe(503);
      expect(harness.json(form)).toMatchObject({ ok: false, error: { code: 'upstream_unavailable' } });
      const ticket = await harness.send('/api/tickets', { method: 'POST', body: formOf(validFields()) });
      expect(ticket.status).toBe(503);
      expect(harness.json(ticket)).toMatchObject({ error: { code: 'upstream_unavailable', message: expect.stringContaining('not reached TomTicket') } });
      expect(harness.fake.requests.filter((call) => call.role !== 'departments')).toEqual([]);
    });
  });

  describe('many submissions at once', () => {
    let harness: Harness;
    beforeAll(async () => {
      harness = await startHarness(env);
      expect((await harness.send('/api/form')).status).toBe(200);
      harness.fake.clearRequests();
    });
    afterAll(async () => {
      expectNoTokenIn(harness);
      await harness.close();
    });

    it('creates all ten, never sending TomTicket more than 3 requests in any second', async () => {
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          harness.send('/api/tickets', {
            method: 'POST',
            body: formOf({ ...validFields(), title: `Chamado ${i}` }, [new File([`anexo ${i}`], `a${i}.txt`)]),
          }),
        ),
      );

      expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(201));
      const protocols = answers.map((answer) => (harness.json(answer).ticket as { protocol: number }).protocol);
      expect(new Set(protocols).size).toBe(10);
      expect(harness.fake.requests.filter((call) => call.status === 429)).toEqual([]);
      expect(busiestWindow(harness.fake.requests.map((call) => call.at), 1000)).toBeLessThanOrEqual(3);
      expect(harness.fake.tickets.map((ticket) => ticket.title).sort()).toEqual(
        Array.from({ length: 10 }, (_, i) => `Chamado ${i}`).sort(),
      );
      expect(await spoolIsEmpty(harness)).toBe(true);
    });
  });
});
