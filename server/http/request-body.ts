import type { IncomingMessage } from 'node:http';

/**
 * The request body as a web stream that reads from the socket only when pulled. Unlike
 * `Readable.toWeb(req)`, cancelling it pauses the request instead of destroying it: destroying an
 * unfinished IncomingMessage destroys its socket, and the 413 that explains why reading stopped
 * could not be sent. `onFirstPull` runs before the first read (to send `100 Continue` then, and
 * only if the app wants the body at all).
 */
export function requestBody(request: IncomingMessage, onFirstPull: () => void): ReadableStream<Uint8Array> {
  let chunks: AsyncIterator<Buffer> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (chunks === undefined) {
          onFirstPull();
          chunks = request.iterator({ destroyOnReturn: false });
        }
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(new Uint8Array(next.value.buffer, next.value.byteOffset, next.value.byteLength));
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
