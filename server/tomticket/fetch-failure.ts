/** What a failed HTTP call (undici's request, or fetch) means for retrying: did the request possibly reach TomTicket? */
export type FetchFailure =
  /** The configured time ran out: the ticket may exist. */
  | { kind: 'timeout' }
  /** Nothing was sent (connection refused, name not resolved): safe to repeat. */
  | { kind: 'not_sent'; reason: string }
  /** Anything else, e.g. a reset mid-request: not safe to repeat. */
  | { kind: 'failed'; reason: string };

// A connection never made carries nothing: refused, a name that does not resolve, a connect timeout.
const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * Classifies what the HTTP client threw. The reason is an error code or class name, never the error's
 * message: messages can quote the URL, which holds the token.
 */
export function classifyFetchFailure(error: unknown): FetchFailure {
  if (error instanceof DOMException && error.name === 'TimeoutError') return { kind: 'timeout' };
  const codes = causeCodes(error);
  const neverSent = codes.find((code) => NEVER_SENT_CODES.has(code));
  if (neverSent) return { kind: 'not_sent', reason: neverSent };
  const name = error instanceof Error ? error.name : typeof error;
  return { kind: 'failed', reason: codes[0] ?? name };
}

/** The `code`s along an error's cause chain, including each member of an AggregateError (happy eyeballs). */
function causeCodes(error: unknown, depth = 0): string[] {
  if (typeof error !== 'object' || error === null || depth > 5) return [];
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  const own = typeof code === 'string' ? [code] : [];
  const members = Array.isArray(errors) ? errors.flatMap((member) => causeCodes(member, depth + 1)) : [];
  return [...own, ...members, ...causeCodes(cause, depth + 1)];
}
