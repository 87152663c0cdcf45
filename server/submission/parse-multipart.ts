import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { LIMITS, SUBMISSION_FIELDS } from '../../contract/index.ts';
import { boundaryOf } from './check-multipart-type.ts';
import { createDelimiterCounter } from './count-delimiters.ts';
import { sanitizeFileName } from './sanitize-file-name.ts';
import type { ReceivedField, ReceivedFile, ReceivedSubmission, Refusal } from './types.ts';

/** Options of {@link parseMultipart}. */
export interface ParseMultipartOptions {
  /** The request's `Content-Type`, already checked by checkMultipartType. */
  contentType: string;
  /** The request's own spool folder: attachments are written there. */
  spoolFolder: string;
  /** Awaited once, before the first attachment is written (creates `spoolFolder` lazily); default nothing. */
  prepareSpoolFolder?: () => Promise<void>;
  /** Text parts accepted before the body is refused (more than the form can legitimately have means abuse). */
  maxFields: number;
  /** Bytes of body accepted; default LIMITS.requestMaxBytes. */
  maxBodyBytes?: number;
  /** Bytes of one attachment accepted (MAX_FILE_MB); default the body's limit. */
  maxFileBytes?: number;
}

/** How parsing ended: the submission, or a refusal answered as is (413 too large, 400 malformed or too many files). */
export type ParseOutcome = { ok: true; submission: ReceivedSubmission } | { ok: false; refusal: Refusal };

// Larger than any legitimate value (1024 characters of four UTF-8 bytes, with every line break
// doubled by CRLF), so a truncated value is certainly too long and is refused as such.
const FIELD_VALUE_MAX_BYTES = 16 * 1024;
// Longer than any legitimate name (`fields[` + a 250-character id + `]`), so a truncated name can
// never be mistaken for a real one.
const FIELD_NAME_MAX_BYTES = 1024;

const TOO_LARGE: Refusal = {
  status: 413,
  code: 'request_too_large',
  message: `The request is larger than ${LIMITS.requestMaxBytes} bytes.`,
};

/**
 * Streams a multipart body through busboy, spooling each `attachments` file to its own file in
 * `spoolFolder` (with backpressure) and keeping text parts. Every byte of the body is counted as
 * it arrives: past the limit reading stops at once with a 413. busboy's limit events become
 * refusals, never silently shortened forms. Resolves only when every spool file is closed, so the
 * caller can delete the folder right after; throws only for unexpected failures (e.g. disk full).
 */
export async function parseMultipart(
  body: ReadableStream<Uint8Array> | null,
  options: ParseMultipartOptions,
): Promise<ParseOutcome> {
  if (body === null) return { ok: false, refusal: malformedBody('The request has no body.') };
  const maxBodyBytes = options.maxBodyBytes ?? LIMITS.requestMaxBytes;
  const maxFileBytes = options.maxFileBytes ?? maxBodyBytes;

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': options.contentType },
      // File names in UTF-8 as browsers send them (busboy's default would read them as Latin-1).
      defParamCharset: 'utf8',
      // The name exactly as sent: a path in it is a crafted request, refused by the file checks.
      preservePath: true,
      limits: {
        fieldNameSize: FIELD_NAME_MAX_BYTES,
        fieldSize: FIELD_VALUE_MAX_BYTES,
        fields: options.maxFields,
        files: LIMITS.maxFiles,
        // busboy reports reaching (not exceeding) this one, so keep it above what the others allow.
        parts: options.maxFields + LIMITS.maxFiles + 1,
        // Reaching it counts as over (see parts): one more, so a file of exactly the limit passes.
        fileSize: Math.min(maxFileBytes, maxBodyBytes) + 1,
        headerPairs: 16,
      },
    });
  } catch (error) {
    return { ok: false, refusal: malformedBody(messageOf(error)) };
  }

  // Parts busboy reported, against the delimiters in the body: it skips a part it cannot read.
  const delimiters = createDelimiterCounter(boundaryOf(options.contentType) ?? '');
  let partsSeen = 0;
  const fields: ReceivedField[] = [];
  const files: ReceivedFile[] = [];
  const strayFileFieldNames: string[] = [];
  const spooling: Promise<void>[] = [];
  let spoolFolderReady: Promise<void> | undefined;
  const reader = body.getReader();
  let refusal: Refusal | undefined;
  let unexpected: unknown;
  // Wakes whatever the feeding loop is waiting on. Short-lived waits only: racing every read
  // against one long-lived "stopped" promise would keep every chunk reachable until the end.
  let wakeFeeder: (() => void) | undefined;

  function stop(): void {
    wakeFeeder?.();
    // Settles a pending read at once (done), so no further byte is taken from the client.
    reader.cancel().catch(() => undefined);
  }
  function refuse(reason: Refusal): void {
    refusal ??= reason;
    stop();
  }
  const isStopped = () => refusal !== undefined || unexpected !== undefined;

  const parsed = new Promise<void>((resolve) => {
    parser.on('finish', resolve);
    parser.on('close', resolve);
  });
  parser.on('error', (error: unknown) => refuse(malformedBody(`Malformed multipart body: ${messageOf(error)}`)));
  parser.on('fieldsLimit', () => refuse(malformedBody(`More than ${options.maxFields} text fields.`)));
  parser.on('partsLimit', () => refuse(malformedBody('Too many parts.')));
  parser.on('filesLimit', () =>
    refuse({
      status: 400,
      code: 'too_many_files',
      message: `At most ${LIMITS.maxFiles} files.`,
      field: SUBMISSION_FIELDS.attachments,
    }),
  );

  // RFC 7578 requires a name on every part; busboy passes undefined (whatever its types say).
  const nameless = () => refuse(malformedBody('A part of the body has no name.'));

  parser.on('field', (name: string | undefined, value: string, info: busboy.FieldInfo) => {
    partsSeen++;
    if (name === undefined) return nameless();
    fields.push({ name, value, valueTruncated: info.valueTruncated, nameTruncated: info.nameTruncated });
  });

  parser.on('file', (name: string | undefined, stream: Readable, info: busboy.FileInfo) => {
    partsSeen++;
    // Errors also reach the parser's listener; this one only keeps them from crashing the process.
    stream.on('error', () => undefined);
    if (name === undefined) nameless();
    if (isStopped() || name !== SUBMISSION_FIELDS.attachments) {
      if (!isStopped() && name !== undefined) strayFileFieldNames.push(name);
      stream.resume();
      return;
    }
    stream.on('limit', () => refuse(maxFileBytes < maxBodyBytes ? fileTooLarge(maxFileBytes) : TOO_LARGE));
    const file: ReceivedFile = {
      fileName: sanitizeFileName(info.filename ?? ''),
      rawFileName: info.filename ?? '',
      type: info.mimeType || 'application/octet-stream',
      size: 0,
      // The customer's file name never touches the disk: spool files are named by position.
      path: join(options.spoolFolder, String(files.length)),
    };
    files.push(file);
    spoolFolderReady ??= options.prepareSpoolFolder?.() ?? Promise.resolve();
    spooling.push(
      spoolFolderReady.then(async () => {
        const output = createWriteStream(file.path, { flags: 'wx', mode: 0o600 });
        await pipeline(stream, output);
        file.size = output.bytesWritten;
      }).then(
        () => undefined,
        (error: unknown) => {
          // A file stream fails with the parser (a refusal, which takes precedence); otherwise it is the disk.
          unexpected ??= error;
          stop();
        },
      ),
    );
  });

  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (isStopped()) break;
      if (done) {
        parser.end();
        // Also woken by a stop: a spool file failing on disk leaves busboy waiting for it forever.
        await new Promise<void>((resolve) => {
          wakeFeeder = resolve;
          void parsed.then(resolve);
        });
        break;
      }
      received += value.byteLength;
      delimiters.feed(value);
      if (received > maxBodyBytes) {
        refuse(TOO_LARGE);
        break;
      }
      if (!parser.write(value) && !isStopped()) await drained(parser, (wake) => (wakeFeeder = wake));
      if (isStopped()) break;
    }
  } catch (error) {
    // The body stream failed: the client went away or the connection broke mid-upload.
    refuse(malformedBody(`The request body ended early: ${messageOf(error)}`));
  }
  if (isStopped()) parser.destroy();
  await Promise.all(spooling);

  if (refusal !== undefined) return { ok: false, refusal };
  if (unexpected !== undefined) throw unexpected;
  // Every delimiter but the closing one opens a part: one missing was dropped, not received.
  if (partsSeen < delimiters.count - 1) {
    return { ok: false, refusal: malformedBody('A part of the body has a header that cannot be read.') };
  }
  return { ok: true, submission: { fields, files, strayFileFieldNames } };
}

/** Resolves on the parser's next 'drain', or when woken because parsing stopped. */
function drained(parser: busboy.Busboy, setWaker: (wake: (() => void) | undefined) => void): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      parser.off('drain', done);
      setWaker(undefined);
      resolve();
    };
    parser.on('drain', done);
    setWaker(done);
  });
}

function fileTooLarge(maxFileBytes: number): Refusal {
  return {
    status: 413,
    code: 'request_too_large',
    message: `Each file may have at most ${maxFileBytes} bytes.`,
    field: SUBMISSION_FIELDS.attachments,
  };
}

function malformedBody(message: string): Refusal {
  return { status: 400, code: 'malformed_body', message };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
