import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Where a stream landed on disk, with what was measured on the way. */
export interface StoredStream {
  path: string;
  size: number;
  sha256: string;
}

/**
 * Writes `source` to a new file in `dir` chunk by chunk, hashing and counting as it passes, so a
 * 25 MB upload never sits in memory. The file name is random: nothing the client sent reaches the
 * file system. On failure the partial file is removed and the error rethrown.
 */
export async function storeStream(source: Readable, dir: string): Promise<StoredStream> {
  const path = join(dir, randomUUID());
  const hash = createHash('sha256');
  let size = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(source, measure, createWriteStream(path, { flags: 'wx' }));
  } catch (error) {
    await unlink(path).catch(() => undefined);
    throw error;
  }
  return { path, size, sha256: hash.digest('hex') };
}
