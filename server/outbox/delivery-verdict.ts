import { ticketMayExist } from '../tomticket/ticket-may-exist.ts';
import type { CreateTicketResult } from '../tomticket/types.ts';

/** What one delivery try means for the outbox item. */
export type DeliveryVerdict =
  | { kind: 'delivered'; ticket: { id?: string; protocol?: number } }
  /** TomTicket said no (`erro: true`): trying again would get the same answer. */
  | { kind: 'rejected'; message: string }
  /** Surely not created (refused connection, DNS, 429, a 4xx, a failed customer step): try again later. */
  | { kind: 'retry'; reason: string }
  /** `criar_chamado` went out and no usable answer came back: the ticket may exist, so it is never resent blindly. */
  | { kind: 'unknown'; reason: string };

/** Reads a creation result as a verdict for the outbox. */
export function deliveryVerdict(result: CreateTicketResult): DeliveryVerdict {
  if (result.ok) {
    return {
      kind: 'delivered',
      ticket: { ...(result.id !== undefined ? { id: result.id } : {}), ...(result.protocol !== undefined ? { protocol: result.protocol } : {}) },
    };
  }
  if (result.kind === 'rejected') return { kind: 'rejected', message: result.message };
  const reason = result.kind === 'timeout' ? 'no answer within the timeout' : result.detail;
  return ticketMayExist(result) ? { kind: 'unknown', reason } : { kind: 'retry', reason };
}
