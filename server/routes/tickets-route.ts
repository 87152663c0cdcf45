import { CONTEXT_KEYS, LIMITS, SUBMISSION_FIELDS } from '../../contract/index.ts';
import type { FormSchema } from '../../contract/index.ts';
import { errorResponse } from '../http/json-response.ts';
import type { RequestContext } from '../http/types.ts';
import type { OutboxDiskUsage } from '../outbox/outbox-disk-usage.ts';
import type { Gate, Protection } from '../protection/create-protection.ts';
import type { Logger } from '../log/types.ts';
import type { FormSchemaSource } from '../schema/types.ts';
import { checkMultipartType } from '../submission/check-multipart-type.ts';
import { estimateUpstreamBytes } from '../submission/estimate-upstream-bytes.ts';
import { parseMultipart } from '../submission/parse-multipart.ts';
import { planSpoolFolder, type LazySpoolFolder } from '../submission/spool-folder.ts';
import type { Refusal, SubmissionProblem } from '../submission/types.ts';
import { validateSubmission } from '../submission/validate-submission.ts';
import { submitTicket, type SubmitTicketDeps } from './submit-ticket.ts';
import { upstreamErrorResponse } from './upstream-answers.ts';

/** What {@link createTicketsRoute} needs: besides its own, the outbox's delivery and idempotency records. */
export interface TicketsRouteDeps extends SubmitTicketDeps {
  schemaSource: FormSchemaSource;
  logger: Logger;
  /** Where each request with files gets its own spool folder. */
  spoolDir: string;
  /** The anti-abuse checks: headers before the body, then around validation. */
  protection: Protection;
  /** The outbox's size against OUTBOX_MAX_MB: past it, tickets with files are refused 503. */
  outboxUsage: OutboxDiskUsage;
}

// Stray or repeated names up to this many still get their precise error (unknown_field,
// duplicate_field); beyond it the body is refused as malformed without reading further.
const EXTRA_FIELDS_TOLERATED = 16;
// The form's own text parts, the context's details and the consent.
const TEXT_FIELD_COUNT = Object.values(SUBMISSION_FIELDS).filter((name) => name !== SUBMISSION_FIELDS.attachments).length + CONTEXT_KEYS.length + 1;

/**
 * `POST /api/tickets`: refuses what it can from the headers alone (the protections of
 * server/protection/, then 413 by Content-Length, 415, a bad boundary), then streams and spools the body, validates it against the current schema,
 * and only then hands it to the outbox, which delivers it to TomTicket (see submit-ticket.ts).
 * The request's spool folder is made only when a file arrives, and removed however the request
 * ends (accepted files were moved out of it).
 */
export function createTicketsRoute(deps: TicketsRouteDeps): (request: Request, context: RequestContext) => Promise<Response> {
  return async (request, context) => {
    const admission = await deps.protection.admit(request, context);
    if (!admission.ok) return admission.response;
    const declaredLength = Number(request.headers.get('content-length') ?? 0);
    if (declaredLength > LIMITS.requestMaxBytes) return refusalResponse(tooLarge());
    const contentType = request.headers.get('content-type');
    const typeRefusal = checkMultipartType(contentType);
    if (typeRefusal !== undefined) return refusalResponse(typeRefusal);

    let schema: FormSchema;
    try {
      schema = await deps.schemaSource.get();
    } catch (error) {
      const answer = upstreamErrorResponse(error);
      if (answer === undefined) throw error;
      deps.logger.warn('ticket refused: form schema unavailable', { error });
      return answer;
    }

    const folder = planSpoolFolder(deps.spoolDir);
    try {
      return await receiveAndCreate(request, contentType as string, folder, schema, admission.value, deps);
    } finally {
      await folder.remove().catch((error: unknown) => deps.logger.error('spool folder not removed', { path: folder.path, error }));
    }
  };
}

async function receiveAndCreate(
  request: Request,
  contentType: string,
  spoolFolder: LazySpoolFolder,
  schema: FormSchema,
  gate: Gate,
  deps: TicketsRouteDeps,
): Promise<Response> {
  const parsed = await parseMultipart(request.body, {
    contentType,
    spoolFolder: spoolFolder.path,
    prepareSpoolFolder: spoolFolder.prepare,
    maxFields: TEXT_FIELD_COUNT + mostCustomFields(schema) + EXTRA_FIELDS_TOLERATED,
    maxFileBytes: deps.protection.maxFileBytes,
  });
  if (!parsed.ok) return refusalResponse(parsed.refusal);

  const screened = gate.screen(parsed.submission);
  if (!screened.ok) return screened.response;
  const validation = validateSubmission(screened.value, schema);
  if (!validation.ok) return problemsResponse(validation.problems);
  const approved = await gate.approve(validation.ticket, parsed.submission.files);
  if (!approved.ok) return approved.response;
  const ticket = approved.value;
  // The form TomTicket receives is not the one that arrived (other names, CRLF line breaks), so
  // it is measured again: it too must stay within the 25 MB TomTicket accepts.
  if ((await estimateUpstreamBytes(ticket)) > LIMITS.requestMaxBytes) {
    return refusalResponse({ ...tooLarge(), field: SUBMISSION_FIELDS.attachments });
  }

  // From here the ticket is the outbox's: written durably before any upstream call, never lost.
  const fileBytes = ticket.attachments.reduce((sum, attachment) => sum + attachment.size, 0);
  const response = await submitTicket(ticket, request.headers.get('idempotency-key'), deps, () =>
    fileBytes > 0 && !deps.outboxUsage.fits(fileBytes) ? outboxFullResponse(deps) : undefined,
  );
  // Delivered (201) or refused (422) tickets leave the outbox at once; a queued one stays.
  if (response.status === 202 && !response.headers.has('Idempotent-Replayed')) {
    deps.outboxUsage.added(fileBytes + ITEM_RECORD_BYTES);
  }
  return response;
}

// About what a ticket's item.json takes: its texts are at most a few kilobytes.
const ITEM_RECORD_BYTES = 4096;

/**
 * 503 for a ticket with files while the outbox holds OUTBOX_MAX_MB already (TomTicket has been
 * down a while): its files cannot be kept safely, but the same ticket without them still can.
 */
function outboxFullResponse(deps: TicketsRouteDeps): Response {
  deps.logger.warn('ticket with files refused: the outbox is at OUTBOX_MAX_MB', {
    usedBytes: deps.outboxUsage.bytes(),
    maxBytes: deps.outboxUsage.maxBytes,
  });
  const problem = {
    code: 'attachments_unavailable' as const,
    message: 'Attachments cannot be received right now: tickets are waiting for TomTicket and the server keeps no more files (OUTBOX_MAX_MB). Send the ticket without attachments, or try again later.',
    field: SUBMISSION_FIELDS.attachments,
  };
  return errorResponse(503, problem, { errors: [problem] });
}

function mostCustomFields(schema: FormSchema): number {
  return Math.max(0, ...schema.departments.map((department) => department.fields.length));
}

function tooLarge(): Refusal {
  return {
    status: 413,
    code: 'request_too_large',
    message: `The request is larger than ${LIMITS.requestMaxBytes} bytes.`,
  };
}

/** A refusal; the connection is closed after it, since the rest of the body was not read. */
function refusalResponse(refusal: Refusal): Response {
  const { status, ...problem } = refusal;
  return errorResponse(status, problem, { errors: [problem], headers: { Connection: 'close' } });
}

/** 400 with the first problem as `error` (what the widget shows) and all of them as `errors`. */
function problemsResponse(problems: readonly SubmissionProblem[]): Response {
  const [first] = problems as [SubmissionProblem, ...SubmissionProblem[]];
  return errorResponse(400, first, { errors: problems });
}
