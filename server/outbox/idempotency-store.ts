import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileDurably } from './durable-fs.ts';

/** An answer as it was sent: replayed as is to a repeat of the same request. */
export interface StoredAnswer {
  status: number;
  body: unknown;
}

/** What is kept per key: the fingerprint of the form it came with and the answer it got. */
export interface IdempotencyRecord {
  fingerprint: string;
  /** ISO time it was saved; it expires `ttlMs` after this or {@link heldSeenAt}, whichever is later. */
  savedAt: string;
  /** ISO time a sweep last found its ticket still in the outbox (queued, uncertain or dead). */
  heldSeenAt?: string;
  answer: StoredAnswer;
  /** The outbox item (its ticket reference) the key's request became. */
  reference?: string;
}

/** Idempotency keys (by hash) with their outcome, on disk, and the keys whose request is running now. */
export interface IdempotencyStore {
  /** Marks a key as running; undefined when it already is (a concurrent repeat: 409). Call the returned function when done. */
  claim(keyHash: string): (() => void) | undefined;
  /** The record of a key, if any: unexpired, or its ticket still in the outbox. */
  find(keyHash: string): Promise<IdempotencyRecord | undefined>;
  /** Saves a key's outcome durably (before the answer is sent, so a crash cannot forget it). */
  save(keyHash: string, record: Omit<IdempotencyRecord, 'savedAt'>): Promise<void>;
  /** Removes expired records whose ticket left the outbox, and notes when the others' tickets were seen there; returns how many went. */
  sweep(): Promise<number>;
}

/** Options of {@link createIdempotencyStore}. */
export interface IdempotencyStoreOptions {
  /** DATA_DIR/idempotency. */
  dir: string;
  /** How long a record outlives its ticket's stay in the outbox; default {@link IDEMPOTENCY_TTL_MS}. */
  ttlMs?: number;
  /** Whether the outbox still holds the ticket `reference` (queued, uncertain or dead); default never. */
  isHeld?: (reference: string) => Promise<boolean>;
  now?: () => number;
}

/** How long a key's answer is kept after its ticket left the outbox: 24 hours, far longer than any customer's retries of one send. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const HASH_FILE = /^[0-9a-f]{64}\.json$/;

/**
 * The records in `dir` (DATA_DIR/idempotency), one file per key hash. A record lives as long as
 * its ticket is in the outbox, which can be days (OUTBOX_DEAD_AFTER_MS, then dead/ until an
 * operator acts), and `ttlMs` beyond: a customer retrying on day two of an outage must get the
 * first answer back, not a second ticket. The hourly sweep notes when a held ticket was last seen,
 * so a record also outlives the ticket's delivery by `ttlMs`.
 */
export function createIdempotencyStore(options: IdempotencyStoreOptions): IdempotencyStore {
  const { dir } = options;
  const ttlMs = options.ttlMs ?? IDEMPOTENCY_TTL_MS;
  const now = options.now ?? Date.now;
  const isHeld = options.isHeld ?? (async () => false);
  const running = new Set<string>();
  const fileOf = (keyHash: string) => join(dir, `${keyHash}.json`);
  const lastNeeded = (record: IdempotencyRecord) => Math.max(Date.parse(record.savedAt), Date.parse(record.heldSeenAt ?? record.savedAt));
  const expired = (record: IdempotencyRecord) => now() - lastNeeded(record) > ttlMs;
  const held = (record: IdempotencyRecord) => record.reference !== undefined && isHeld(record.reference);

  async function read(file: string): Promise<IdempotencyRecord | undefined> {
    // Most keys are new: asking first spares the stack-captured ENOENT error a failed read builds.
    if (!existsSync(file)) return undefined;
    try {
      return JSON.parse(await readFile(file, 'utf8')) as IdempotencyRecord;
    } catch {
      // Absent, or (written atomically, so only by outside harm) damaged: either way no record.
      return undefined;
    }
  }

  /**
   * Rewrites the record with the time its ticket was seen held. Atomic but not synced: lost in a
   * crash, the record keeps its older time, which a sweep after the restart brings up to date.
   */
  async function noteHeld(file: string, record: IdempotencyRecord): Promise<void> {
    const temporary = `${file}.tmp`;
    await writeFile(temporary, JSON.stringify({ ...record, heldSeenAt: new Date(now()).toISOString() }), { mode: 0o600 });
    await rename(temporary, file);
  }

  return {
    claim(keyHash) {
      if (running.has(keyHash)) return undefined;
      running.add(keyHash);
      return () => running.delete(keyHash);
    },

    async find(keyHash) {
      const record = await read(fileOf(keyHash));
      if (record === undefined) return undefined;
      return !expired(record) || (await held(record)) ? record : undefined;
    },

    async save(keyHash, record) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const saved: IdempotencyRecord = { ...record, savedAt: new Date(now()).toISOString() };
      await writeFileDurably(fileOf(keyHash), JSON.stringify(saved));
    },

    async sweep() {
      const names = await readdir(dir).catch(() => [] as string[]);
      let removed = 0;
      for (const name of names) {
        if (!HASH_FILE.test(name)) continue;
        const file = join(dir, name);
        const record = await read(file);
        if (record && (await held(record))) {
          await noteHeld(file, record);
          continue;
        }
        if (record && !expired(record)) continue;
        await unlink(file).catch(() => undefined);
        removed++;
      }
      return removed;
    },
  };
}
