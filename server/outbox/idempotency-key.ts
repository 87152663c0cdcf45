import { createHash } from 'node:crypto';

// The IETF draft leaves the format to the server; a UUID is 36 characters, this leaves room for others.
const KEY_MAX_CHARS = 255;
const VISIBLE_ASCII = /^[\x21-\x7e]+$/;

/** The Idempotency-Key header's value when usable (1–255 visible ASCII characters), else undefined. */
export function parseIdempotencyKey(header: string): string | undefined {
  const key = header.trim();
  return key.length <= KEY_MAX_CHARS && VISIBLE_ASCII.test(key) ? key : undefined;
}

/** The name a key is stored under: its sha256, so nothing a client sent becomes a file name. */
export function hashIdempotencyKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
