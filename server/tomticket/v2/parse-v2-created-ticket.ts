import { parseId, parseProtocol, type TicketReference } from '../parse-created-ticket.ts';

/**
 * The id and protocol in a `ticket/new` or `ticket/detail` answer. Creation answers `ticket_id`
 * and `protocol` at the root ([code, live] C1); integrations also read `data.ticket_id`,
 * `data.id` and a root `id`, and the detail gives `data.id` and `data.protocol`. Ids are kept as
 * text, the protocol as a number however it is typed. Neither is required: a success without them
 * is still a created ticket.
 */
export function parseV2CreatedTicket(body: Record<string, unknown>): TicketReference {
  const data = typeof body.data === 'object' && body.data !== null && !Array.isArray(body.data) ? (body.data as Record<string, unknown>) : {};
  const id = parseId(body.ticket_id) ?? parseId(data.ticket_id) ?? parseId(data.id) ?? parseId(body.id);
  const protocol = parseProtocol(body.protocol) ?? parseProtocol(data.protocol) ?? parseProtocol(data.protocolo);
  return { ...(id !== undefined ? { id } : {}), ...(protocol !== undefined ? { protocol } : {}) };
}
