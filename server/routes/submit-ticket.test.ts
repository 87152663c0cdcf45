import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeliveryConfig } from '../config/types.ts';
import { createDelivery, type TicketDelivery } from '../outbox/delivery.ts';
import { createIdempotencyStore } from '../outbox/idempotency-store.ts';
import { createOutboxStore, type OutboxStore } from '../outbox/outbox-store.ts';
import { createOutboxTestFolder, testTicket, type OutboxTestFolder } from '../outbox/test-kit.ts';
import { stubClient } from '../tomticket/stub-client.ts';
import type { TomTicketClient } from '../tomticket/types.ts';
import { submitTicket, type SubmitTicketDeps } from './submit-ticket.ts';

const HOUR = 60 * 60 * 1000;
// TomTicket stays down: every try is retried later, for days.
const DOWN: TomTicketClient = stubClient({
  createTicket: async () => ({ ok: false, kind: 'unavailable', detail: 'criar_chamado could not be reached (ECONNREFUSED)', ticketMayExist: false }),
});
const CONFIG: DeliveryConfig = { waitMs: 0, retryBaseMs: 10 * HOUR, retryMaxMs: 10 * HOUR, deadAfterMs: 72 * HOUR };
const KEY = '6f0c1f0e-8d0a-4c4e-9a57-2f1f4c3b1a2d';

let folder: OutboxTestFolder;
let store: OutboxStore;
let delivery: TicketDelivery | undefined;
let clock: number;

beforeEach(async () => {
  folder = await createOutboxTestFolder();
  store = createOutboxStore({ root: folder.root, logger: folder.logger });
  clock = Date.parse('2025-03-01T12:00:00Z');
});
afterEach(async () => {
  await delivery?.stop();
  delivery = undefined;
  await folder.remove();
});

/** The outbox's delivery and idempotency records on one clock, with TomTicket down. */
async function deps(): Promise<SubmitTicketDeps & { sweep(): Promise<number> }> {
  const now = () => clock;
  const idempotency = createIdempotencyStore({ dir: join(folder.root, 'idempotency'), now, isHeld: store.holds });
  delivery = createDelivery({ store, idempotency, client: DOWN, logger: folder.logger, config: CONFIG, now, rescanMs: 60_000 });
  await delivery.start();
  return { delivery, idempotency, logger: folder.logger, sweep: () => idempotency.sweep() };
}

describe('submitTicket with an Idempotency-Key during a long outage', () => {
  it('answers a retry on day two with the first answer, not a second ticket, while the first waits in the outbox', async () => {
    const submit = await deps();
    const first = await submitTicket(testTicket(), KEY, submit);
    expect(first.status).toBe(202);
    const { reference } = (await first.json()) as { reference: string };

    // Thirty hours on: TomTicket is still down, the hourly sweep has run, the customer retries.
    clock += 30 * HOUR;
    await submit.sweep();
    const retry = await submitTicket(testTicket(), KEY, submit);

    expect(retry.status).toBe(202);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await retry.json()).toEqual({ ok: true, queued: true, reference });
    expect(await store.references('outbox')).toEqual([reference]);
  });

  it('keeps the record for a day after its ticket left the outbox, then lets it go', async () => {
    const submit = await deps();
    const first = await submitTicket(testTicket(), KEY, submit);
    const { reference } = (await first.json()) as { reference: string };
    clock += 48 * HOUR;
    await submit.sweep();
    // An operator found it in TomTicket and dropped it; the next sweep no longer sees it held.
    await store.remove('outbox', reference);
    clock += 23 * HOUR;
    expect(await submit.sweep()).toBe(0);
    expect((await submitTicket(testTicket(), KEY, submit)).headers.get('idempotent-replayed')).toBe('true');
    clock += 2 * HOUR;
    expect(await submit.sweep()).toBe(1);
  });
});
