import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFakeAccount } from './fake-account.ts';
import { resolveFakeV2Variants, resolveFakeVariants } from './fake-variants.ts';
import { createFakeRequestHandler } from './handle-fake-request.ts';
import { createSlidingWindow } from './sliding-window.ts';
import type { FakeFault, FakeRequestRecord, FakeTomTicket, FakeTomTicketOptions } from './types.ts';

/** Where the fake listens: loopback and an ephemeral port unless told otherwise. */
export interface FakeListenOptions {
  host?: string;
  port?: number;
}

const DEFAULT_REQUESTS_PER_SECOND = 3;
const RATE_WINDOW_MS = 1000;
// Far below Node's 300 s / 60 s defaults, so a client announcing more body than it sends cannot
// hold the fake for minutes (see server-pitfalls.md).
const REQUEST_TIMEOUT_MS = 30_000;
const HEADERS_TIMEOUT_MS = 10_000;
const DEFAULT_SLOW_ANSWER_MS = 10_000;
const DEFAULT_LISTING_LAG_MS = 1500;
/** API 2.0's attachment field name the fake's account takes unless told otherwise: the one a live integration confirmed. */
export const FAKE_V2_ATTACHMENT_FIELD = 'attachment[{n}]';

/**
 * Starts a faithful fake of TomTicket on 127.0.0.1, speaking both its APIs on one account as the
 * real host does: the legacy API (shared/tomticket-api.md) and API 2.0 under `/v2.0/`
 * (docs/tomticket-api-v2.md). Legacy answers: refusals (a wrong token included) `{erro: true}` with
 * 200, or with 4xx under the 'http_4xx' variant (see {@link FakeVariants}); over the rate limit
 * 429; a body over 25 MB 413 (and the connection closes unread); malformed multipart 400; unknown
 * path 404. API 2.0 answers in its envelope, a bad Bearer token 401 (see v2/). The rate limit
 * counts both APIs' calls together.
 */
export async function startFakeTomTicket(options: FakeTomTicketOptions & FakeListenOptions): Promise<FakeTomTicket> {
  const ownsStorage = options.storageDir === undefined;
  const storageDir = options.storageDir ?? (await mkdtemp(join(tmpdir(), 'fake-tomticket-')));
  if (!ownsStorage) await mkdir(storageDir, { recursive: true });

  const account = createFakeAccount(options.departments ?? [], options.customers ?? []);
  const requests: FakeRequestRecord[] = [];
  let current: { fault: FakeFault; message?: string } = { fault: 'none' };
  const variants = resolveFakeVariants(options.variants);
  const v2Variants = resolveFakeV2Variants(options.v2Variants);
  const tokens = [options.token];
  let tokenCanWrite = true;
  const handle = createFakeRequestHandler({
    tokenCanWrite: () => tokenCanWrite,
    v2Variants,
    attachmentField: options.v2AttachmentField ?? FAKE_V2_ATTACHMENT_FIELD,
    listingLagMs: options.listingLagMs ?? DEFAULT_LISTING_LAG_MS,
    currentToken: () => tokens.at(-1) as string,
    knownTokens: () => tokens,
    variants,
    account,
    storageDir,
    rateWindow: createSlidingWindow(options.requestsPerSecond ?? DEFAULT_REQUESTS_PER_SECOND, RATE_WINDOW_MS),
    requests,
    currentFault: () => current,
    slowAnswerMs: options.slowAnswerMs ?? DEFAULT_SLOW_ANSWER_MS,
  });

  const server = createServer({ requestTimeout: REQUEST_TIMEOUT_MS, headersTimeout: HEADERS_TIMEOUT_MS }, (request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'application/json' });
      response.end('{"erro":true,"mensagem":"Erro interno"}');
    });
  });
  const listen = (port: number, host: string) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  const stopListening = () =>
    new Promise<void>((resolve) => {
      // Resolves also when the port was already closed ('down'): the callback then gets an error.
      server.close(() => resolve());
      // Hanging 'no_answer' requests and idle keep-alive sockets would otherwise hold close() open.
      server.closeAllConnections();
    });
  await listen(options.port ?? 0, options.host ?? '127.0.0.1');
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  let closing: Promise<void> | undefined;
  // Port switches run one after another, so 'down' then 'none' in quick succession ends listening.
  let switching: Promise<void> = Promise.resolve();
  const close = async () => {
    await switching.catch(() => undefined);
    await stopListening();
    if (ownsStorage) await rm(storageDir, { recursive: true, force: true, maxRetries: 3 });
  };
  const setFault = (fault: FakeFault, message?: string): Promise<void> => {
    const wasDown = current.fault === 'down';
    current = message === undefined ? { fault } : { fault, message };
    if (closing || wasDown === (fault === 'down')) return switching;
    switching = switching.then(() => (fault === 'down' ? stopListening() : listen(address.port, address.address)));
    return switching;
  };

  return {
    url: `http://${host}:${address.port}`,
    requests,
    get tickets() {
      return account.tickets;
    },
    get customers() {
      return account.customers;
    },
    departments: account.departments,
    storageDir,
    setFault,
    setToken(token) {
      tokens.push(token);
    },
    setTokenCanWrite(canWrite) {
      tokenCanWrite = canWrite;
    },
    variants,
    v2Variants,
    clearRequests() {
      requests.length = 0;
    },
    close() {
      closing ??= close();
      return closing;
    },
  };
}
