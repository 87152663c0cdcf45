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
}

const STATES: readonly OutboxState[] = ['outbox', 'uncertain', 'dead'];

/**
 * The outbox's size under `root` (DATA_DIR), measured by walking its folders (at start and then
 * from time to time, by the caller) and kept current in between by counting what is added. What
 * leaves (delivered, dropped by an operator) is only seen by the next walk, so between walks the
 * figure errs on the full side, never the empty one.
 */
export function createOutboxDiskUsage(options: { root: string; maxBytes: number }): OutboxDiskUsage {
  let measured = 0;
  let addedSince = 0;
  let walking: Promise<number> | undefined;

  async function walk(): Promise<number> {
    let total = 0;
    for (const state of STATES) total += await folderBytes(join(options.root, state));
    return total;
  }

  return {
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
          addedSince -= before;
          return measured + addedSince;
        } finally {
          walking = undefined;
        }
      })();
      return walking;
    },
  };
}

/** The sizes of every file under `folder`, symbolic links not followed; 0 when it is missing. */
async function folderBytes(folder: string): Promise<number> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    // Gone meanwhile (an item delivered and removed during the walk): it holds nothing.
    return 0;
  }
  let total = 0;
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) total += await folderBytes(path);
    else if (entry.isFile()) total += await lstat(path).then((stats) => stats.size, () => 0);
  }
  return total;
}
