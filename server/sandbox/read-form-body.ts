import type { IncomingMessage } from 'node:http';
import { unlink } from 'node:fs/promises';
import busboy from 'busboy';
import { LIMITS } from '../../contract/index.ts';
import { FAKE_MESSAGES } from './fake-messages.ts';
import { storeStream, type StoredStream } from './store-stream.ts';

/** A text entry of the received form, in arrival order (duplicates kept so they can be refused). */
export interface ReceivedField {
  name: string;
  value: string;
}

/** A file part of the received form, already on disk. */
export interface ReceivedFile extends StoredStream {
  fieldName: string;
  fileName: string;
  type: string;
}

/** Everything a form body carried. */
export interface ReceivedForm {
  fields: ReceivedField[];
  files: ReceivedFile[];
  /** The body's size as it arrived: what the widget's meter must never fall below. */
  bytes: number;
}

/** Why a body was refused; `unread` means the rest of it was left unread, so the connection must close. */
export interface BodyRefusal {
  status: number;
  message: string;
  unread: boolean;
}

/** The outcome of {@link readFormBody}, as a value. */
export type ReadFormResult = { ok: true; form: ReceivedForm } | { ok: false; refusal: BodyRefusal };

/** What {@link readFormBody} accepts. */
export interface ReadFormOptions {
  storageDir: string;
  /** Most body bytes accepted, checked against Content-Length and counted while streaming. */
  maxBytes: number;
  /** Whether a file part may arrive under this field name; otherwise it is refused before a byte is stored. */
  acceptsFile: (fieldName: string) => boolean;
  /** The words of the refusals: the legacy API's Portuguese by default, API 2.0's English when given. */
  messages?: BodyMessages;
}

/** The refusal texts a body reader needs, in one API's language. */
export interface BodyMessages {
  requestTooLarge: string;
  malformedBody: string;
  unsupportedContentType: string;
  tooManyFields: string;
  tooManyFiles: string;
  fileWithoutName: string;
  storageFailed: string;
  unknownField(field: string): string;
  valueTooLarge(field: string): string;
  fileNotExpected(field: string): string;
}

// RFC 2046 §5.1.1: a boundary has 1 to 70 characters. Longer ones stall some parsers.
const BOUNDARY_MAX_CHARS = 70;
// A field value never needs more: 1024 code points of 4 bytes each, plus CRLF line breaks.
const FIELD_VALUE_MAX_BYTES = 64 * 1024;
// Long enough for `campos[<250-character id>]` in multibyte characters.
const FIELD_NAME_MAX_BYTES = 1024;
const TEXT_FIELDS_MAX = 200;

/**
 * Reads a multipart or urlencoded form from `request`, streaming file parts to disk. Every busboy
 * limit event becomes a refusal (busboy reports limits as events and would otherwise hand over a
 * silently shortened form), malformed input becomes a 400, never a crash. After a refusal the rest
 * of the body is drained so the answer reaches the client, unless the body is over `maxBytes`:
 * then reading stops. Files of a refused form are deleted.
 */
export function readFormBody(request: IncomingMessage, options: ReadFormOptions): Promise<ReadFormResult> {
  const messages = options.messages ?? FAKE_MESSAGES;
  return new Promise((resolve) => {
    const fields: ReceivedField[] = [];
    const pendingFiles: Promise<ReceivedFile | undefined>[] = [];
    let refusal: BodyRefusal | undefined;
    let receivedBytes = 0;
    let settled = false;
    let parser: busboy.Busboy | undefined;

    const finish = async () => {
      if (settled) return;
      settled = true;
      const files = (await Promise.all(pendingFiles)).filter((file) => file !== undefined);
      if (refusal) {
        await Promise.all(files.map((file) => unlink(file.path).catch(() => undefined)));
        resolve({ ok: false, refusal });
      } else {
        resolve({ ok: true, form: { fields, files, bytes: receivedBytes } });
      }
    };

    const refuse = (next: BodyRefusal) => {
      // The first reason wins, except that going over the size limit always stops the reading.
      if (refusal && !(next.unread && !refusal.unread)) return;
      refusal = next;
      if (parser) {
        request.unpipe(parser);
        parser.destroy();
      }
      if (next.unread) {
        request.pause();
        void finish();
      } else {
        request.resume();
        if (request.complete) void finish();
      }
    };

    const tooLarge = () => refuse({ status: 413, message: messages.requestTooLarge, unread: true });
    const malformed = () => refuse({ status: 400, message: messages.malformedBody, unread: false });
    const invalid = (message: string) => refuse({ status: 200, message, unread: false });

    request.on('data', (chunk: Buffer) => {
      receivedBytes += chunk.length;
      if (receivedBytes > options.maxBytes) tooLarge();
    });
    request.on('end', () => {
      if (refusal) void finish();
    });
    request.on('error', () => refuse({ status: 400, message: messages.malformedBody, unread: true }));
    request.on('close', () => {
      if (!request.complete) refuse({ status: 400, message: messages.malformedBody, unread: true });
    });

    const declaredBytes = Number(request.headers['content-length']);
    if (Number.isFinite(declaredBytes) && declaredBytes > options.maxBytes) return tooLarge();

    const contentType = request.headers['content-type'] ?? '';
    const essence = contentType.split(';')[0]?.trim().toLowerCase();
    if (essence !== 'multipart/form-data' && essence !== 'application/x-www-form-urlencoded') {
      return invalid(messages.unsupportedContentType);
    }
    if (essence === 'multipart/form-data' && !hasValidBoundary(contentType)) return malformed();

    try {
      parser = busboy({
        headers: request.headers,
        // Browsers and Node's FormData send UTF-8 file names without RFC 5987 encoding.
        defParamCharset: 'utf8',
        limits: {
          fieldNameSize: FIELD_NAME_MAX_BYTES,
          fieldSize: FIELD_VALUE_MAX_BYTES,
          fields: TEXT_FIELDS_MAX,
          files: LIMITS.maxFiles,
          parts: TEXT_FIELDS_MAX + LIMITS.maxFiles,
          fileSize: options.maxBytes,
        },
      });
    } catch {
      return malformed();
    }

    parser.on('error', malformed);
    parser.on('partsLimit', () => invalid(messages.tooManyFields));
    parser.on('fieldsLimit', () => invalid(messages.tooManyFields));
    parser.on('filesLimit', () => invalid(messages.tooManyFiles));
    parser.on('field', (name, value, info) => {
      if (refusal) return;
      if (info.nameTruncated) return invalid(messages.unknownField(name));
      if (info.valueTruncated) return invalid(messages.valueTooLarge(name));
      fields.push({ name, value });
    });
    parser.on('file', (name, stream, info) => {
      stream.on('error', malformed);
      stream.on('limit', tooLarge);
      if (refusal) return void stream.resume();
      if (!options.acceptsFile(name)) {
        stream.resume();
        return invalid(messages.fileNotExpected(name));
      }
      if (!info.filename) {
        stream.resume();
        return invalid(messages.fileWithoutName);
      }
      const meta = { fieldName: name, fileName: info.filename, type: info.mimeType || 'application/octet-stream' };
      pendingFiles.push(
        storeStream(stream, options.storageDir).then(
          (stored) => ({ ...meta, ...stored }),
          () => {
            // A destroyed parser already left a refusal; anything else is the disk failing.
            refuse({ status: 500, message: messages.storageFailed, unread: false });
            return undefined;
          },
        ),
      );
    });
    parser.on('close', () => {
      if (!refusal) void finish();
    });
    request.pipe(parser);
  });
}

function hasValidBoundary(contentType: string): boolean {
  const match = /;\s*boundary=(?:"([^"]*)"|([^;\s]*))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2] ?? '';
  return boundary.length > 0 && boundary.length <= BOUNDARY_MAX_CHARS;
}
