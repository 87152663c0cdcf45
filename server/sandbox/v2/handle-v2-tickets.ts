import type { FakeTicket } from '../types.ts';
import type { FakeV2Exchange } from './fake-v2-exchange.ts';
import { FAKE_V2_MESSAGES } from './fake-v2-messages.ts';
import { readQuery } from './fake-v2-query.ts';
import { v2TicketItem } from './v2-ticket-item.ts';

/** Tickets per page of `ticket/list` [doc D2]. */
export const V2_LISTING_PAGE_SIZE = 50;

// ticket/list's parameters: TomTicket's page [doc D2] and what integrations send [code].
const LIST_KEYS = [
  'page',
  'customer_id',
  'customer_type_id',
  'situation',
  'department_id',
  'status_id',
  'column',
  'order',
  'min_protocol',
  'max_protocol',
  'creation_date_ge',
  'last_update_ge',
  'last_situation_ge',
  'last_situation_le',
];
const PAGE = /^[1-9]\d{0,5}$/;
// The fake's tickets are all waiting for an operator: situation 0.
const OPEN_SITUATION = '0';

/** `GET /v2.0/ticket/detail?ticket_id=`: the ticket; an unknown id is refused as not found. */
export function handleV2TicketDetail(exchange: FakeV2Exchange): void {
  const { reply, account } = exchange;
  const query = readQuery(exchange.url, ['ticket_id']);
  if (!query.ok) return reply.refuse('invalid', query.message);
  const id = query.values.get('ticket_id');
  if (!id) return reply.refuse('invalid', FAKE_V2_MESSAGES.required('ticket_id'));
  const ticket = account.findTicket(id);
  if (!ticket) return reply.refuse('not_found', FAKE_V2_MESSAGES.ticketNotFound);
  reply.ok({ data: v2TicketItem(ticket, account) });
}

/**
 * `GET /v2.0/ticket/list`: the account's tickets (or one customer's, by `customer_id` and
 * `customer_type_id`), 50 a page, sorted by `column` (protocol) and `order` (ASC by default),
 * with `size`, `pages`, `next_page` and `previous_page`. Past the end: an empty page with
 * `next_page: null`, or a 404 under the 'http_404' variant. Under 'delayed' a ticket shows only
 * `listingLagMs` after its creation.
 */
export function handleV2TicketList(exchange: FakeV2Exchange): void {
  const { reply, account, v2 } = exchange;
  const query = readQuery(exchange.url, LIST_KEYS);
  if (!query.ok) return reply.refuse('invalid', query.message);
  const values = query.values;
  const page = values.get('page') ?? '1';
  if (!PAGE.test(page)) return reply.refuse('invalid', FAKE_V2_MESSAGES.invalidPage);
  const type = values.get('customer_type_id') ?? 'I';
  if (type !== 'I' && type !== 'E') return reply.refuse('invalid', FAKE_V2_MESSAGES.invalidType('customer_type_id'));
  const order = (values.get('order') ?? 'ASC').toUpperCase();
  if (order !== 'ASC' && order !== 'DESC') return reply.refuse('invalid', FAKE_V2_MESSAGES.invalidOrder);
  const column = values.get('column') ?? 'protocol';
  if (column !== 'protocol' && column !== 'creation_date') return reply.refuse('invalid', FAKE_V2_MESSAGES.invalidColumn);

  const customerId = values.get('customer_id');
  let tickets: readonly FakeTicket[] = account.tickets;
  if (customerId !== undefined) {
    const customer = account.findCustomer(customerId, type);
    tickets = customer ? account.ticketsOf(customer.id) : [];
  }
  const situations = values.get('situation');
  if (situations !== undefined && !situations.split(',').includes(OPEN_SITUATION)) tickets = [];
  if (v2.listingLag === 'delayed') {
    const shownBefore = Date.now() - exchange.listingLagMs;
    tickets = tickets.filter((ticket) => ticket.createdAt.getTime() <= shownBefore);
  }
  // Protocols grow with creation, so one order serves both sortable columns.
  const ordered = order === 'DESC' ? [...tickets].reverse() : [...tickets];
  const pages = Math.ceil(ordered.length / V2_LISTING_PAGE_SIZE);
  const number = Number(page);
  if (number > pages && v2.listingEnd === 'http_404') return reply.envelope(404, FAKE_V2_MESSAGES.notFound);
  const start = (number - 1) * V2_LISTING_PAGE_SIZE;
  reply.ok({
    size: ordered.length,
    pages,
    next_page: number < pages ? number + 1 : null,
    previous_page: number > 1 ? number - 1 : null,
    data: ordered.slice(start, start + V2_LISTING_PAGE_SIZE).map((ticket) => v2TicketItem(ticket, account)),
  });
}
