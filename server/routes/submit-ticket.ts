import { errorResponse, jsonResponse } from '../http/json-response.ts';
import type { Logger } from '../log/types.ts';
import type { TicketDelivery } from '../outbox/delivery.ts';
import { fingerprintTicket } from '../outbox/fingerprint-ticket.ts';
import { hashIdempotencyKey, parseIdempotencyKey } from '../outbox/idempotency-key.ts';
import type { IdempotencyStore, StoredAnswer } from '../outbox/idempotency-store.ts';
import { storedAnswerOf } from '../outbox/submission-answer.ts';
import type { TicketToCreate } from '../tomticket/types.ts';

/** What {@link submitTicket} needs: the outbox's delivery and the idempotency records. */
export interface SubmitTicketDeps {
  delivery: TicketDelivery;
  idempotency: IdempotencyStore;
  logger: Logger;
}

/** Runs right before a new ticket is queued (never for a replayed one): a refusal to answer instead, or undefined to go on. */
export type BeforeQueue = () => Response | undefined;

/**
 * Hands a validated ticket to the outbox and answers 201 (created while the customer waited),
 * 202 `{ok, queued, reference}` (held, delivered later) or 422 (TomTicket refused it). With an
 * Idempotency-Key (IETF draft): a repeat of a finished request gets the first answer again, a repeat
 * while it runs 409, the same key with a different form 422. Only answers that mean a ticket
 * (201, 202) are kept, for 24 hours: after a refusal the customer may correct the form and resend.
 */
export async function submitTicket(
  ticket: TicketToCreate,
  keyHeader: string | null,
  deps: SubmitTicketDeps,
  beforeQueue: BeforeQueue = () => undefined,
): Promise<Response> {
  if (keyHeader === null) return beforeQueue() ?? answerResponse(storedAnswerOf(await deps.delivery.submit(ticket)));
  const key = parseIdempotencyKey(keyHeader);
  if (key === undefined) {
    return errorResponse(400, {
      code: 'invalid_idempotency_key',
      message: 'The Idempotency-Key header must be 1 to 255 visible ASCII characters, e.g. a UUID.',
    });
  }
  const keyHash = hashIdempotencyKey(key);
  const release = deps.idempotency.claim(keyHash);
  if (release === undefined) {
    return errorResponse(409, {
      code: 'idempotency_conflict',
      message: 'A request with this Idempotency-Key is still being processed. Try again in a moment.',
    });
  }
  try {
    const fingerprint = await fingerprintTicket(ticket);
    const stored = await deps.idempotency.find(keyHash);
    if (stored) {
      if (stored.fingerprint !== fingerprint) {
        return errorResponse(422, {
          code: 'idempotency_mismatch',
          message: 'This Idempotency-Key was already used for a different ticket.',
        });
      }
      deps.logger.info('ticket request repeated; first answer replayed', { reference: stored.reference, status: stored.answer.status });
      return answerResponse(stored.answer, { 'Idempotent-Replayed': 'true' });
    }
    return beforeQueue() ?? answerResponse(storedAnswerOf(await deps.delivery.submit(ticket, { keyHash, fingerprint })));
  } finally {
    release();
  }
}

function answerResponse(answer: StoredAnswer, headers?: Record<string, string>): Response {
  return jsonResponse(answer.status, answer.body, headers);
}
