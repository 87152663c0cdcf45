import type { ErrorBody, ErrorCode, SubmissionFieldName } from '../../contract/index.ts';

/** A JSON answer; `headers` are added to the Content-Type. */
export function jsonResponse(status: number, body: unknown, headers?: HeadersInit): Response {
  const response = new Response(JSON.stringify(body), { status, headers });
  response.headers.set('Content-Type', 'application/json; charset=utf-8');
  return response;
}

/** What an error answer says: ErrorBody's `error`, optionally with every problem in `errors`. */
export interface ErrorDetails {
  code: ErrorCode;
  message: string;
  field?: SubmissionFieldName;
  /** Seconds until a new try can succeed (rate limits), also sent as Retry-After by the caller. */
  retryAfterSeconds?: number;
}

/** An ErrorBody answer (`{ ok: false, error }`), with `errors` listing all problems when there are several. */
export function errorResponse(
  status: number,
  error: ErrorDetails,
  options: { errors?: readonly ErrorDetails[]; headers?: HeadersInit } = {},
): Response {
  const body: ErrorBody & { errors?: ErrorDetails[] } = { ok: false, error: pickErrorFields(error) };
  if (options.errors !== undefined) body.errors = options.errors.map(pickErrorFields);
  return jsonResponse(status, body, options.headers);
}

/** Only the documented members, so no internal property of a problem object leaks into a body. */
function pickErrorFields(error: ErrorDetails): ErrorDetails {
  const picked: ErrorDetails = { code: error.code, message: error.message };
  if (error.field !== undefined) picked.field = error.field;
  if (error.retryAfterSeconds !== undefined) picked.retryAfterSeconds = error.retryAfterSeconds;
  return picked;
}
