import { randomBytes } from 'node:crypto';
import { request } from 'node:http';

/** How an unbounded upload ended. */
export interface UnboundedUpload {
  /** The answer's status; 0 when the connection ended without one. */
  status: number;
  /** Bytes of body whose write to the socket completed before the answer (or the close). */
  bytesWritten: number;
  /** From the request's start to the answer's headers (or to the close, without an answer). */
  ms: number;
  /** Whether all `maxBytes` went out before the server answered. */
  sentEverything: boolean;
}

const CHUNK_BYTES = 64 * 1024;

/**
 * POSTs a multipart upload without Content-Length (Transfer-Encoding: chunked): `head`, then file
 * bytes in 64 KiB chunks up to `maxBytes` in all, with backpressure, and stops writing as soon as
 * an answer arrives or the socket closes.
 */
export async function sendUntilAnswered(
  url: string,
  contentType: string,
  head: Buffer,
  maxBytes: number,
): Promise<UnboundedUpload> {
  const started = performance.now();
  const block = randomBytes(CHUNK_BYTES);
  const outgoing = request(url, { method: 'POST', headers: { 'Content-Type': contentType }, agent: false });
  let bytesWritten = 0;
  let settled = false;
  let wake = () => undefined as void;
  const ended = new Promise<Omit<UnboundedUpload, 'sentEverything'>>((resolve) => {
    const end = (status: number) => {
      if (settled) return;
      settled = true;
      resolve({ status, bytesWritten, ms: performance.now() - started });
      wake();
    };
    outgoing.on('response', (response) => {
      end(response.statusCode ?? 0);
      response.resume();
    });
    outgoing.on('error', () => end(0));
    outgoing.on('close', () => end(0));
  });
  outgoing.on('drain', () => wake());
  const write = (chunk: Buffer) =>
    outgoing.write(chunk, (error) => {
      if (!error && !settled) bytesWritten += chunk.byteLength;
    });

  let queued = head.byteLength;
  write(head);
  while (!settled && queued < maxBytes) {
    const chunk = maxBytes - queued >= CHUNK_BYTES ? block : block.subarray(0, maxBytes - queued);
    queued += chunk.byteLength;
    if (!write(chunk)) await new Promise<void>((resolve) => (wake = resolve));
  }
  const sentEverything = !settled;
  if (sentEverything) outgoing.end();
  const result = await ended;
  outgoing.destroy();
  return { ...result, sentEverything };
}
