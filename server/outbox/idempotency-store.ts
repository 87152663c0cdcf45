import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
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
  /** ISO time it was saved; it expires `ttlMs` later. */
  savedAt: string;
  answer: StoredAnswer;
  /** The outbox item (its ticket reference) the key's request became. */
  reference?: string;
}

/** Idempotency keys (by hash) with their outcome, on disk, and the keys whose request is running now. */
export interface IdempotencyStore {
  /** Marks a key as running; undefined when it already is (a concurrent repeat: 409). Call the returned function when done. */
  claim(keyHash: string): (() => void) | undefined;
  /** The unexpired record of a key, if any. */
  find(keyHash: string): Promise<IdempotencyRecord | undefined>;
  /** Saves a key's outcome durably (before the answer is sent, so a crash cannot forget it). */
  save(keyHash: string, record: Omit<IdempotencyRecord, 'savedAt'>): Promise<void>;
  /** Removes expired records; returns how many. */
  sweep(): Promise<number>;
}

/** How long a key's answer is kept: 24 hours, far longer than any customer's retries of one send. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const HASH_FILE = /^[0-9a-f]{64}\.json$/;

/** The records in `dir` (DATA_DIR/idempotency), one file per key hash. */
export function createIdempotencyStore(options: { dir: string; ttlMs?: number; now?: () => number }): IdempotencyStore {
  const { dir } = options;
  const ttlMs = options.ttlMs ?? IDEMPOTENCY_TTL_MS;
  const now = options.now ?? Date.now;
  const running = new Set<string>();
  const fileOf = (keyHash: string) => join(dir, `${keyHash}.json`);
  const expired = (record: IdempotencyRecord) => now() - Date.parse(record.savedAt) > ttlMs;

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

  return {
    claim(keyHash) {
      if (running.has(keyHash)) return undefined;
      running.add(keyHash);
      return () => running.delete(keyHash);
    },

    async find(keyHash) {
      const record = await read(fileOf(keyHash));
      return record && !expired(record) ? record : undefined;
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
        const record = await read(join(dir, name));
        if (record && !expired(record)) continue;
        await unlink(join(dir, name)).catch(() => undefined);
        removed++;
      }
      return removed;
    },
  };
}
