import type { IncomingMessage } from 'node:http';

/**
 * The request body as a web stream that reads from the socket only when pulled. Unlike
 * `Readable.toWeb(req)`, cancelling it pauses the request instead of destroying it: destroying an
 * unfinished IncomingMessage destroys its socket, and the 413 that explains why reading stopped
 * could not be sent. `onFirstPull` runs before the first read (to send `100 Continue` then, and
 * only if the app wants the body at all). Once `onDemandAfterBytes` bytes were pulled (default
 * never), nothing more is taken off the socket than each pull needs: see {@link readOnDemand}.
 */
export function requestBody(
  request: IncomingMessage,
  onFirstPull: () => void,
  onDemandAfterBytes = Number.POSITIVE_INFINITY,
): ReadableStream<Uint8Array> {
  let chunks: AsyncIterator<Buffer> | undefined;
  let pulled = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (chunks === undefined) {
          onFirstPull();
          chunks = request.iterator({ destroyOnReturn: false });
        }
        if (pulled >= onDemandAfterBytes) readOnDemand(request);
        const next = await chunks.next();
        if (next.done) return controller.close();
        pulled += next.value.byteLength;
        controller.enqueue(new Uint8Array(next.value.buffer, next.value.byteOffset, next.value.byteLength));
      },
      cancel() {
        // Not awaited: with a read pending, the iterator would only return once the client sends more.
        void chunks?.return?.().catch(() => undefined);
        request.pause();
      },
    },
    // Zero: nothing is read ahead of the app, so a refusal before reading leaves the body unread.
    { highWaterMark: 0 },
  );
}

/**
 * Makes `request` read from its socket only when a read finds its buffer empty. An IncomingMessage
 * refills its buffer as soon as a read leaves it below its highWaterMark, so it normally holds one
 * socket read (64 KiB) more than its consumer took: at a body limit, that chunk is taken from the
 * client for nothing. A highWaterMark of zero removes the read-ahead. Node has no public setter per
 * request (createServer's `highWaterMark: 0` applies from the first byte and stalls uploads on
 * Node 20, tried), so this sets the stream state's field; should that field ever move, reading just
 * stays one chunk ahead, as before.
 */
function readOnDemand(request: IncomingMessage): void {
  const state = (request as unknown as { _readableState?: { highWaterMark?: unknown } })._readableState;
  if (typeof state?.highWaterMark === 'number') state.highWaterMark = 0;
}
