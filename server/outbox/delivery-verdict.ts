import { ticketMayExist } from '../tomticket/ticket-may-exist.ts';
import type { CreateTicketResult } from '../tomticket/types.ts';

/** What one delivery try means for the outbox item (README "Every answer, classified"). */
export type DeliveryVerdict =
  | { kind: 'delivered'; ticket: { id?: string; protocol?: number } }
  /** TomTicket said no to the ticket (the token checked good): trying again would get the same answer. */
  | { kind: 'rejected'; message: string }
  /** TomTicket refuses the token: nothing was created; the ticket waits until the token is accepted. */
  | { kind: 'token_refused'; reason: string }
  /** Surely not created (refused connection, DNS, 429, a failed customer step): try again later. */
  | { kind: 'retry'; reason: string }
  /** Surely not created, but answered in a way the server does not understand: retried a bounded number of times. */
  | { kind: 'refused_unread'; reason: string }
  /** `criar_chamado` went out and no usable answer came back: the ticket may exist, so the listing is asked before any resend. */
  | { kind: 'unknown'; reason: string };

/** Reads a creation result as a verdict for the outbox. */
export function deliveryVerdict(result: CreateTicketResult): DeliveryVerdict {
  if (result.ok) {
    return {
      kind: 'delivered',
      ticket: { ...(result.id !== undefined ? { id: result.id } : {}), ...(result.protocol !== undefined ? { protocol: result.protocol } : {}) },
    };
  }
  switch (result.kind) {
    case 'rejected':
      return { kind: 'rejected', message: result.message };
    case 'token_refused':
      return { kind: 'token_refused', reason: result.detail };
    case 'unexpected':
      return { kind: 'refused_unread', reason: result.detail };
    case 'unavailable':
    case 'timeout': {
      const reason = result.kind === 'timeout' ? 'no answer within the timeout' : result.detail;
      return ticketMayExist(result) ? { kind: 'unknown', reason } : { kind: 'retry', reason };
    }
  }
}
