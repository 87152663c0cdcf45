import { errorResponse } from '../http/json-response.ts';
import { UpstreamError } from '../tomticket/upstream-error.ts';

/**
 * The answer when TomTicket could not give something the server needed (the department listing),
 * or undefined when `error` is not an UpstreamError (an unexpected failure, answered as 500).
 */
export function upstreamErrorResponse(error: unknown): Response | undefined {
  if (!(error instanceof UpstreamError)) return undefined;
  return error.code === 'upstream_timeout' ? timeoutResponse() : unavailableResponse();
}

// The upstream detail is logged, never answered: it describes the server's insides.
function unavailableResponse(): Response {
  return errorResponse(502, { code: 'upstream_unavailable', message: 'TomTicket could not be reached. Try again later.' });
}

function timeoutResponse(): Response {
  return errorResponse(504, { code: 'upstream_timeout', message: 'TomTicket did not answer in time. Try again later.' });
}
