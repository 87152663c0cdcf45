import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { attachmentDisposition } from './content-disposition.ts';
import type { FakeAttachment } from './types.ts';

// Types a browser shows without running anything. SVG is left out on purpose: it can carry script.
const INLINE_SAFE_TYPE = /^(image\/(png|jpeg|gif|webp|avif|bmp)|text\/plain|application\/pdf)$/;

/**
 * A download of a stored attachment, streamed from disk. Anything a browser might run as part of
 * our origin (HTML, SVG, scripts) is served as application/octet-stream; everything is a download
 * with nosniff. Undefined when the file is gone.
 */
export async function attachmentResponse(attachment: FakeAttachment, withBody: boolean): Promise<Response | undefined> {
  const size = await stat(attachment.path).then(
    (stats) => (stats.isFile() ? stats.size : undefined),
    () => undefined,
  );
  if (size === undefined) return undefined;
  const essence = attachment.type.split(';')[0]?.trim().toLowerCase() ?? '';
  const headers = {
    'Content-Type': INLINE_SAFE_TYPE.test(essence) ? essence : 'application/octet-stream',
    'Content-Length': String(size),
    'Content-Disposition': attachmentDisposition(attachment.fileName),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
  if (!withBody) return new Response(null, { status: 200, headers });
  const body = Readable.toWeb(createReadStream(attachment.path)) as unknown as ReadableStream<Uint8Array>;
  return new Response(body, { status: 200, headers });
}
