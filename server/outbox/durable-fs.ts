import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';

/**
 * Flushes a file's bytes to the disk. A rename is only durable once the data it points at is,
 * so every file is synced before the folder that names it.
 */
export async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Flushes a folder's entries (creations, renames, removals) to the disk. Some platforms (Windows)
 * cannot open a folder for syncing; there the rename is as durable as the platform makes it.
 */
export async function syncDir(path: string): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'r');
    await handle.sync();
  } catch (error) {
    if (!isUnsupportedDirSync(error)) throw error;
  } finally {
    await handle?.close();
  }
}

/**
 * Replaces `path` with `text` all at once: written to a sibling, synced, renamed over it, and the
 * folder synced, so a crash leaves the old content or the new one, never half of either.
 */
export async function writeFileDurably(path: string, text: string): Promise<void> {
  const temporary = `${path}.tmp`;
  await writeFile(temporary, text, { mode: 0o600 });
  await syncFile(temporary);
  await rename(temporary, path);
  await syncDir(dirname(path));
}

/**
 * Moves a file to `to`: a rename on the same file system, else a streamed copy (an upload can be
 * 25 MB) and the original removed. Nothing is synced: the caller syncs the file and its folder.
 */
export async function moveFile(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await pipeline(createReadStream(from), createWriteStream(to, { flags: 'wx', mode: 0o600 }));
    await unlink(from);
  }
}

function isUnsupportedDirSync(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EISDIR' || code === 'EPERM' || code === 'EINVAL' || code === 'EBADF';
}
