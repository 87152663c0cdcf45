import { readFile } from 'node:fs/promises';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** A file's transfer weights: as is, gzip and brotli at the levels a CDN or server would use (maximum). */
export interface CompressedSizes {
  raw: number;
  gzip: number;
  brotli: number;
}

/** Measures `path` raw, gzip -9 and brotli quality 11 (text mode), in bytes. */
export async function compressedSizes(path: string): Promise<CompressedSizes> {
  const bytes = await readFile(path);
  return {
    raw: bytes.byteLength,
    gzip: gzipSync(bytes, { level: 9 }).byteLength,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
      },
    }).byteLength,
  };
}
