import { join } from 'node:path';
import type { Logger } from '../log/types.ts';
import type { IdempotencyStore } from './idempotency-store.ts';
import type { OutboxStore } from './outbox-store.ts';
import { storedAnswerOf } from './submission-answer.ts';
import type { OutboxItem, OutboxState } from './types.ts';

const STATES: readonly OutboxState[] = ['outbox', 'uncertain', 'dead'];

/**
 * Puts the outbox in order after a stop, however abrupt, before anything is delivered:
 * - an item TomTicket had confirmed (its `created` marker, or its key's 201 answer) is removed;
 * - an item caught while `criar_chamado` may have been on its way (its `sending` marker) is marked
 *   as of unknown outcome: TomTicket may have it, so the listing is asked before it is ever resent;
 * - every item sent with an Idempotency-Key gets its record back (202 queued) if the crash came
 *   between writing the item and answering, so the customer's retry finds it instead of making a twin.
 */
export async function recoverOutbox(deps: { store: OutboxStore; idempotency: IdempotencyStore; logger: Logger }): Promise<void> {
  const { store, idempotency, logger } = deps;
  for (const item of await store.list('outbox')) {
    const record = item.idempotency && (await idempotency.find(item.idempotency.keyHash));
    const created = (await store.hasCreatedMarker(item.reference)) || (record?.answer.status === 201 && record.reference === item.reference);
    if (created) {
      // Its key must still find an answer once the item is gone, or a retry would make a twin.
      if (item.idempotency && !record) await saveQueuedAnswer(idempotency, item);
      await store.remove('outbox', item.reference);
      logger.info('outbox item was delivered before the stop; removed', { reference: item.reference });
      continue;
    }
    if (!(await store.hasAttemptMarker(item.reference))) continue;
    const lastError = 'the server stopped while sending it: it may already be in TomTicket';
    await store.recordUnknown({ ...item, lastError, unknownSince: new Date().toISOString() });
    logger.warn('ticket outcome unknown after a stop: it is looked up in TomTicket’s listing before any resend', {
      reference: item.reference,
      folder: join(store.root, 'outbox', item.reference),
    });
  }
  for (const state of STATES) {
    for (const item of await store.list(state)) {
      if (item.idempotency && !(await idempotency.find(item.idempotency.keyHash))) await saveQueuedAnswer(idempotency, item);
    }
  }
}

/** The answer a key gets when the crash came before its own was saved: received, queued. */
async function saveQueuedAnswer(idempotency: IdempotencyStore, item: OutboxItem): Promise<void> {
  if (!item.idempotency) return;
  await idempotency.save(item.idempotency.keyHash, {
    fingerprint: item.idempotency.fingerprint,
    answer: storedAnswerOf({ kind: 'queued', reference: item.reference }),
    reference: item.reference,
  });
}
