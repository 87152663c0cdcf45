/**
 * Every expected failure the companion server can answer, by code. The widget looks up the
 * customer-facing text from the code in its locale tables; `message` in a response is for
 * developers reading the API.
 */
export const ERROR_CODES = [
  'required',
  'too_long',
  'invalid_email',
  'invalid_priority',
  'invalid_value',
  'not_an_option',
  'unknown_department',
  'unknown_category',
  'unknown_field',
  'duplicate_field',
  'empty_file_name',
  'too_many_files',
  'request_too_large',
  'not_multipart',
  'malformed_body',
  'origin_not_allowed',
  'not_found',
  'method_not_allowed',
  'upstream_rejected',
  'upstream_unavailable',
  'upstream_timeout',
  'rate_limited',
  'origin_required',
  'identity_invalid',
  'identity_required',
  'bot_suspected',
  'too_fast',
  'challenge_failed',
  'file_type_denied',
  'file_not_image',
  'invalid_idempotency_key',
  'idempotency_conflict',
  'idempotency_mismatch',
  'attachments_unavailable',
  'internal',
] as const;

/** One of {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The names of the submission's form fields, as `field` in an error points at them. */
export type SubmissionFieldName =
  | 'email'
  | 'name'
  | 'department'
  | 'category'
  | 'title'
  | 'message'
  | 'priority'
  | 'attachments'
  | 'consent'
  | `fields[${string}]`
  | `context[${string}]`;

/** The body of every error answer: `field` names the form field to show it next to. */
export interface ErrorBody {
  ok: false;
  error: {
    code: ErrorCode;
    message: string;
    field?: SubmissionFieldName;
    /** With `rate_limited` (and `too_fast`): seconds until a new try can succeed, as in Retry-After. */
    retryAfterSeconds?: number;
  };
}

/** The body of `201 Created` from `POST /api/tickets`; id and protocol are there when TomTicket gives them. */
export interface TicketCreatedBody {
  ok: true;
  ticket: {
    id?: string;
    protocol?: number;
  };
}

/**
 * The body of `202 Accepted` from `POST /api/tickets`: the server holds the ticket in its outbox
 * and delivers it as soon as TomTicket takes it; `reference` (e.g. `TT-7K3M9Q2X`) is the last line
 * of the ticket's message, so support can find it.
 */
export interface TicketQueuedBody {
  ok: true;
  queued: true;
  reference: string;
}
