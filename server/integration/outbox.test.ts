import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../log/create-logger.ts';
import { runOutboxCommand } from '../outbox/outbox-command.ts';
import { createOutboxStore } from '../outbox/outbox-store.ts';
import { sha256Of } from '../sandbox/test-kit.ts';
import {
  APIS,
  formOf,
  spoolIsEmpty,
  startHarness,
  TEST_TOKEN,
  textsShowingToken,
  validFields,
  waitFor,
  type Harness,
} from './harness.ts';

// Faults hit criar_chamado itself (no customer check first); retries come fast.
const ENV = {
  TOMTICKET_CREATE_CUSTOMERS: 'false',
  TOMTICKET_REQUESTS_PER_SECOND: '0',
  TOMTICKET_TIMEOUT_MS: '400',
  OUTBOX_RETRY_BASE_MS: '40',
  OUTBOX_RETRY_MAX_MS: '200',
  OUTBOX_LOOKUP_GRACE_MS: '600',
};
const REFERENCE = /^TT-[0-9A-Z]{8}$/;

describe.each(APIS)('the outbox through $name', ({ env }) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ ...env, ...ENV }, 0, { slowAnswerMs: 800 });
    expect((await harness.send('/api/form')).status).toBe(200);
  });
  afterAll(async () => {
    expect(textsShowingToken(harness)).toEqual([]);
    await harness.close();
  });
  beforeEach(async () => {
    await harness.fake.setFault('none');
  });
  afterEach(async () => {
    await harness.fake.setFault('none');
    expect(await spoolIsEmpty(harness)).toBe(true);
  });

  const post = (fields: Record<string, string>, key?: string, files: File[] = []) =>
    harness.send('/api/tickets', {
      method: 'POST',
      body: formOf(fields, files),
      ...(key === undefined ? {} : { headers: { 'Idempotency-Key': key } }),
    });
  const ticketsTitled = (title: string) => harness.fake.tickets.filter((ticket) => ticket.title === title);
  const outbox = async () => harness.json(await harness.send('/healthz')).outbox as Record<string, number | null>;
  const eventually = async (check: () => boolean | Promise<boolean>, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('condition not reached in time');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const store = () => createOutboxStore({ root: harness.dataDir, logger: createLogger({ secrets: [] }) });
  const operator = (...args: string[]) => runOutboxCommand(args, store(), () => undefined);

  describe('Idempotency-Key on POST /api/tickets', () => {
    it('answers a repeat with the first answer, making one ticket', async () => {
      const fields = { ...validFields(), title: 'Repetido em sequência' };
      const first = await post(fields, 'b3c9a3f4-1d52-4c34-9c7e-8a1d7e0a0001', [new File(['anexo'], 'a.txt')]);
      const second = await post(fields, 'b3c9a3f4-1d52-4c34-9c7e-8a1d7e0a0001', [new File(['anexo'], 'a.txt')]);

      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.text).toBe(first.text);
      expect(second.headers.get('idempotent-replayed')).toBe('true');
      expect(ticketsTitled(fields.title)).toHaveLength(1);
    });

    it('answers a concurrent repeat with 409 while the first runs, then with the first answer', async () => {
      await harness.fake.setFault('slow');
      const fields = { ...validFields(), title: 'Repetido ao mesmo tempo' };
      const key = 'b3c9a3f4-1d52-4c34-9c7e-8a1d7e0a0002';
      const answers = await Promise.all([post(fields, key), post(fields, key), post(fields, key)]);
      await harness.fake.setFault('none');

      const statuses = answers.map((answer) => answer.status).sort();
      expect(statuses).toEqual([202, 409, 409]);
      const first = answers.find((answer) => answer.status === 202);
      expect(harness.json(answers.find((answer) => answer.status === 409)!)).toMatchObject({ error: { code: 'idempotency_conflict' } });
      const again = await post(fields, key);
      expect(again.status).toBe(202);
      expect(again.text).toBe(first?.text);
      // The slow call went out once and TomTicket made the ticket once; it waits as uncertain.
      await eventually(() => ticketsTitled(fields.title).length === 1);
      expect(ticketsTitled(fields.title)).toHaveLength(1);
    });

    it('refuses the same key with a different form (422) and a malformed key (400)', async () => {
      const key = 'b3c9a3f4-1d52-4c34-9c7e-8a1d7e0a0003';
      expect((await post({ ...validFields(), title: 'Primeira versão' }, key)).status).toBe(201);
      const changed = await post({ ...validFields(), title: 'Segunda versão' }, key);
      expect(changed.status).toBe(422);
      expect(harness.json(changed)).toMatchObject({ ok: false, error: { code: 'idempotency_mismatch' } });
      expect(ticketsTitled('Segunda versão')).toHaveLength(0);

      const malformed = await post(validFields(), 'chave com espaços');
      expect(malformed.status).toBe(400);
      expect(harness.json(malformed)).toMatchObject({ error: { code: 'invalid_idempotency_key' } });
    });

    it('keeps no answer for a refusal, so a corrected resend under the same key goes through', async () => {
      const key = 'b3c9a3f4-1d52-4c34-9c7e-8a1d7e0a0004';
      await harness.fake.setFault('reject', 'Departamento fechado');
      const refused = await post({ ...validFields(), title: 'Recusado antes' }, key);
      expect(refused.status).toBe(422);
      expect(harness.json(refused)).toEqual({ ok: false, error: { code: 'upstream_rejected', message: 'Departamento fechado' } });
      await harness.fake.setFault('none');
      expect((await post({ ...validFields(), title: 'Aceito depois' }, key)).status).toBe(201);
      expect(ticketsTitled('Aceito depois')).toHaveLength(1);
    });
  });

  describe('TomTicket in trouble: the ticket is held, never lost, never doubled', () => {
    it('down: 202 with a reference, delivered once TomTicket is back; a repeat gets the same 202', async () => {
      // The slow ticket of the idempotency tests may still be settling in the listing: start from an empty queue.
      await eventually(async () => (await outbox()).queued === 0);
      await harness.fake.setFault('down');
      const fields = { ...validFields(), title: 'Enviado com o TomTicket fora' };
      const key = 'b3c9a3f4-1d52-4c34-9c7e-8a1d7e0a0005';
      const attachment = () => new File(['conteúdo do anexo'], 'log.txt', { type: 'text/plain' });
      const answer = await post(fields, key, [attachment()]);

      expect(answer.status).toBe(202);
      const body = harness.json(answer);
      expect(body).toEqual({ ok: true, queued: true, reference: expect.stringMatching(REFERENCE) });
      expect(await outbox()).toMatchObject({ queued: 1, oldestAgeSeconds: expect.any(Number) });
      expect((await post(fields, key, [attachment()])).text).toBe(answer.text);

      await harness.fake.setFault('none');
      await eventually(() => ticketsTitled(fields.title).length > 0);
      await eventually(async () => (await outbox()).queued === 0);
      const [ticket] = ticketsTitled(fields.title);
      expect(ticketsTitled(fields.title)).toHaveLength(1);
      expect(ticket?.message.endsWith(`[ref ${body.reference as string}]`)).toBe(true);
      expect(ticket?.attachments.map((file) => [file.fileName, file.sha256])).toEqual([['log.txt', sha256Of('conteúdo do anexo')]]);
    });

    it('429 storm: 202, then delivered once the storm ends', async () => {
      await harness.fake.setFault('rate_limit_storm');
      const answer = await post({ ...validFields(), title: 'Durante a tempestade de 429' });
      expect(answer.status).toBe(202);
      await harness.fake.setFault('none');
      await eventually(() => ticketsTitled('Durante a tempestade de 429').length === 1);
      await eventually(async () => (await outbox()).queued === 0);
    });

    it.each([
      ['created, then dropped the connection', 'created_then_drop', 201, 1],
      ['answered after the timeout', 'slow', 202, 1],
      ['reset mid-upload', 'reset_mid_upload', 202, 0],
      ['answered 500', 'http_500', 202, 0],
    ] as const)('%s: looked up in the listing, then delivered exactly once', async (_case, fault, status, madeByTheLostTry) => {
      const title = `Resposta perdida: ${fault}`;
      await harness.fake.setFault(fault);
      const answer = await post({ ...validFields(), title });
      await harness.fake.setFault('none');
      expect(answer.status).toBe(status);
      expect(ticketsTitled(title)).toHaveLength(madeByTheLostTry);
      if (status === 201) {
        // Found in the listing while the customer waited: their protocol number, no second try.
        expect(harness.json(answer)).toEqual({ ok: true, ticket: { id: ticketsTitled(title)[0]?.id, protocol: ticketsTitled(title)[0]?.protocol } });
      }
      await eventually(async () => ticketsTitled(title).length === 1 && (await outbox()).queued === 0);
      // Several retry periods and the grace period later: still one.
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(ticketsTitled(title)).toHaveLength(1);
      expect(await outbox()).toMatchObject({ queued: 0, uncertain: 0, dead: 0 });
      const [ticket] = ticketsTitled(title);
      expect(ticket?.message).toMatch(/\[ref TT-[0-9A-Z]{8}\]$/);
      expect(harness.fake.requests.some((request) => request.role === 'ticket_list')).toBe(true);
    });

    it('an operator can still requeue or drop what waits in uncertain/', async () => {
      const reference = (await store().list('outbox')).length;
      expect(reference).toBe(0);
      const parked = await store().add({
        customer: { email: validFields().email as string },
        departmentId: 'dep-suporte',
        categoryId: 'cat-login',
        title: 'Deixado para uma pessoa',
        message: 'Texto',
        priority: 1,
        customFields: { navegador: 'chrome' },
        attachments: [],
      });
      await store().move({ ...parked, lastError: 'listing never answered' }, 'outbox', 'uncertain');
      expect(await outbox()).toMatchObject({ uncertain: 1 });
      expect(await operator('requeue', parked.reference)).toBe(0);
      await eventually(async () => (await outbox()).queued === 0 && ticketsTitled('Deixado para uma pessoa').length === 1);
      expect(await outbox()).toMatchObject({ uncertain: 0 });
    });
  });
});

describe('API 2.0: a lost answer whose ticket the listing shows only a while later', () => {
  it('is found by a later look, within the grace period, and never sent twice', async () => {
    const v2 = APIS.find((candidate) => candidate.api === 'v2') as (typeof APIS)[number];
    // The listing hides new tickets for 1 s and answers a page past its end 404 ([code, live] C1's lag).
    const h = await startHarness({ ...v2.env, ...ENV, OUTBOX_LOOKUP_GRACE_MS: '3000' }, 0, {
      v2Variants: { listingLag: 'delayed', listingEnd: 'http_404' },
      listingLagMs: 1000,
    });
    try {
      expect((await h.send('/api/form')).status).toBe(200);
      const title = 'Resposta perdida, listagem atrasada';
      await h.fake.setFault('created_then_drop');
      const answer = await h.send('/api/tickets', { method: 'POST', body: formOf({ ...validFields(), title }) });
      await h.fake.setFault('none');
      // Not in the listing yet when the answer was lost: the customer is told it is received.
      expect(answer.status).toBe(202);
      const queued = async () => (h.json(await h.send('/healthz')).outbox as { queued: number }).queued;
      const deadline = Date.now() + 15_000;
      while ((await queued()) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await queued()).toBe(0);
      expect(h.fake.tickets.filter((ticket) => ticket.title === title)).toHaveLength(1);
      expect(h.fake.requests.filter((request) => request.role === 'ticket_create')).toHaveLength(1);
      // Written once the item's folder is gone, a moment after it left the queue.
      expect(await waitFor(async () => h.logLines.some((line) => line.includes('"foundInListing":true')), 5000)).toBe(true);
      expect(textsShowingToken(h)).toEqual([]);
    } finally {
      await h.close();
    }
  }, 30_000);
});
