import { createServer, request as httpRequest, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../log/index.ts';
import { createNodeHandler } from './node-listener.ts';
import type { WebApp } from './types.ts';

const LIMIT = 1024 * 1024;
const SOCKET_READ = 64 * 1024;
// Request line, headers and chunked framing of a test upload: far below one socket read.
const FRAMING_SLACK = 4 * 1024;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * An app that counts the body it reads and refuses it with 413 once it passes LIMIT. It takes
 * its time with each chunk near the limit and before answering, as spooling to disk and removing
 * the spool folder do: that is when a reader ahead of it takes the next chunk off the socket.
 */
const countingApp: WebApp = async (request) => {
  const reader = (request.body as ReadableStream<Uint8Array>).getReader();
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Response.json({ received });
    received += value.byteLength;
    if (received > LIMIT) {
      void reader.cancel();
      await pause(20);
      return new Response('too large', { status: 413 });
    }
    if (received > LIMIT - 4 * SOCKET_READ) await pause(5);
  }
};

interface Served {
  url: string;
  /** Bytes each request's socket had read when the app answered it. */
  socketReads: number[];
  server: Server;
}

function serve(app: WebApp): Promise<Served> {
  const logger = createLogger({ secrets: [], write: () => undefined });
  const socketReads: number[] = [];
  const server = createServer((request, response) => {
    // Counted when the app has its answer: what was read to decide, before any lingering.
    const counted: WebApp = async (webRequest, info) => {
      const answer = await app(webRequest, info);
      socketReads.push(request.socket.bytesRead);
      return answer;
    };
    void createNodeHandler(counted, logger, LIMIT)(request, response);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}/`, socketReads, server });
    });
  });
}

/** Posts `total` bytes chunked, 64 KiB per write with backpressure, stopping early when answered. */
function upload(url: string, total: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const outgoing = httpRequest(url, { method: 'POST', headers: { 'Transfer-Encoding': 'chunked' } }, (response) => {
      answered = true;
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (text: string) => (body += text));
      response.on('end', () => {
        // Answered: the rest of the upload is not wanted, so this client goes away.
        outgoing.destroy();
        resolve({ status: response.statusCode ?? 0, body });
      });
    });
    // A refusal closes the connection while this side may still be writing.
    outgoing.on('error', (error) => (answered ? undefined : reject(error)));
    const chunk = Buffer.alloc(SOCKET_READ, 0x61);
    let sent = 0;
    const writeMore = () => {
      while (!answered && sent < total) {
        const piece = chunk.subarray(0, Math.min(chunk.length, total - sent));
        sent += piece.length;
        if (!outgoing.write(piece)) return void outgoing.once('drain', writeMore);
      }
      if (!answered) outgoing.end();
    };
    writeMore();
  });
}

let running: Served | undefined;
afterEach(async () => {
  running?.server.closeAllConnections();
  await new Promise((resolve) => running?.server.close(resolve));
  running = undefined;
});

describe('createNodeHandler with a body limit', () => {
  it('delivers a body of exactly the limit whole, and refuses one byte more', async () => {
    running = await serve(countingApp);

    expect(await upload(running.url, LIMIT)).toEqual({ status: 200, body: JSON.stringify({ received: LIMIT }) });
    expect((await upload(running.url, LIMIT + 1)).status).toBe(413);
  });

  it('takes nothing off the socket beyond the read that crossed the limit', async () => {
    running = await serve(countingApp);

    const answer = await upload(running.url, 8 * LIMIT);

    expect(answer.status).toBe(413);
    // Node's usual read-ahead would have taken one more 64 KiB read while the app was busy.
    expect(running.socketReads[0]).toBeGreaterThan(LIMIT);
    expect(running.socketReads[0]).toBeLessThanOrEqual(LIMIT + SOCKET_READ + FRAMING_SLACK);
  });

  it('keeps the connection long enough for a client that is slow to read its refusal', async () => {
    running = await serve(countingApp);
    const { port } = running.server.address() as AddressInfo;

    // A client still busy sending (its upload queued in its own buffers) that reads nothing for
    // a while: closing a connection with unread input sends a reset, which would wipe the answer
    // from this client's buffers before it looked.
    const socket = connect(port, '127.0.0.1');
    socket.pause();
    socket.on('error', () => undefined);
    const closed = new Promise((resolve) => socket.once('close', resolve));
    socket.write('POST / HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n');
    const chunk = Buffer.alloc(SOCKET_READ, 0x61);
    for (let sent = 0; sent < 8 * LIMIT; sent += chunk.length) {
      socket.write(`${chunk.length.toString(16)}\r\n`);
      socket.write(chunk);
      socket.write('\r\n');
    }
    await pause(300);
    let received = '';
    socket.setEncoding('latin1');
    socket.on('data', (text: string) => {
      received += text;
      // The whole answer is in (Content-Length): done, as a real client would be.
      if (received.endsWith('too large')) socket.destroy();
    });
    socket.resume();
    await closed;

    expect(received).toMatch(/^HTTP\/1\.1 413 /);
    expect(received.endsWith('too large')).toBe(true);
  });
});
