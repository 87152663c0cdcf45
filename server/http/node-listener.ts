import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { Logger } from '../log/types.ts';
import { answerClientError } from './client-error.ts';
import { errorResponse } from './json-response.ts';
import { toWebRequest } from './to-web-request.ts';
import type { WebApp } from './types.ts';

/** Options of {@link listenNode}. */
export interface NodeListenerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Node's requestTimeout: the most a whole request (upload included) may take to arrive. */
  requestTimeoutMs: number;
  /** Node's headersTimeout: the most the request headers may take. */
  headersTimeoutMs: number;
  logger: Logger;
  /**
   * The most body bytes any route accepts (LIMITS.requestMaxBytes). Near it bodies are read
   * strictly on demand, so a refusal at the limit has taken nothing from the client beyond the
   * chunk that crossed it; default no limit (Node's one-chunk read-ahead throughout).
   */
  bodyLimitBytes?: number;
  /** The most connections open at once (MAX_CONNECTIONS); past it new ones are closed unanswered. Default no limit. */
  maxConnections?: number;
  /** How long writing an answer may go without progress before the connection is dropped (WRITE_TIMEOUT_MS); default 30 s. */
  writeTimeoutMs?: number;
  /** How many refused uploads may keep their connection open at once for their client to read the answer; default 64. */
  maxLingering?: number;
}

/** A listening Node HTTP server running a web app. */
export interface NodeListener {
  /** e.g. http://127.0.0.1:8787 (IPv6 hosts in brackets). */
  readonly url: string;
  readonly port: number;
  /** Stops accepting, lets in-flight requests finish for up to `graceMs` (default 5000), then drops the rest. */
  close(graceMs?: number): Promise<void>;
}

const DEFAULT_GRACE_MS = 5000;
/** The write timeout when none is given: a reader that takes nothing for this long is gone or hostile. */
export const DEFAULT_WRITE_TIMEOUT_MS = 30_000;
// Each lingering connection holds a socket and its unread upload in the kernel's buffers for
// UNREAD_BODY_GRACE_MS; this many at once is plenty for honest clients refused mid-upload.
const DEFAULT_MAX_LINGERING = 64;
// How long a connection refused mid-upload stays open for its client to read the refusal (see
// answerThenLinger); the fake TomTicket found one second too short for a client on a loaded machine.
const UNREAD_BODY_GRACE_MS = 5000;
// Node checks request and headers timeouts on this interval (30 s by default), which would let a
// stalled upload outlive its timeout by that much.
const TIMEOUT_CHECK_INTERVAL_MS = 1000;
// Node reads sockets 64 KiB at a time and keeps one read ahead of the body's consumer: reading on
// demand from two reads before the limit, the read-ahead chunk still ends within it. Before that,
// the read-ahead overlaps the network with the spooling.
const SOCKET_READ_BYTES = 64 * 1024;
const ON_DEMAND_MARGIN_BYTES = 2 * SOCKET_READ_BYTES;

/** Serves `app` with node:http on host:port, with the configured timeouts. */
export async function listenNode(app: WebApp, options: NodeListenerOptions): Promise<NodeListener> {
  let closing = false;
  // Ends connections kept open for a client to read its refusal, so closing need not wait for them.
  const stopping = new AbortController();
  const server: Server = createServer({
    requestTimeout: options.requestTimeoutMs,
    headersTimeout: options.headersTimeoutMs,
    connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
  });
  // Node closes connections past this at once, before any byte is read.
  if (options.maxConnections !== undefined) server.maxConnections = options.maxConnections;
  const handle = createNodeHandler(app, {
    logger: options.logger,
    ...(options.bodyLimitBytes !== undefined ? { bodyLimitBytes: options.bodyLimitBytes } : {}),
    stopping: stopping.signal,
    lingering: createLingerSlots(options.maxLingering ?? DEFAULT_MAX_LINGERING),
    writeTimeoutMs: options.writeTimeoutMs ?? DEFAULT_WRITE_TIMEOUT_MS,
  });
  // Handlers still running (e.g. removing a spool folder after the client left), awaited on close.
  const inFlight = new Set<Promise<void>>();
  const onRequest = (request: IncomingMessage, response: ServerResponse) => {
    // While closing, a finished answer must not leave its connection idling in keep-alive.
    if (closing) response.setHeader('Connection', 'close');
    const handling = handle(request, response);
    inFlight.add(handling);
    void handling.finally(() => inFlight.delete(handling));
  };
  server.on('request', onRequest);
  // With a listener here Node does not answer `100 Continue` by itself: the handler sends it when
  // the app starts reading the body, so a refused upload (413, 403…) is never sent at all.
  server.on('checkContinue', onRequest);
  // Unparsable requests get a JSON answer with the security headers instead of Node's bare one.
  server.on('clientError', answerClientError);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    async close(graceMs = DEFAULT_GRACE_MS) {
      closing = true;
      stopping.abort();
      await new Promise<void>((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), graceMs);
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      });
      // Connections are gone; let their handlers finish cleaning up, within reason.
      await Promise.race([Promise.allSettled([...inFlight]), sleep(graceMs)]);
    },
  };
}

/** Options of {@link createNodeHandler}. */
export interface NodeHandlerOptions {
  logger: Logger;
  /** As in {@link NodeListenerOptions}; default no limit. */
  bodyLimitBytes?: number;
  /** Cuts short the wait after a refusal mid-upload (see answerThenLinger). */
  stopping?: AbortSignal;
  /** Which refused uploads may linger; default all of them. */
  lingering?: LingerSlots;
  /** As in {@link NodeListenerOptions}; default {@link DEFAULT_WRITE_TIMEOUT_MS}. */
  writeTimeoutMs?: number;
}

/** Places for connections kept open after a refusal mid-upload; past them, such connections close at once. */
export interface LingerSlots {
  /** Takes a place; false when none is free. */
  take(): boolean;
  /** Gives a place back. */
  release(): void;
}

/** {@link LingerSlots} for at most `max` connections at once. */
export function createLingerSlots(max: number): LingerSlots {
  let taken = 0;
  return {
    take: () => (taken < max ? (taken++, true) : false),
    release: () => void (taken = Math.max(0, taken - 1)),
  };
}

/** The (req, res) listener that runs the web app for one Node request; settles when the request is fully handled. */
export function createNodeHandler(
  app: WebApp,
  options: NodeHandlerOptions,
): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  const onDemandAfterBytes = Math.max(0, (options.bodyLimitBytes ?? Number.POSITIVE_INFINITY) - ON_DEMAND_MARGIN_BYTES);
  const writing: WriteOptions = {
    lingering: options.lingering ?? createLingerSlots(Number.POSITIVE_INFINITY),
    writeTimeoutMs: options.writeTimeoutMs ?? DEFAULT_WRITE_TIMEOUT_MS,
    ...(options.stopping ? { stopping: options.stopping } : {}),
  };
  return (request, response) =>
    handleNodeRequest(app, request, response, onDemandAfterBytes, writing).catch((error: unknown) => {
      options.logger.error('failed to answer a request', { error });
      if (!response.headersSent) {
        response.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8', Connection: 'close' });
        response.end(JSON.stringify({ ok: false, error: { code: 'internal', message: 'Internal server error.' } }));
      } else {
        response.destroy();
      }
    });
}

/** How answers are written: where refused uploads may linger, how long a stalled write may last. */
interface WriteOptions {
  lingering: LingerSlots;
  writeTimeoutMs: number;
  stopping?: AbortSignal;
  /** Close the connection as soon as the answer is out (the app asked: a client refused too often). */
  closeAtOnce?: boolean;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

async function handleNodeRequest(
  app: WebApp,
  request: IncomingMessage,
  response: ServerResponse,
  onDemandAfterBytes: number,
  writing: WriteOptions,
): Promise<void> {
  const clientGone = new AbortController();
  response.on('close', () => {
    if (!response.writableFinished) clientGone.abort();
  });
  const expectsContinue = /100-continue/i.test(request.headers.expect ?? '');
  let webRequest: Request;
  try {
    webRequest = toWebRequest(request, {
      signal: clientGone.signal,
      onDemandAfterBytes,
      onFirstBodyPull: () => {
        if (expectsContinue && !response.headersSent) response.writeContinue();
      },
    });
  } catch {
    // The fetch spec refuses some methods Node accepts (TRACE, TRACK).
    await writeResponse(
      errorResponse(405, { code: 'method_not_allowed', message: 'This method is not supported.' }),
      request,
      response,
      writing,
    );
    return;
  }
  let closeAtOnce = false;
  const answer = await app(webRequest, {
    remoteAddress: request.socket.remoteAddress ?? '',
    // Every line as sent: Node merges repeats in `headers`, and drops lines past maxHeadersCount.
    headerLines: request.rawHeaders.length / 2,
    closeAfterAnswer: () => void (closeAtOnce = true),
  });
  await writeResponse(answer, request, response, { ...writing, closeAtOnce });
}

async function writeResponse(answer: Response, request: IncomingMessage, response: ServerResponse, writing: WriteOptions): Promise<void> {
  response.statusCode = answer.status;
  for (const [name, value] of answer.headers) {
    if (name !== 'set-cookie') response.setHeader(name, value);
  }
  const cookies = answer.headers.getSetCookie();
  if (cookies.length > 0) response.setHeader('Set-Cookie', cookies);
  if (writing.closeAtOnce) response.setHeader('Connection', 'close');
  // Answered before the whole body arrived (a refusal): reading on would mean taking in whatever
  // the client still sends, so the connection is closed after the answer instead.
  if (!request.complete) {
    response.setHeader('Connection', 'close');
    if (!writing.closeAtOnce && writing.lingering.take()) {
      try {
        await answerThenLinger(answer, response, writing.stopping);
      } finally {
        writing.lingering.release();
      }
    } else {
      await answerThenClose(answer, response);
    }
    return;
  }

  // A client that asks and never reads would otherwise hold its connection, and the answer in
  // memory, for good: Node has no write timeout of its own, and its request timeouts stop once the
  // request is in. The socket's idle timer counts from the last byte moved either way, so a slow
  // reader is fine; with nobody listening for it, Node destroys the socket when it fires. Once
  // the answer is out, Node sets the same timer to its keep-alive timeout, so nothing is undone.
  response.socket?.setTimeout(writing.writeTimeoutMs);
  if (answer.body === null) {
    response.end();
    return;
  }
  try {
    await pipeline(Readable.fromWeb(answer.body as NodeReadableStream<Uint8Array>), response);
  } catch {
    // The client went away mid-answer, or stopped reading it; nothing is left to tell it.
  }
}

/**
 * Sends a refusal whole and closes the connection right away: for a client refused too often, or
 * when too many refused connections linger already. Its unread upload may turn the close into a
 * reset that a client still sending does not get the answer through; that is the price of not
 * holding its socket.
 */
async function answerThenClose(answer: Response, response: ServerResponse): Promise<void> {
  const body = Buffer.from(await answer.arrayBuffer());
  response.setHeader('Content-Length', body.byteLength);
  await new Promise<void>((resolve) => response.end(body, resolve));
  response.socket?.destroy();
}

/**
 * Sends a refusal whole, then keeps the connection (unread, the request paused) for
 * {@link UNREAD_BODY_GRACE_MS}, or until the server stops. A paused socket does not notice the
 * client leaving, so the wait is not cut short by that; the connection costs nothing meanwhile. Ending at once would close a socket with unread
 * input, which sends a reset, and a reset wipes the answer from the buffers of a client that is
 * still busy uploading and has not read it yet: it would see a dropped connection, not the 413.
 */
async function answerThenLinger(answer: Response, response: ServerResponse, stopping?: AbortSignal): Promise<void> {
  // A refusal is one of our own short JSON errors: holding it is what lets Content-Length tell the
  // client it has the whole answer while the connection stays open.
  const body = Buffer.from(await answer.arrayBuffer());
  response.setHeader('Content-Length', body.byteLength);
  response.write(body);
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      stopping?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, UNREAD_BODY_GRACE_MS);
    stopping?.addEventListener('abort', done);
    if (stopping?.aborted) done();
    response.once('close', done);
  });
  response.end();
}
