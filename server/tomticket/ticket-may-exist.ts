import type { CreateTicketResult } from './types.ts';

/**
 * Whether a failed creation may still have created the ticket: `criar_chamado` was sent and then
 * gave no usable answer (timeout, dropped connection, 5xx, garbage). Such a ticket must not be sent
 * again blindly. A result that does not say (a stand-in client) is taken to say yes.
 */
export function ticketMayExist(result: Extract<CreateTicketResult, { ok: false }>): boolean {
  if (result.kind === 'rejected' || result.kind === 'token_refused' || result.kind === 'unexpected') return false;
  return result.ticketMayExist !== false;
}
