import { NOTES_ALLOWANCE_BYTES, estimateMultipartBytes, type FileEntry, type TextEntry } from '../../contract/index.ts';
import { buildTicketForm } from '../tomticket/build-ticket-form.ts';
import type { TicketToCreate } from '../tomticket/types.ts';

/**
 * An upper bound of the bytes of the `criar_chamado` request for `ticket`, measured on the very
 * form the TomTicket client sends (its field names, files by size; nothing is read from disk),
 * with room for what its notes (context, consent) add once the outbox writes them in.
 */
export async function estimateUpstreamBytes(ticket: TicketToCreate): Promise<number> {
  const form = await buildTicketForm(ticket);
  const entries: Array<TextEntry | FileEntry> = [];
  for (const [name, value] of form) {
    entries.push(
      typeof value === 'string' ? { name, value } : { name, fileName: value.name, type: value.type, size: value.size },
    );
  }
  return estimateMultipartBytes(entries) + (ticket.notes ? NOTES_ALLOWANCE_BYTES : 0);
}
