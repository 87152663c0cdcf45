import { buildCustomerForm } from './build-customer-form.ts';
import { buildTicketForm } from './build-ticket-form.ts';
import type { UpstreamOutcome } from './call-upstream.ts';
import { legacySaysRefused } from './classify-answer.ts';
import { createAddressingMemory, customerCheckRequest, readCustomerCheck, type CustomerAddressing } from './customer-addressing.ts';
import type { ApiDialect, ListingPage } from './dialect.ts';
import type { LegacyEndpoint } from './endpoint.ts';
import { parseCreatedTicket } from './parse-created-ticket.ts';
import { parseDepartments } from './parse-departments.ts';
import { parseTicketListing } from './parse-ticket-listing.ts';
import type { CustomerLookupForm } from './types.ts';
import { upstreamUrl } from './upstream-url.ts';

/** Tickets per page of the legacy listing [doc]: a shorter page is the last. */
const PAGE_SIZE = 50;

const LOOKUP_FORMS: readonly CustomerLookupForm[] = [
  { name: 'query', call: 'GET /cliente/{token}/{e-mail}?tipo_identificador=E' },
  { name: 'path', call: 'GET /cliente/{token}/{e-mail}/E' },
];

/**
 * The legacy API (`https://api.tomticket.com/{endpoint}/{token}/…`, Portuguese field names,
 * `{erro, mensagem}`), as shared/tomticket-api.md and README "TomTicket: what the server relies on"
 * describe it. The token is a path segment, so every path is a secret.
 */
export function createLegacyDialect(options: { apiUrl: string; token: string }): ApiDialect {
  return {
    api: 'legacy',
    target: (request) => ({
      ...upstreamUrl(options.apiUrl, options.token, request.endpoint as LegacyEndpoint, request.segments, request.query, request.hiddenQuery),
      headers: {},
    }),
    saysRefused: legacySaysRefused,
    customerLookups: LOOKUP_FORMS,
    createLookupMemory: () => {
      const memory = createAddressingMemory();
      return { order: memory.order, learn: (form, check) => memory.learn(addressingOf(form), check) };
    },
    customerCheckRequest: (email, form) => customerCheckRequest(email, addressingOf(form)),
    readCustomerCheck,
    createCustomerRequest: (customer) => ({
      endpoint: 'criar_cliente',
      method: 'POST',
      // The documented path ends in a slash: `/criar_cliente/{token}/`.
      segments: [{ value: '', logged: true }],
      body: () => buildCustomerForm(customer),
    }),
    createTicketRequest: (ticket) => ({
      endpoint: 'criar_chamado',
      method: 'POST',
      segments: [{ value: ticket.customer.email }],
      body: () => buildTicketForm(ticket),
    }),
    parseCreatedTicket,
    ticketDetailRequest: (id) => ({ endpoint: 'chamado', method: 'GET', segments: [{ value: id, logged: true }] }),
    listingPageRequest: (email, page) => ({
      endpoint: 'chamados',
      method: 'GET',
      segments: [{ value: String(page), logged: true }],
      query: { idcliente: email, tipo_identificacao: 'E', ordem: '0' },
      hiddenQuery: ['idcliente'],
    }),
    readListingPage,
    tokenCheckRequest: () => ({ endpoint: 'departamentos', method: 'GET' }),
    async listDepartments(call) {
      const listing = await call({ endpoint: 'departamentos', method: 'GET' });
      if (listing.kind !== 'answer') return { kind: 'failed', outcome: listing, call: 'departamentos' };
      const departments = parseDepartments(listing.body);
      return departments ? { kind: 'listed', departments } : { kind: 'malformed', detail: 'departamentos answered without a data list' };
    },
    writesNeedPermission: false,
    calls: {
      tokenCheck: 'GET /departamentos/{token}',
      listing: 'GET /chamados/{token}/{página}?idcliente=…&tipo_identificacao=E',
      createTicket: 'POST /criar_chamado/{token}/{e-mail}',
    },
  };
}

function addressingOf(form: string): CustomerAddressing {
  if (form !== 'query' && form !== 'path') throw new RangeError(`no customer lookup named ${form}`);
  return form;
}

/** A page of `chamados`: a page shorter than 50 is the last. */
function readListingPage(outcome: UpstreamOutcome): ListingPage {
  if (outcome.kind !== 'answer') return { kind: 'failed', detail: `chamados ${outcome.kind === 'timeout' ? 'did not answer in time' : outcome.kind}` };
  const tickets = parseTicketListing(outcome.body);
  if (!tickets) return { kind: 'failed', detail: 'chamados answered without a data list' };
  return { kind: 'page', tickets, last: tickets.length < PAGE_SIZE };
}
