import { errorResponse } from '../http/json-response.ts';
import { UpstreamError } from '../tomticket/upstream-error.ts';

/**
 * The answer when the server never had TomTicket's department listing (this run, or saved by an
 * earlier one), so it cannot check a form: 503 with `Retry-After`, or undefined when `error` is not an
 * UpstreamError (an unexpected failure, answered as 500). The widget keeps what was typed and
 * offers to retry.
 */
export function upstreamErrorResponse(error: unknown): Response | undefined {
  if (!(error instanceof UpstreamError)) return undefined;
  // The upstream detail is logged, never answered: it describes the server's insides.
  const answer =
    error.code === 'upstream_timeout'
      ? errorResponse(503, { code: 'upstream_timeout', message: 'The support form server has not reached TomTicket yet (it did not answer in time). Try again later.' })
      : errorResponse(503, { code: 'upstream_unavailable', message: 'The support form server has not reached TomTicket yet, so it cannot take tickets. Try again later.' });
  answer.headers.set('Retry-After', '30');
  return answer;
}
