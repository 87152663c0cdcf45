import { Pool, type FormData } from 'undici';
import type { Logger } from '../log/types.ts';
import { classifyAnswer } from './classify-answer.ts';
import type { ApiDialect } from './dialect.ts';
import type { Endpoint } from './endpoint.ts';
import { classifyFetchFailure } from './fetch-failure.ts';
import type { RateLimiter } from './limiter.ts';
import { readAnswer } from './read-answer.ts';
import { retryDelayMs, type RetryPolicy } from './retry-delay.ts';
import type { SendGuard } from './types.ts';
import type { PathSegment } from './upstream-url.ts';

/** One call of TomTicket, described without the token (the dialect puts it where its API wants it). */
export interface UpstreamRequest {
  endpoint: Endpoint;
  method: 'GET' | 'POST';
  /** Path segments after the legacy API's token. */
  segments?: PathSegment[];
  query?: Record<string, string>;
  /** Query keys whose values are a customer's (an e-mail): shown as `…` in log lines. */
  hiddenQuery?: readonly string[];
  /** Builds the body afresh for each try: undici's own FormData (files streamed from disk) or a urlencoded form. */
  body?: () => Promise<FormData | URLSearchParams> | FormData | URLSearchParams;
  /** Told right before each try goes out, and after each try that surely did not take effect. */
  guard?: SendGuard;
  /** Told of each try as the limiter lets it go (for a ticket's log line). */
  onTry?: () => void;
}

/** How a call ended, after any retries: every answer read and classified (see classify-answer.ts). */
export type UpstreamOutcome =
  /** A 2xx JSON object that does not say it failed (`erro: true`; API 2.0's `error: true`, `success: false`). */
  | { kind: 'answer'; body: Record<string, unknown> }
  /** TomTicket refused the request (it said it failed, or a 4xx with a JSON body): its words, plain text, token-free. */
  | { kind: 'refused'; status: number; message: string | undefined; body: Record<string, unknown> }
  /** 401/403: the token is refused. Nothing was done. */
  | { kind: 'token_refused'; status: number; message: string | undefined }
  /** A redirect or a 4xx that is not TomTicket's JSON (a proxy, a wrong TOMTICKET_API_URL): nothing was done. */
  | { kind: 'unexpected'; detail: string }
  /**
   * No usable answer. `mayHaveTakenEffect`: the request reached TomTicket and may have been acted
   * on (a 5xx, an unreadable 2xx, a connection dropped mid-call); false when it surely was not
   * (connection refused, DNS failure, 429 after every retry).
   */
  | { kind: 'unavailable'; detail: string; mayHaveTakenEffect: boolean }
  /** No answer within the timeout: the request may have been acted on. */
  | { kind: 'timeout' };

/** What {@link createUpstreamCaller} needs: the client's options, minus the parts it does not use. */
export interface UpstreamCallerOptions {
  apiUrl: string;
  /** Where the token goes and how a failure reads, in the API spoken. */
  dialect: Pick<ApiDialect, 'target' | 'saysRefused'>;
  timeoutMs: number;
  limiter: RateLimiter;
  logger: Logger;
  retry: RetryPolicy;
  /** Removes the token from text that came from TomTicket. */
  redact: (text: string) => string;
  /** Told of every classified answer, for the token's health. */
  onAnswer?: (outcome: UpstreamOutcome) => void;
  /** Shown every answer as it came (status and JSON body, if any): the doctor reports their shape. */
  observe?: (answer: ObservedAnswer) => void;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** One answer as it came, for whoever reports on the API's shape (the doctor). */
export interface ObservedAnswer {
  endpoint: Endpoint;
  status: number;
  /** The JSON object it carried, if it was one. */
  body?: Record<string, unknown>;
}

/** Makes TomTicket calls over kept-alive connections; close() lets them go. */
export interface UpstreamCaller {
  call(request: UpstreamRequest): Promise<UpstreamOutcome>;
  close(): Promise<void>;
}

type Attempt = UpstreamOutcome | { kind: 'retryable'; detail: string; neverConnected?: boolean };

// Enough for the limiter's 3 calls a second with slow uploads among them, and for benchmarks
// with the limiter off; idle ones are closed after undici's keep-alive timeout.
const CONNECTIONS = 16;

/**
 * TomTicket calls, either API: through the shared limiter, over a pool of kept-alive connections (undici),
 * with a timeout, no redirects followed (a redirect would carry the token in its URL to wherever it
 * points), every answer's body read whatever its status, a log line per failed or refused try,
 * and a retry only where the request surely did not take effect (429, connection refused, DNS
 * failure). A timeout or reset is never retried: the ticket may exist.
 */
export function createUpstreamCaller(options: UpstreamCallerOptions): UpstreamCaller {
  const { logger, retry, redact } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const pool = new Pool(new URL(options.apiUrl).origin, { connections: CONNECTIONS });

  async function attemptOnce(request: UpstreamRequest, attempt: number): Promise<Attempt> {
    request.onTry?.();
    const { path, logPath, headers } = options.dialect.target(request);
    const logged = { endpoint: request.endpoint, method: request.method, path: logPath, attempt };
    // Outside the try: a spooled file that cannot be opened is our failure, not TomTicket's.
    const built = request.body ? await request.body() : undefined;
    const form = built instanceof URLSearchParams ? built.toString() : built;
    await request.guard?.beforeSend();
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    try {
      const response = await pool.request({
        path,
        method: request.method,
        body: form,
        headers: {
          accept: 'application/json',
          ...headers,
          ...(typeof form === 'string' ? { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' } : {}),
        },
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      const status = response.statusCode;
      const answer = await readAnswer(response.body);
      options.observe?.({ endpoint: request.endpoint, status, ...(answer.ok ? { body: answer.body } : {}) });
      const meaning = classifyAnswer(status, answer, options.dialect.saysRefused);
      const failed = (problem: string) =>
        logger.warn('tomticket call failed', { ...logged, status, durationMs: elapsed(), problem });
      switch (meaning.kind) {
        case 'answer':
          // A call that went well is summed up in its ticket's one line (see outbox/delivery.ts).
          return { kind: 'answer', body: meaning.body };
        case 'refused': {
          const message = meaning.message === undefined ? undefined : redact(meaning.message);
          logger.info('tomticket call refused', { ...logged, status, durationMs: elapsed(), upstreamMessage: message });
          return { kind: 'refused', status, message, body: meaning.body };
        }
        case 'token_refused':
          logger.error('tomticket refused the token', { ...logged, status, durationMs: elapsed() });
          return { kind: 'token_refused', status, message: meaning.message === undefined ? undefined : redact(meaning.message) };
        case 'rate_limited':
          // The whole account is over its limit, not just this call: every caller holds off.
          options.limiter.reportRateLimited?.();
          logger.warn('tomticket call rate limited', { ...logged, status, durationMs: elapsed() });
          return { kind: 'retryable', detail: `${request.endpoint} answered 429 (rate limited)` };
        case 'unavailable':
          failed(meaning.problem);
          return { kind: 'unavailable', detail: `${request.endpoint} answered ${meaning.problem}`, mayHaveTakenEffect: true };
        case 'unexpected':
          failed(meaning.problem);
          return { kind: 'unexpected', detail: `${request.endpoint} answered ${meaning.problem}` };
      }
    } catch (error) {
      const failure = classifyFetchFailure(error);
      logger.warn('tomticket call failed', { ...logged, failure: failure.kind, durationMs: elapsed(), error });
      if (failure.kind === 'timeout') return { kind: 'timeout' };
      return failure.kind === 'not_sent'
        ? { kind: 'retryable', detail: `${request.endpoint} could not be reached (${failure.reason})`, neverConnected: true }
        : { kind: 'unavailable', detail: `${request.endpoint} failed during the call (${failure.reason})`, mayHaveTakenEffect: true };
    }
  }

  async function call(request: UpstreamRequest): Promise<UpstreamOutcome> {
    for (let attempt = 1; ; attempt++) {
      // A connection never made reached nobody: its slot of the account's rate goes back.
      const outcome = await options.limiter.schedule(
        () => attemptOnce(request, attempt),
        (attempted) => attempted.kind === 'retryable' && attempted.neverConnected === true,
      );
      if (surelyWithoutEffect(outcome)) await request.guard?.notSent();
      if (outcome.kind !== 'retryable') {
        options.onAnswer?.(outcome);
        return outcome;
      }
      if (attempt >= retry.attempts) {
        return {
          kind: 'unavailable',
          detail: `${outcome.detail}; gave up after ${attempt} ${attempt === 1 ? 'try' : 'tries'}`,
          mayHaveTakenEffect: false,
        };
      }
      // Sleep outside the limiter: other calls keep their turns while this one backs off.
      await sleep(retryDelayMs(attempt, retry, options.random));
    }
  }

  let closing: Promise<void> | undefined;
  // Once, however often asked: waits for calls under way (each bounded by its timeout).
  return { call, close: () => (closing ??= pool.close()) };
}

/** Whether a try surely changed nothing at TomTicket: never delivered, refused for its rate, refused outright. */
function surelyWithoutEffect(outcome: Attempt): boolean {
  switch (outcome.kind) {
    case 'retryable':
    case 'refused':
    case 'token_refused':
    case 'unexpected':
      return true;
    case 'unavailable':
      return !outcome.mayHaveTakenEffect;
    default:
      return false;
  }
}
