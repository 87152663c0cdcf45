import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeliveryConfig } from '../config/types.ts';
import { stubClient } from '../tomticket/stub-client.ts';
import { ticketMayExist } from '../tomticket/ticket-may-exist.ts';
import type { CreateTicketResult, TicketLookup, TicketLookupResult, TicketToCreate, TomTicketClient } from '../tomticket/types.ts';
import { createDelivery, type DeliveryOptions, type TicketDelivery } from './delivery.ts';
import { createIdempotencyStore, type IdempotencyStore } from './idempotency-store.ts';
import { createOutboxStore, type OutboxStore } from './outbox-store.ts';
import { createOutboxTestFolder, testTicket, type OutboxTestFolder } from './test-kit.ts';

const FAST: DeliveryConfig = { waitMs: 2000, retryBaseMs: 20, retryMaxMs: 40, deadAfterMs: 60_000 };
const CREATED: CreateTicketResult = { ok: true, id: 'abc', protocol: 7 };
const REFUSED: CreateTicketResult = { ok: false, kind: 'unavailable', detail: 'criar_chamado could not be reached (ECONNREFUSED)', ticketMayExist: false };
const DROPPED: CreateTicketResult = { ok: false, kind: 'unavailable', detail: 'criar_chamado failed during the call (UND_ERR_SOCKET)', ticketMayExist: true };
const FOUND: TicketLookupResult = { kind: 'found', id: 'h1', protocol: 41 };
const ABSENT: TicketLookupResult = { kind: 'absent' };
const FAILED: TicketLookupResult = { kind: 'failed', detail: 'chamados unavailable' };

let folder: OutboxTestFolder;
let store: OutboxStore;
let idempotency: IdempotencyStore;
let delivery: TicketDelivery | undefined;
/** Every ticket the scripted client was asked to create, in order. */
let calls: TicketToCreate[];

beforeEach(async () => {
  folder = await createOutboxTestFolder();
  store = createOutboxStore({ root: folder.root, logger: folder.logger });
  idempotency = createIdempotencyStore({ dir: join(folder.root, 'idempotency') });
  calls = [];
});
afterEach(async () => {
  await delivery?.stop();
  delivery = undefined;
  await folder.remove();
});

/**
 * A client answering each call with the next result of `script` (the last one repeats), and
 * honouring the send guard as the real one does: marked while "sending", unmarked when surely not sent.
 */
function scriptedClient(
  ...script: Array<CreateTicketResult | (() => Promise<CreateTicketResult>)>
): TomTicketClient {
  return stubClient({
    async createTicket(ticket, guard) {
      calls.push(ticket);
      const next = script.length > 1 ? script.shift() : script[0];
      await guard?.beforeSend();
      const result = typeof next === 'function' ? await next() : (next as CreateTicketResult);
      if (!result.ok && !ticketMayExist(result)) await guard?.notSent();
      return result;
    },
  });
}

async function started(client: TomTicketClient, overrides: Partial<DeliveryOptions> = {}): Promise<TicketDelivery> {
  delivery = createDelivery({ store, idempotency, client, logger: folder.logger, config: FAST, rescanMs: 50, ...overrides });
  await delivery.start();
  return delivery;
}

const until = async (check: () => Promise<boolean> | boolean, timeoutMs = 5000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};
const key = { keyHash: 'a'.repeat(64), fingerprint: 'f1' };

describe('createDelivery: the customer’s try', () => {
  it('answers created when TomTicket takes the ticket at once, and keeps nothing but the key’s answer', async () => {
    const outbox = await started(scriptedClient(CREATED));
    const answer = await outbox.submit(testTicket(), key);

    expect(answer).toEqual({ kind: 'created', reference: expect.stringMatching(/^TT-/), ticket: { id: 'abc', protocol: 7 } });
    expect(calls[0]?.message).toBe(`Desde ontem a senha não é aceita.<br><br>[ref ${answer.reference}]`);
    expect(await outbox.status()).toEqual({ queued: 0, uncertain: 0, dead: 0, oldestAgeSeconds: null });
    expect(await idempotency.find(key.keyHash)).toMatchObject({
      fingerprint: 'f1',
      reference: answer.reference,
      answer: { status: 201, body: { ok: true, ticket: { id: 'abc', protocol: 7 } } },
    });
  });

  it('answers queued when TomTicket cannot be reached, then the worker delivers it', async () => {
    const outbox = await started(scriptedClient(REFUSED, REFUSED, CREATED));
    const answer = await outbox.submit(testTicket(), key);

    expect(answer).toEqual({ kind: 'queued', reference: expect.stringMatching(/^TT-/) });
    expect(await idempotency.find(key.keyHash)).toMatchObject({ answer: { status: 202, body: { queued: true, reference: answer.reference } } });
    await until(async () => (await outbox.status()).queued === 0);
    expect(calls.map((ticket) => ticket.title)).toHaveLength(3);
    expect(await store.references('outbox')).toEqual([]);
    // The first answer stays the key's answer.
    expect(await idempotency.find(key.keyHash)).toMatchObject({ answer: { status: 202 } });
    expect(folder.logLines.some((line) => line.includes('ticket delivered'))).toBe(true);
  });

  it('looks a ticket that may exist up in the listing at once: found there, it is the customer’s 201, never resent', async () => {
    const lookups: TicketLookup[] = [];
    const client = { ...scriptedClient(DROPPED, CREATED), findTicket: async (lookup: TicketLookup) => (lookups.push(lookup), FOUND) };
    const outbox = await started(client);
    const answer = await outbox.submit(testTicket(), key);

    expect(answer).toEqual({ kind: 'created', reference: expect.any(String), ticket: { id: 'h1', protocol: 41 } });
    expect(lookups).toEqual([expect.objectContaining({ email: 'ana@example.com', reference: answer.reference, title: testTicket().title })]);
    expect(await idempotency.find(key.keyHash)).toMatchObject({ answer: { status: 201 } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(calls).toHaveLength(1);
    expect(await outbox.status()).toEqual({ queued: 0, uncertain: 0, dead: 0, oldestAgeSeconds: null });
  });

  it('sends a ticket of unknown outcome once more only after the listing kept not showing it for the grace period', async () => {
    let listed = 0;
    const client = { ...scriptedClient(DROPPED, CREATED), findTicket: async () => (listed++, ABSENT) };
    const outbox = await started(client, { config: { ...FAST, lookupGraceMs: 300 } });
    const started_ = Date.now();
    expect((await outbox.submit(testTicket())).kind).toBe('queued');
    await until(async () => (await outbox.status()).queued === 0);
    expect(Date.now() - started_).toBeGreaterThanOrEqual(300);
    // Asked right after the lost answer, and again when the grace period ended; then sent once.
    expect(listed).toBe(2);
    expect(calls).toHaveLength(2);
    expect(folder.logLines.some((line) => line.includes('sending it again'))).toBe(true);
  });

  it('asks again while the listing fails, and leaves the ticket to a person only when OUTBOX_DEAD_AFTER_MS runs out', async () => {
    let listed = 0;
    const client = { ...scriptedClient(DROPPED, CREATED), findTicket: async () => (listed++, FAILED) };
    const outbox = await started(client, { config: { ...FAST, deadAfterMs: 300 } });
    const answer = await outbox.submit(testTicket());
    expect(answer.kind).toBe('queued');
    await until(async () => (await outbox.status()).uncertain === 1);
    expect(listed).toBeGreaterThan(2);
    expect(calls).toHaveLength(1);
    expect(await store.list('uncertain')).toEqual([
      expect.objectContaining({ reference: answer.reference, unknownSince: expect.any(String), lastError: expect.stringContaining('listing') }),
    ]);
    // park() logs once the move is done: a status read can see the moved item a moment before the line.
    await until(() => folder.logLines.some((line) => line.includes('parked as uncertain')));
    const loud = folder.logLines.find((line) => line.includes('parked as uncertain'));
    expect(JSON.parse(loud ?? '{}')).toMatchObject({ level: 'error', reference: answer.reference });
  });

  it('holds every ticket while the token is refused, and delivers them once a probe finds it accepted', async () => {
    let tokenGood = false;
    const client = {
      ...scriptedClient(() => Promise.resolve<CreateTicketResult>(tokenGood ? CREATED : { ok: false, kind: 'token_refused', detail: 'HTTP 401' })),
      tokenState: () => (tokenGood ? { state: 'accepted' as const, checkedAt: '' } : { state: 'refused' as const, since: '', checkedAt: '' }),
      checkToken: async () => (tokenGood ? { kind: 'accepted' as const } : { kind: 'refused' as const, detail: 'HTTP 401' }),
    };
    const outbox = await started(client);
    // Known refused: not even tried, the customer hears "received" at once.
    const answers = [await outbox.submit(testTicket({ title: 'a' })), await outbox.submit(testTicket({ title: 'b' }))];
    expect(answers.map((answer) => answer.kind)).toEqual(['queued', 'queued']);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(calls).toHaveLength(0);
    tokenGood = true;
    await until(async () => (await outbox.status()).queued === 0);
    expect(calls.map((ticket) => ticket.title).sort()).toEqual(['a', 'b']);
    expect(folder.logLines.some((line) => line.includes('accepts the token again'))).toBe(true);
  });

  it('moves a ticket answered unreadably OUTBOX_MAX_REFUSALS times to dead letters', async () => {
    const outbox = await started(scriptedClient({ ok: false, kind: 'unexpected', detail: 'criar_chamado answered HTTP 404 with a body that is not a JSON object' }), {
      config: { ...FAST, maxRefusals: 3 },
    });
    await outbox.submit(testTicket());
    await until(async () => (await store.list('dead')).length === 1);
    expect(calls).toHaveLength(3);
    expect(await store.list('dead')).toEqual([expect.objectContaining({ refusals: 3, lastError: expect.stringContaining('404') })]);
  });

  it('passes a refusal on while the customer waits, keeping neither the ticket nor the key', async () => {
    const outbox = await started(scriptedClient({ ok: false, kind: 'rejected', message: 'Cliente inativo' }));
    const answer = await outbox.submit(testTicket(), key);
    expect(answer).toEqual({ kind: 'rejected', reference: expect.any(String), message: 'Cliente inativo' });
    expect(await outbox.status()).toEqual({ queued: 0, uncertain: 0, dead: 0, oldestAgeSeconds: null });
    expect(await idempotency.find(key.keyHash)).toBeUndefined();
  });

  it('answers queued once DELIVERY_WAIT_MS passes, and the try goes on to deliver', async () => {
    let finish: ((result: CreateTicketResult) => void) | undefined;
    const slow = () => new Promise<CreateTicketResult>((resolve) => (finish = resolve));
    const outbox = await started(scriptedClient(slow), { config: { ...FAST, waitMs: 50 } });
    const answer = await outbox.submit(testTicket(), key);
    expect(answer.kind).toBe('queued');
    expect(await outbox.status()).toMatchObject({ queued: 1 });
    await until(() => finish !== undefined);
    finish?.(CREATED);
    await until(async () => (await outbox.status()).queued === 0);
    expect(await idempotency.find(key.keyHash)).toMatchObject({ answer: { status: 202 } });
    expect(calls).toHaveLength(1);
  });
});

describe('createDelivery: the worker', () => {
  it('moves a ticket refused after it was queued to dead letters, not to nowhere', async () => {
    const outbox = await started(scriptedClient(REFUSED, { ok: false, kind: 'rejected', message: 'Departamento fechado' }));
    const answer = await outbox.submit(testTicket());
    expect(answer.kind).toBe('queued');
    await until(async () => (await store.list('dead')).length === 1);
    expect(await store.list('dead')).toEqual([expect.objectContaining({ lastError: 'TomTicket refused it: Departamento fechado' })]);
  });

  it('gives up on a ticket that keeps failing past OUTBOX_DEAD_AFTER_MS, loudly', async () => {
    const outbox = await started(scriptedClient(REFUSED), { config: { ...FAST, deadAfterMs: 150 } });
    await outbox.submit(testTicket());
    await until(() => folder.logLines.some((line) => line.includes('"level":"error"') && line.includes('OUTBOX_DEAD_AFTER_MS')));
    expect(await outbox.status()).toMatchObject({ queued: 0, dead: 1 });
    expect(calls.length).toBeGreaterThanOrEqual(2);
  });

  it('backs off exponentially with jitter, capped', async () => {
    const pausesOf = () =>
      folder.logLines.filter((line) => line.includes('will retry')).map((line) => JSON.parse(line).retryInMs as number);
    const outbox = await started(scriptedClient(REFUSED), { config: { ...FAST, retryBaseMs: 40, retryMaxMs: 160 }, random: () => 1 });
    await outbox.submit(testTicket());
    await until(() => pausesOf().length >= 5);
    // random() = 1 is the top of each jittered range [ceiling / 2, ceiling].
    expect(pausesOf().slice(0, 5)).toEqual([40, 80, 160, 160, 160]);
    await outbox.stop();
    delivery = createDelivery({ store, idempotency, client: scriptedClient(REFUSED), logger: folder.logger, config: FAST, random: () => 0 });
    folder.logLines.length = 0;
    await delivery.start();
    await until(() => pausesOf().length >= 1);
    // random() = 0 is the bottom: half the ceiling, so tickets refused together spread out.
    expect(pausesOf()[0]).toBe(40 / 2);
  });

  it('delivers the oldest first, at most three at a time', async () => {
    // Left by an earlier run, received a second apart: chamado 0 is the oldest.
    let clock = Date.parse('2025-01-01T12:00:00Z');
    const earlier = createOutboxStore({ root: folder.root, logger: folder.logger, now: () => new Date((clock -= 1000)) });
    for (let i = 7; i >= 0; i--) await earlier.add(testTicket({ title: `chamado ${i}` }));
    let running = 0;
    let most = 0;
    const client = scriptedClient(async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 20));
      running--;
      return CREATED;
    });
    const outbox = await started(client);
    await until(async () => (await outbox.status()).queued === 0);
    expect(most).toBe(3);
    // Three start together (their calls may reach the client in any order), the oldest three.
    const titles = calls.map((ticket) => ticket.title);
    expect(titles.slice(0, 3).sort()).toEqual(['chamado 0', 'chamado 1', 'chamado 2']);
    expect(titles.slice(-2).sort()).toEqual(['chamado 6', 'chamado 7']);
  });

  it('picks up a ticket an operator put back in the queue', async () => {
    const client = { ...scriptedClient(DROPPED, CREATED), findTicket: async () => FAILED };
    const outbox = await started(client, { config: { ...FAST, deadAfterMs: 50 } });
    const answer = await outbox.submit(testTicket());
    await until(async () => (await store.list('uncertain')).length === 1);
    const [parked] = await store.list('uncertain');
    await store.release(parked!, 'uncertain');
    await until(async () => calls.length === 2 && (await outbox.status()).queued === 0);
    expect(calls[1]?.message).toContain(answer.reference);
  });

  it('on stop answers a waiting customer at once and lets the try under way end', async () => {
    let finish: ((result: CreateTicketResult) => void) | undefined;
    const outbox = await started(scriptedClient(() => new Promise((resolve) => (finish = resolve))));
    const answering = outbox.submit(testTicket());
    await until(() => finish !== undefined);
    let stopped = false;
    const stopping = outbox.stop().then(() => (stopped = true));
    expect((await answering).kind).toBe('queued');
    expect(stopped).toBe(false);
    finish?.(REFUSED);
    await stopping;
    // Surely not sent: it waits in the outbox, without an attempt marker, for the next start.
    expect(await store.references('outbox')).toHaveLength(1);
    expect(await store.hasAttemptMarker((await store.references('outbox'))[0]!)).toBe(false);
    delivery = undefined;
  });
});

describe('createDelivery: start after a crash', () => {
  it('looks an item caught mid-try up before any resend, removes those TomTicket confirmed, and rebuilds lost key records', async () => {
    const interrupted = await store.add(testTicket({ title: 'interrompido' }));
    await store.startAttempt(interrupted.reference);
    const delivered = await store.add(testTicket({ title: 'entregue' }), { keyHash: 'b'.repeat(64), fingerprint: 'f' });
    await store.startAttempt(delivered.reference);
    await idempotency.save('b'.repeat(64), { fingerprint: 'f', reference: delivered.reference, answer: { status: 201, body: {} } });
    const unanswered = await store.add(testTicket({ title: 'sem resposta' }), { keyHash: 'c'.repeat(64), fingerprint: 'g' });
    // Confirmed by TomTicket, then the crash came during the protocol lookup, before any answer.
    const confirmed = await store.add(testTicket({ title: 'confirmado' }), { keyHash: 'd'.repeat(64), fingerprint: 'h' });
    await store.startAttempt(confirmed.reference);
    await store.markCreated(confirmed.reference);

    const lookups: TicketLookup[] = [];
    const client = { ...scriptedClient(CREATED), findTicket: async (lookup: TicketLookup) => (lookups.push(lookup), FOUND) };
    const outbox = await started(client);
    await until(async () => (await outbox.status()).queued === 0);

    // The interrupted one was in TomTicket's listing: delivered, never sent again.
    expect(calls.map((ticket) => ticket.title)).toEqual(['sem resposta']);
    expect(lookups.map((lookup) => lookup.title)).toEqual(['interrompido']);
    expect(await store.list('uncertain')).toEqual([]);
    expect(await idempotency.find('c'.repeat(64))).toMatchObject({
      fingerprint: 'g',
      answer: { status: 202, body: { ok: true, queued: true, reference: unanswered.reference } },
    });
    expect(await store.references('outbox')).toEqual([]);
    expect(await idempotency.find('d'.repeat(64))).toMatchObject({ answer: { status: 202, body: { reference: confirmed.reference } } });
  });

  it('lists what is not delivered yet for the inbox', async () => {
    const outbox = await started(scriptedClient(REFUSED), {
      config: { ...FAST, retryBaseMs: 60_000, retryMaxMs: 60_000 },
      rescanMs: 60_000,
    });
    const queued = await outbox.submit(testTicket({ title: 'na fila' }));
    const parked = await store.add(testTicket({ title: 'morto' }));
    await store.move({ ...parked, lastError: 'x' }, 'outbox', 'dead');
    await writeFile(join(folder.root, 'dead', 'README'), 'not an item');

    expect(await outbox.entries()).toEqual([
      expect.objectContaining({ state: 'outbox', reference: queued.reference, title: 'na fila', attempts: 1, lastError: REFUSED.ok ? null : expect.any(String) }),
      expect.objectContaining({ state: 'dead', reference: parked.reference, title: 'morto', lastError: 'x' }),
    ]);
    expect(await outbox.status()).toMatchObject({ queued: 1, dead: 1, oldestAgeSeconds: 0 });
  });
});
