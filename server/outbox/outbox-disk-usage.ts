import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { OutboxState } from './types.ts';

/** How many bytes the outbox holds on disk, against OUTBOX_MAX_MB. */
export interface OutboxDiskUsage {
  /** The bytes in `outbox/`, `uncertain/` and `dead/` as last measured, plus what was added since. */
  bytes(): number;
  /** The limit (OUTBOX_MAX_MB in bytes). */
  readonly maxBytes: number;
  /** Whether a ticket of `ticketBytes` still fits under the limit. */
  fits(ticketBytes: number): boolean;
  /** Counts a ticket just queued, before the next measurement sees it. */
  added(ticketBytes: number): void;
  /** Walks the folders and sums their files' sizes; settles with the new figure. One walk at a time. */
  measure(): Promise<number>;
  /** The figure from a walk no older than `maxAgeMs` (walking again when it is), plus what was added since. */
  recent(maxAgeMs: number): Promise<number>;
}

const STATES: readonly OutboxState[] = ['outbox', 'uncertain', 'dead'];
// Item folders read at once: the file-system calls overlap on libuv's threads (4 by default).
const PARALLEL_ITEMS = 16;

/**
 * The outbox's size under `root` (DATA_DIR), measured by walking its folders (at start and then
 * from time to time, by the caller) and kept current in between by counting what is added. What
 * leaves (delivered, dropped by an operator) is only seen by the next walk, so between walks the
 * figure errs on the full side, never the empty one. A walk of a 72-hour outbox (43 200 tickets)
 * takes a few seconds (`npx tsx bench/outbox-walk.ts`).
 */
export function createOutboxDiskUsage(options: { root: string; maxBytes: number; now?: () => number }): OutboxDiskUsage {
  const now = options.now ?? Date.now;
  let measured = 0;
  let measuredAt = Number.NEGATIVE_INFINITY;
  let addedSince = 0;
  let walking: Promise<number> | undefined;

  async function walk(): Promise<number> {
    let total = 0;
    for (const state of STATES) {
      const folder = join(options.root, state);
      const items = await entriesOf(folder);
      for (let i = 0; i < items.length; i += PARALLEL_ITEMS) {
        const sizes = await Promise.all(items.slice(i, i + PARALLEL_ITEMS).map((name) => treeBytes(join(folder, name))));
        for (const size of sizes) total += size;
      }
    }
    return total;
  }

  const usage: OutboxDiskUsage = {
    bytes: () => measured + addedSince,
    maxBytes: options.maxBytes,
    fits: (ticketBytes) => measured + addedSince + ticketBytes <= options.maxBytes,
    added(ticketBytes) {
      addedSince += ticketBytes;
    },
    measure() {
      walking ??= (async () => {
        // What is added during the walk may or may not be seen by it: counted again to be safe.
        const before = addedSince;
        try {
          measured = await walk();
          measuredAt = now();
          addedSince -= before;
          return measured + addedSince;
        } finally {
          walking = undefined;
        }
      })();
      return walking;
    },
    async recent(maxAgeMs) {
      return now() - measuredAt <= maxAgeMs ? usage.bytes() : usage.measure();
    },
  };
  return usage;
}

async function entriesOf(folder: string): Promise<string[]> {
  // Gone meanwhile (an item delivered and removed during the walk): it holds nothing.
  return readdir(folder).catch(() => [] as string[]);
}

/** The sizes of every file at or under `path`, symbolic links not followed; 0 when it is gone. */
async function treeBytes(path: string): Promise<number> {
  const stats = await lstat(path).catch(() => undefined);
  if (stats === undefined) return 0;
  if (stats.isFile()) return stats.size;
  if (!stats.isDirectory()) return 0;
  let total = 0;
  for (const name of await entriesOf(path)) total += await treeBytes(join(path, name));
  return total;
}
