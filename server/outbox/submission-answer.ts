import type { ErrorBody, TicketCreatedBody, TicketQueuedBody } from '../../contract/index.ts';
import type { StoredAnswer } from './idempotency-store.ts';

/** How a submission that reached the outbox is answered. */
export type SubmissionAnswer =
  /** TomTicket created it while the customer waited (201, as before the outbox). */
  | { kind: 'created'; reference: string; ticket: TicketCreatedBody['ticket'] }
  /** It waits in the outbox, or was parked as uncertain: either way it is held, not lost (202). */
  | { kind: 'queued'; reference: string }
  /** TomTicket refused it (`erro: true`) while the customer waited (422, its words). */
  | { kind: 'rejected'; reference: string; message: string };

/** The status and body an answer is sent (and, for an idempotency key, stored) as. */
export function storedAnswerOf(answer: SubmissionAnswer): StoredAnswer {
  switch (answer.kind) {
    case 'created': {
      const body: TicketCreatedBody = { ok: true, ticket: answer.ticket };
      return { status: 201, body };
    }
    case 'queued': {
      const body: TicketQueuedBody = { ok: true, queued: true, reference: answer.reference };
      return { status: 202, body };
    }
    case 'rejected': {
      const body: ErrorBody = { ok: false, error: { code: 'upstream_rejected', message: answer.message } };
      return { status: 422, body };
    }
  }
}
