import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';

/** A file part whose bytes are generated while sending, never held whole in memory. */
export interface GeneratedFile {
  field: string;
  fileName: string;
  type: string;
  size: number;
  /** What the file starts with (e.g. its format's signature), so content checks see a real file type. */
  firstBytes?: Buffer;
}

/** A multipart body ready to send: its Content-Type, its exact length, and a fresh stream of it per call. */
export interface StreamedBody {
  contentType: string;
  length: number;
  open(): Readable;
}

const CHUNK_BYTES = 64 * 1024;

/** A boundary like a browser's: 16 random bytes as hex after a fixed prefix (well under RFC 2046's 70). */
export function newBoundary(): string {
  return `----BenchFormBoundary${randomBytes(16).toString('hex')}`;
}

/** `multipart/form-data` with the given text fields only, as one buffer (small tickets). */
export function textFormBody(fields: ReadonlyArray<[string, string]>, boundary = newBoundary()): { contentType: string; body: Buffer } {
  return { contentType: contentTypeOf(boundary), body: Buffer.concat([fieldsHead(fields, boundary), closing(boundary)]) };
}

/**
 * `multipart/form-data` with text fields and one generated file. The file's bytes come from one
 * random 64 KiB block sent over and over, so 20 concurrent 25 MB uploads cost the sender 64 KiB.
 */
export function streamedFormBody(fields: ReadonlyArray<[string, string]>, file: GeneratedFile): StreamedBody {
  const boundary = newBoundary();
  const head = Buffer.concat([
    fieldsHead(fields, boundary),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.fileName}"\r\n` +
        `Content-Type: ${file.type}\r\n\r\n`,
    ),
  ]);
  const tail = Buffer.concat([Buffer.from('\r\n'), closing(boundary)]);
  const block = randomBytes(CHUNK_BYTES);
  return {
    contentType: contentTypeOf(boundary),
    length: head.byteLength + file.size + tail.byteLength,
    open: () => Readable.from(parts(head, block, file, tail), { objectMode: false }),
  };
}

/** Bytes of a file part's headers and the closing boundary, i.e. what a body adds around its file. */
export function multipartOverhead(fields: ReadonlyArray<[string, string]>, file: Omit<GeneratedFile, 'size'>): number {
  return streamedFormBody(fields, { ...file, size: 0 }).length;
}

function* parts(head: Buffer, block: Buffer, file: GeneratedFile, tail: Buffer): Generator<Buffer> {
  yield head;
  let sent = 0;
  if (file.firstBytes) {
    const first = file.firstBytes.subarray(0, file.size);
    yield first;
    sent = first.byteLength;
  }
  while (sent < file.size) {
    const chunk = file.size - sent >= block.byteLength ? block : block.subarray(0, file.size - sent);
    yield chunk;
    sent += chunk.byteLength;
  }
  yield tail;
}

function fieldsHead(fields: ReadonlyArray<[string, string]>, boundary: string): Buffer {
  return Buffer.from(
    fields
      .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
      .join(''),
  );
}

function closing(boundary: string): Buffer {
  return Buffer.from(`--${boundary}--\r\n`);
}

function contentTypeOf(boundary: string): string {
  return `multipart/form-data; boundary=${boundary}`;
}
