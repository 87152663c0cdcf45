/** Why an upstream call that had to give a value (the department listing) could not. */
export type UpstreamErrorCode = 'upstream_unavailable' | 'upstream_timeout' | 'token_refused';

/**
 * Thrown when TomTicket cannot give what was asked. The code matches the error codes the HTTP
 * layer answers with; the message is built from endpoint names and never holds the token.
 */
export class UpstreamError extends Error {
  override readonly name = 'UpstreamError';
  readonly code: UpstreamErrorCode;

  constructor(code: UpstreamErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
