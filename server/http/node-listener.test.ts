import { createServer, request as httpRequest, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../log/index.ts';
import { createNodeHandler, listenNode, type NodeListener, type NodeListenerOptions } from './node-listener.ts';
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
    void createNodeHandler(counted, { logger, bodyLimitBytes: LIMIT })(request, response);
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
  if (running === undefined) return;
  running.server.closeAllConnections();
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

describe('listenNode against clients that hold connections', () => {
  let listener: NodeListener | undefined;
  afterEach(async () => {
    await listener?.close(100);
    listener = undefined;
  });
  const logger = createLogger({ secrets: [], write: () => undefined });
  const start = (app: WebApp, options: Partial<NodeListenerOptions> = {}) =>
    listenNode(app, { host: '127.0.0.1', port: 0, requestTimeoutMs: 5000, headersTimeoutMs: 2000, logger, ...options });

  it('drops a connection whose reader stops reading, once the answer has made no progress for the write timeout', async () => {
    const BODY_BYTES = 32 * 1024 * 1024;
    // An answer far larger than the kernel's buffers hold, streamed as a real route streams a download.
    const big: WebApp = async () =>
      new Response(
        new ReadableStream({
          pull(controller) {
            controller.enqueue(new Uint8Array(256 * 1024));
          },
        }).pipeThrough(take(BODY_BYTES)),
      );
    listener = await start(big, { writeTimeoutMs: 300 });
    const socket = connect(listener.port, '127.0.0.1');
    socket.on('error', () => undefined);
    socket.pause();
    socket.write('GET / HTTP/1.1\r\nHost: localhost\r\n\r\n');
    // A reader that never reads: the server's writes stall once the buffers are full.
    await pause(2000);
    let received = 0;
    socket.on('data', (chunk: Buffer) => (received += chunk.length));
    const ended = new Promise((resolve) => socket.once('close', resolve));
    socket.resume();
    const outcome = await Promise.race([ended.then(() => 'closed'), pause(5000).then(() => 'still open')]);
    socket.destroy();
    // Dropped: what was in the buffers arrives, then the end, far short of the whole answer.
    expect(outcome).toBe('closed');
    expect(received).toBeLessThan(BODY_BYTES);
  });

  it('lets only so many refused uploads linger at once; past that, their connections close at once', async () => {
    const refuse: WebApp = async () => new Response('too large', { status: 413 });
    listener = await start(refuse, { maxLingering: 2 });
    // Headers announcing a big body, then nothing: the attack that pinned one socket per request.
    const outcomes = await Promise.all(Array.from({ length: 4 }, () => refusedUpload(listener!.port, 1500)));
    expect(outcomes.map((outcome) => outcome.answer)).toEqual(Array(4).fill(413));
    expect(outcomes.filter((outcome) => outcome.closedWithinMs).length).toBe(2);
    expect(outcomes.filter((outcome) => !outcome.closedWithinMs).length).toBe(2);
  });

  it('closes at once, without lingering, when the app asks (a client refused too often)', async () => {
    const refuseAndCut: WebApp = async (_request, context) => {
      context.closeAfterAnswer?.();
      return new Response('refused', { status: 429 });
    };
    listener = await start(refuseAndCut);
    const outcome = await refusedUpload(listener.port, 1500);
    expect(outcome).toEqual({ answer: 429, closedWithinMs: true });
  });

  it('tells the app how many header lines were sent, repeats counted', async () => {
    let lines: number | undefined;
    listener = await start(async (_request, context) => {
      lines = context.headerLines;
      return new Response('ok');
    });
    await sendRaw(listener.port, `GET / HTTP/1.1\r\nHost: localhost\r\n${'X-A: 1\r\n'.repeat(150)}Connection: close\r\n\r\n`);
    expect(lines).toBe(152);
  });

  it('closes connections past MAX_CONNECTIONS unanswered', async () => {
    listener = await start(async () => new Response('ok'), { maxConnections: 2 });
    const idle = [connect(listener.port, '127.0.0.1'), connect(listener.port, '127.0.0.1')];
    for (const socket of idle) socket.on('error', () => undefined);
    await Promise.all(idle.map((socket) => new Promise((resolve) => socket.once('connect', resolve))));
    await pause(100);
    expect(await sendRaw(listener.port, 'GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n')).toBe('');
    for (const socket of idle) socket.destroy();
    await pause(100);
    expect(await sendRaw(listener.port, 'GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n')).toMatch(/^HTTP\/1\.1 200 /);
  });
});

/** A transform passing the first `bytes` bytes through, then ending the stream. */
function take(bytes: number): TransformStream<Uint8Array, Uint8Array> {
  let left = bytes;
  return new TransformStream({
    transform(chunk, controller) {
      if (left <= 0) return controller.terminate();
      const piece = chunk.subarray(0, left);
      left -= piece.length;
      controller.enqueue(piece);
    },
  });
}

/**
 * Sends headers announcing a 20 MB upload and nothing more; reads the answer, then watches whether
 * the server closes the connection within `withinMs` (at once) or keeps it (lingering for the client).
 */
function refusedUpload(port: number, withinMs: number): Promise<{ answer: number | undefined; closedWithinMs: boolean }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    let text = '';
    let answeredAt: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (closed: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ answer: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]) || undefined, closedWithinMs: closed });
    };
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      text += chunk;
      if (answeredAt === undefined && text.includes('\r\n\r\n')) {
        answeredAt = Date.now();
        timer = setTimeout(() => finish(false), withinMs);
      }
    });
    socket.on('close', () => finish(answeredAt !== undefined));
    socket.write(`POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/octet-stream\r\nContent-Length: ${20 * 1024 * 1024}\r\n\r\n`);
  });
}

/** Writes `text` on a new connection and collects what comes back until the server closes it (or 3 s pass). */
function sendRaw(port: number, text: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(received);
    };
    const timer = setTimeout(done, 3000);
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('error', done);
    socket.on('close', done);
    socket.write(text);
  });
}
