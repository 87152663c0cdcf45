import { describe, expect, it } from 'vitest';
import { createLogger } from '../log/create-logger.ts';
import { stubClient } from '../tomticket/stub-client.ts';
import { createDelivery } from './delivery.ts';
import type { IdempotencyStore } from './idempotency-store.ts';
import type { OutboxStore } from './outbox-store.ts';
import { testTicket } from './test-kit.ts';
import type { OutboxItem, OutboxState } from './types.ts';

// Past ~120 000 arguments V8 overflows its stack on a spread call (Math.min(...items)).
const ITEMS = 150_000;

/** An outbox holding `count` waiting items in memory, as a long outage leaves it on disk; nothing else. */
function storeHolding(count: number): OutboxStore {
  const { attachments: _none, ...ticket } = testTicket();
  const items: OutboxItem[] = Array.from({ length: count }, (_, i) => ({
    reference: `TT-${String(i).padStart(8, '0')}`,
    receivedAt: new Date(Date.parse('2025-03-01T00:00:00Z') + i).toISOString(),
    attempts: 1,
    ticket: { ...ticket, attachments: [] },
  }));
  const stub: Partial<OutboxStore> = {
    root: '/nowhere',
    init: async () => undefined,
    list: async (state: OutboxState) => (state === 'outbox' ? items : []),
    references: async (state: OutboxState) => (state === 'outbox' ? items.map((item) => item.reference) : []),
    hasAttemptMarker: async () => false,
    hasCreatedMarker: async () => false,
  };
  return stub as OutboxStore;
}

const noRecords: IdempotencyStore = {
  claim: () => () => undefined,
  find: async () => undefined,
  save: async () => undefined,
  sweep: async () => 0,
};

describe('a delivery with a very long queue', () => {
  it('starts and reports its status with 150 000 tickets waiting', async () => {
    // TomTicket never answers here: the test is about the bookkeeping, not the tries.
    const delivery = createDelivery({
      store: storeHolding(ITEMS),
      idempotency: noRecords,
      client: stubClient({ createTicket: () => new Promise(() => undefined) }),
      logger: createLogger({ secrets: [], write: () => undefined }),
      config: { waitMs: 0, retryBaseMs: 1000, retryMaxMs: 1000, deadAfterMs: 3_600_000 },
      rescanMs: 3_600_000,
    });
    try {
      await delivery.start();
      expect(await delivery.status()).toMatchObject({ queued: ITEMS, oldestAgeSeconds: expect.any(Number) });
    } finally {
      await Promise.race([delivery.stop(), new Promise((resolve) => setTimeout(resolve, 100))]);
    }
  });
});
