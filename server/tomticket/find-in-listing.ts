import type { UpstreamOutcome, UpstreamRequest } from './call-upstream.ts';
import { matchesListedTicket } from './match-listed-ticket.ts';
import { parseTicketListing } from './parse-ticket-listing.ts';
import type { TicketLookup, TicketLookupResult } from './types.ts';

/** Tickets per page of the legacy listing [doc]: a shorter page is the last. */
const PAGE_SIZE = 50;
// A customer with more than 200 tickets in the two days around this one is not plausible; the
// bound keeps one lookup's cost at a few calls whatever the listing does.
const MOST_PAGES = 4;
// `data_criacao` has no zone and the server's clock may differ: only tickets clearly older than
// the one looked for end the search.
const OLDER_MARGIN_MS = 2 * 24 * 60 * 60 * 1000;

/**
 * Looks for a ticket among the customer's, newest first
 * (`GET /chamados/{token}/{pagina}?idcliente=…&tipo_identificacao=E&ordem=0`), page by page until
 * it is found, a page is short, the tickets are days older than it, or a few pages were read.
 * A listing that cannot be read is 'failed', never 'absent': only an answer may say a ticket is not there.
 */
export async function findInListing(
  call: (request: UpstreamRequest) => Promise<UpstreamOutcome>,
  lookup: TicketLookup,
): Promise<TicketLookupResult> {
  const oldestWorthReading = lookup.receivedAt.getTime() - OLDER_MARGIN_MS;
  for (let page = 1; page <= MOST_PAGES; page++) {
    const answer = await call({
      endpoint: 'chamados',
      method: 'GET',
      segments: [{ value: String(page), logged: true }],
      query: { idcliente: lookup.email, tipo_identificacao: 'E', ordem: '0' },
    });
    if (answer.kind !== 'answer') return { kind: 'failed', detail: `chamados ${answer.kind === 'timeout' ? 'did not answer in time' : answer.kind}` };
    const tickets = parseTicketListing(answer.body);
    if (!tickets) return { kind: 'failed', detail: 'chamados answered without a data list' };
    const found = tickets.find((ticket) => matchesListedTicket(ticket, lookup));
    if (found) {
      return { kind: 'found', ...(found.id !== undefined ? { id: found.id } : {}), ...(found.protocol !== undefined ? { protocol: found.protocol } : {}) };
    }
    const last = tickets.at(-1);
    if (tickets.length < PAGE_SIZE || (last?.createdAt && last.createdAt.getTime() < oldestWorthReading)) return { kind: 'absent' };
  }
  return { kind: 'absent' };
}
