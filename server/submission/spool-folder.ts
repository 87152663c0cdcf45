import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** A fresh folder holding one request's uploads. */
export interface SpoolFolder {
  readonly path: string;
  /** Deletes the folder and everything in it. */
  remove(): Promise<void>;
}

const FOLDER_PREFIX = 'upload-';

/** A request's spool folder that exists only once something needs it. */
export interface LazySpoolFolder extends SpoolFolder {
  /** Creates the folder (once; later calls share the first). */
  prepare(): Promise<void>;
}

/**
 * Names a private folder under `spoolDir` for one request without touching the disk: most
 * tickets carry no file, and for them a folder made and removed would be wasted work.
 */
export function planSpoolFolder(spoolDir: string): LazySpoolFolder {
  const path = join(spoolDir, `${FOLDER_PREFIX}${randomUUID()}`);
  let created: Promise<void> | undefined;
  return {
    path,
    prepare() {
      created ??= mkdir(spoolDir, { recursive: true, mode: 0o700 }).then(() => mkdir(path, { mode: 0o700 }));
      return created;
    },
    async remove() {
      if (created === undefined) return;
      await created.catch(() => undefined);
      // maxRetries covers a file that a just-destroyed write stream still holds on some platforms.
      await rm(path, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

/**
 * Removes request folders older than `olderThanMs` that a killed process left behind (a running
 * server always removes its own). The age keeps it off another instance's uploads in progress
 * when several servers share one spool folder. Returns how many it removed.
 */
export async function sweepSpool(spoolDir: string, olderThanMs: number, now: number = Date.now()): Promise<number> {
  const names = await readdir(spoolDir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    if (!name.startsWith(FOLDER_PREFIX)) continue;
    const path = join(spoolDir, name);
    const modified = await stat(path).then((stats) => stats.mtimeMs, () => undefined);
    if (modified === undefined || now - modified < olderThanMs) continue;
    await rm(path, { recursive: true, force: true });
    removed++;
  }
  return removed;
}
