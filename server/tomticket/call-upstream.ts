import type { Logger } from '../log/types.ts';
import { answerMessage } from './answer-message.ts';
import type { Endpoint } from './endpoint.ts';
import { classifyFetchFailure } from './fetch-failure.ts';
import type { RateLimiter } from './limiter.ts';
import { readAnswer } from './read-answer.ts';
import { retryDelayMs, type RetryPolicy } from './retry-delay.ts';
import type { SendGuard } from './types.ts';
import { upstreamUrl, type PathSegment } from './upstream-url.ts';

/** One call of the legacy API, described without the token. */
export interface UpstreamRequest {
  endpoint: Endpoint;
  method: 'GET' | 'POST';
  segments?: PathSegment[];
  query?: Record<string, string>;
  /** Builds the body afresh for each try. */
  body?: () => Promise<FormData | URLSearchParams> | FormData | URLSearchParams;
  /** Told right before each try goes out, and after each try that surely did not take effect. */
  guard?: SendGuard;
  /** Told of each try as the limiter lets it go (for a ticket's log line). */
  onTry?: () => void;
}

/** How a call ended, after any retries. */
export type UpstreamOutcome =
  /** A 2xx JSON object without `erro: true`. */
  | { kind: 'answer'; body: Record<string, unknown> }
  /** A 2xx JSON object with `erro: true`: TomTicket's words, plain text, token-free. */
  | { kind: 'rejected'; message: string | undefined; body: Record<string, unknown> }
  /**
   * No usable answer. `mayHaveTakenEffect`: the request reached TomTicket and may have been acted
   * on (a 5xx, an unreadable 2xx, a connection dropped mid-call); false when it surely was not
   * (connection refused, DNS failure, 429 after every retry, a 4xx refusal).
   */
  | { kind: 'unavailable'; detail: string; mayHaveTakenEffect: boolean }
  /** No answer within the timeout: the request may have been acted on. */
  | { kind: 'timeout' };

/** What {@link createUpstreamCaller} needs: the client's options, minus the parts it does not use. */
export interface UpstreamCallerOptions {
  apiUrl: string;
  token: string;
  timeoutMs: number;
  limiter: RateLimiter;
  logger: Logger;
  retry: RetryPolicy;
  /** Removes the token from text that came from TomTicket. */
  redact: (text: string) => string;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

type Attempt = UpstreamOutcome | { kind: 'retryable'; detail: string };

/**
 * A function making one legacy-API call: through the shared limiter, with a timeout, no
 * redirects, a log line per failed or refused try, and a retry only where the request surely did
 * not take effect (429, connection refused, DNS failure). A timeout or reset is never retried: the
 * ticket may exist.
 */
export function createUpstreamCaller(options: UpstreamCallerOptions): (request: UpstreamRequest) => Promise<UpstreamOutcome> {
  const { logger, retry, redact } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  async function attemptOnce(request: UpstreamRequest, attempt: number): Promise<Attempt> {
    request.onTry?.();
    const { url, logPath } = upstreamUrl(options.apiUrl, options.token, request.endpoint, request.segments, request.query);
    const logged = { endpoint: request.endpoint, method: request.method, path: logPath, attempt };
    // Outside the try: a spooled file that cannot be opened is our failure, not TomTicket's.
    const body = request.body ? await request.body() : undefined;
    await request.guard?.beforeSend();
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    try {
      // redirect 'error': fetch otherwise keeps a copy of the body for a replay (undici #4058),
      // and a redirect would carry the token in the URL to wherever it points.
      const response = await fetch(url, {
        method: request.method,
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(options.timeoutMs),
        headers: { accept: 'application/json' },
      });
      if (response.status === 429) {
        // The whole account is over its limit, not just this call: every caller holds off.
        options.limiter.reportRateLimited?.();
        await discardBody(response);
        logger.warn('tomticket call rate limited', { ...logged, status: 429, durationMs: elapsed() });
        return { kind: 'retryable', detail: `${request.endpoint} answered 429 (rate limited)` };
      }
      if (!response.ok) {
        await discardBody(response);
        logger.warn('tomticket call failed', { ...logged, status: response.status, durationMs: elapsed() });
        // A 5xx may come after the work was done (e.g. a crash while notifying); a 4xx refused it.
        return {
          kind: 'unavailable',
          detail: `${request.endpoint} answered HTTP ${response.status}`,
          mayHaveTakenEffect: response.status >= 500,
        };
      }
      const answer = await readAnswer(response);
      // A call that went well is summed up in its ticket's one line (see outbox/delivery.ts);
      // only what went wrong gets a line of its own.
      if (!answer.ok) {
        const problem = answer.problem === 'too_large' ? 'a body too large to read' : 'a body that is not a JSON object';
        logger.warn('tomticket call failed', { ...logged, status: response.status, durationMs: elapsed(), problem: answer.problem });
        return {
          kind: 'unavailable',
          detail: `${request.endpoint} answered ${response.status} with ${problem}`,
          mayHaveTakenEffect: true,
        };
      }
      if (answer.body.erro === true) {
        const message = answerMessage(answer.body);
        logger.info('tomticket call refused', { ...logged, status: response.status, durationMs: elapsed() });
        return { kind: 'rejected', message: message === undefined ? undefined : redact(message), body: answer.body };
      }
      return { kind: 'answer', body: answer.body };
    } catch (error) {
      const failure = classifyFetchFailure(error);
      logger.warn('tomticket call failed', { ...logged, failure: failure.kind, durationMs: elapsed(), error });
      if (failure.kind === 'timeout') return { kind: 'timeout' };
      return failure.kind === 'not_sent'
        ? { kind: 'retryable', detail: `${request.endpoint} could not be reached (${failure.reason})` }
        : { kind: 'unavailable', detail: `${request.endpoint} failed during the call (${failure.reason})`, mayHaveTakenEffect: true };
    }
  }

  return async function callUpstream(request) {
    for (let attempt = 1; ; attempt++) {
      const outcome = await options.limiter.schedule(() => attemptOnce(request, attempt));
      if (surelyWithoutEffect(outcome)) await request.guard?.notSent();
      if (outcome.kind !== 'retryable') return outcome;
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
  };
}

/** Whether a try surely changed nothing at TomTicket: never delivered, refused for its rate, or refused outright. */
function surelyWithoutEffect(outcome: Attempt): boolean {
  return outcome.kind === 'retryable' || outcome.kind === 'rejected' || (outcome.kind === 'unavailable' && !outcome.mayHaveTakenEffect);
}

/** Lets go of a body not worth reading, so the connection can be reused or closed. */
async function discardBody(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}
