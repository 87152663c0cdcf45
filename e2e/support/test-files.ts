import { createHash, randomBytes } from 'node:crypto';
import { solidPng } from './solid-png.ts';

/** A file as Playwright's setInputFiles takes it, with the digest of its bytes for comparing with what arrived. */
export interface TestFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
  sha256: string;
}

/** Hex SHA-256 of `bytes`, the digest the sandbox reports per attachment. */
export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A text file of `size` bytes, random after a fixed first line: random so that a truncated or
 * reordered upload cannot match by chance, text so that its first bytes never look like a
 * program the server's file-type checks refuse (random bytes start with "MZ" once in 65 536).
 */
export function randomFile(name: string, size: number, mimeType = 'text/plain'): TestFile {
  const head = Buffer.from(`e2e test file ${name}\n`);
  const body = Buffer.from(randomBytes(Math.ceil(size / 2)).toString('hex')).subarray(0, Math.max(0, size - head.length));
  const buffer = Buffer.concat([head, body]);
  return { name, mimeType, buffer, sha256: sha256(buffer) };
}

/** A small real PNG image, for thumbnails (they only appear for image/* files). */
export function pngFile(name: string): TestFile {
  const buffer = solidPng(48, 48, [10, 88, 202]);
  return { name, mimeType: 'image/png', buffer, sha256: sha256(buffer) };
}

/** A mebibyte, the unit the size meter and the 25 MB limit count in. */
export const MB = 1024 * 1024;
