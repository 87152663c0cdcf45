import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Logger } from '../log/types.ts';
import { writeFileDurably } from '../outbox/durable-fs.ts';
import type { ApiName, UpstreamDepartment } from '../tomticket/types.ts';

/** The last department listing TomTicket gave (on API 2.0 with what it said of custom fields), as kept on disk. */
export interface SavedListing {
  departments: UpstreamDepartment[];
  /** ISO time TomTicket gave it. */
  savedAt: string;
}

/** The last good department listing in DATA_DIR, so a server started while TomTicket is down can still take tickets. */
export interface ListingStore {
  /** The saved listing of this account, or undefined (none, another account's, unreadable). */
  load(): Promise<SavedListing | undefined>;
  /** Keeps a fresh listing, whole or not at all; a listing like the saved one is not written again. */
  save(departments: UpstreamDepartment[]): Promise<void>;
}

/**
 * The store at `DATA_DIR/account/departments.json` (API 2.0's at `departments-v2.json`, so that
 * switching back and forth keeps both), for the account named by `account` (see
 * accountFingerprint) as `api` lists it: a listing of the other API is never used (the legacy
 * API's says nothing of custom fields).
 */
export function createListingStore(options: { dataDir: string; account: string; api: ApiName; logger: Logger; now?: () => Date }): ListingStore {
  const path = join(options.dataDir, 'account', options.api === 'v2' ? 'departments-v2.json' : 'departments.json');
  const now = options.now ?? (() => new Date());
  let lastSaved: string | undefined;

  return {
    async load() {
      try {
        const saved = JSON.parse(await readFile(path, 'utf8')) as { account?: unknown; api?: unknown; savedAt?: unknown; departments?: unknown };
        // Files written before API 2.0 existed here carry no `api`: they are the legacy API's.
        const api = saved.api ?? 'legacy';
        if (saved.account !== options.account || api !== options.api || typeof saved.savedAt !== 'string' || !Array.isArray(saved.departments)) return undefined;
        lastSaved = JSON.stringify(saved.departments);
        return { departments: saved.departments as UpstreamDepartment[], savedAt: saved.savedAt };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') options.logger.warn('saved department listing unreadable; ignored', { path, error });
        return undefined;
      }
    },
    async save(departments) {
      const text = JSON.stringify(departments);
      if (text === lastSaved) return;
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      await writeFileDurably(path, JSON.stringify({ account: options.account, api: options.api, savedAt: now().toISOString(), departments }, null, 2));
      lastSaved = text;
    },
  };
}
