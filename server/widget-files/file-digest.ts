import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';

/** A built file's SHA-256 (hex), and when it was last looked at on disk. */
export interface FileDigest {
  sha256: string;
  size: number;
}

/**
 * The SHA-256 of files in dist/, each hashed once (streamed) and again only when its size or
 * modification time changes (a rebuild while the server runs): the ETag of a "latest" script, and
 * the proof that a pinned file still holds the bytes its name says. Undefined when the file is
 * missing or not a file.
 */
export function createFileDigests(): (path: string) => Promise<FileDigest | undefined> {
  const known = new Map<string, { mtimeMs: number; digest: FileDigest }>();
  return async (path) => {
    const stats = await stat(path).catch(() => undefined);
    if (!stats?.isFile()) {
      known.delete(path);
      return undefined;
    }
    const cached = known.get(path);
    if (cached && cached.mtimeMs === stats.mtimeMs && cached.digest.size === stats.size) return cached.digest;
    const hash = createHash('sha256');
    await pipeline(createReadStream(path), hash);
    const digest = { sha256: hash.digest('hex'), size: stats.size };
    known.set(path, { mtimeMs: stats.mtimeMs, digest });
    return digest;
  };
}

/** Whether an `If-None-Match` header names `etag` (or `*`), weak or strong as RFC 9110 compares them for GET. */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (ifNoneMatch === null) return false;
  const wanted = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => {
    const candidate = tag.trim();
    return candidate === '*' || candidate.replace(/^W\//, '') === wanted;
  });
}
