import type { ErrorCode, SubmissionFieldName } from '../../contract/index.ts';

/** A protection's refusal: the status and error body to answer, before anything reaches TomTicket. */
export interface Refusal {
  status: 400 | 401 | 403 | 413 | 429 | 431;
  code: ErrorCode;
  /** For developers; it names the rule broken but never a secret or an internal detail. */
  message: string;
  field?: SubmissionFieldName;
  /** Sent as Retry-After and in the body (429, and `too_fast`). */
  retryAfterSeconds?: number;
}

/** A customer vouched for by the site's backend with a signed identity token. */
export interface Identity {
  email: string;
  name: string;
  /** The site's own id of the customer (`external_id`), used as TomTicket's customer identifier. */
  externalId?: string;
}
