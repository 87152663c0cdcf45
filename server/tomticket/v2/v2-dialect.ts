import type { ApiDialect } from '../dialect.ts';
import { buildV2CustomerForm } from './build-v2-customer-form.ts';
import { buildV2TicketForm } from './build-v2-ticket-form.ts';
import { listV2Departments } from './list-v2-departments.ts';
import { parseV2CreatedTicket } from './parse-v2-created-ticket.ts';
import { readV2ListingPage } from './read-v2-listing-page.ts';
import { createV2LookupMemory, readV2CustomerCheck, V2_CUSTOMER_LOOKUPS, v2CustomerCheckRequest } from './v2-customer-check.ts';
import { v2SaysRefused } from './v2-says-refused.ts';
import { v2Target } from './v2-target.ts';

/**
 * TOMTICKET_ATTACHMENT_FIELD's default: `attachment[0]`, `attachment[1]`…, the only name a public
 * integration confirmed against a live account ([code, live] C1, docs/tomticket-api-v2.md §4).
 */
export const DEFAULT_ATTACHMENT_FIELD = 'attachment[{n}]';

/** Options of {@link createV2Dialect}. */
export interface V2DialectOptions {
  apiUrl: string;
  token: string;
  /** The attachments' form field name, `{n}` standing for each file's index. */
  attachmentField: string;
}

/**
 * TomTicket's API 2.0 (`/v2.0/…`, `Authorization: Bearer`, English field names, the envelope
 * `{error, message, success, data}`), read as tolerantly as docs/tomticket-api-v2.md's "What the
 * adapter must tolerate" asks: every id spelling, both existence-check spellings, the listing's
 * ends, custom-field lists in any nesting.
 */
export function createV2Dialect(options: V2DialectOptions): ApiDialect {
  return {
    api: 'v2',
    target: (request) => v2Target(options.apiUrl, options.token, request),
    saysRefused: v2SaysRefused,
    customerLookups: V2_CUSTOMER_LOOKUPS,
    createLookupMemory: createV2LookupMemory,
    customerCheckRequest: v2CustomerCheckRequest,
    readCustomerCheck: readV2CustomerCheck,
    createCustomerRequest: (customer) => ({ endpoint: 'customer/new', method: 'POST', body: () => buildV2CustomerForm(customer) }),
    createTicketRequest: (ticket) => ({ endpoint: 'ticket/new', method: 'POST', body: () => buildV2TicketForm(ticket, options.attachmentField) }),
    parseCreatedTicket: parseV2CreatedTicket,
    ticketDetailRequest: (id) => ({ endpoint: 'ticket/detail', method: 'GET', query: { ticket_id: id } }),
    listingPageRequest: (email, page) => ({
      endpoint: 'ticket/list',
      method: 'GET',
      // Newest first, as a live integration finds a customer's latest ticket ([code, live] C1).
      query: { customer_id: email, customer_type_id: 'E', page: String(page), order: 'DESC', column: 'protocol' },
      hiddenQuery: ['customer_id'],
    }),
    readListingPage: readV2ListingPage,
    // Only ids and names: the cheapest read that needs nothing but the token.
    tokenCheckRequest: () => ({ endpoint: 'department/list', method: 'GET', query: { show_nested_items: '0' } }),
    listDepartments: listV2Departments,
    writesNeedPermission: true,
    calls: {
      tokenCheck: 'GET /v2.0/department/list with the Bearer token',
      listing: 'GET /v2.0/ticket/list?customer_id=…&customer_type_id=E',
      createTicket: 'POST /v2.0/ticket/new',
    },
  };
}
