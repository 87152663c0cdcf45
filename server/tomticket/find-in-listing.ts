import type { UpstreamOutcome, UpstreamRequest } from './call-upstream.ts';
import type { ApiDialect } from './dialect.ts';
import { matchesListedTicket } from './match-listed-ticket.ts';
import type { TicketLookup, TicketLookupResult } from './types.ts';

// A customer with more than 200 tickets in the two days around this one is not plausible; the
// bound keeps one lookup's cost at a few calls whatever the listing does.
const MOST_PAGES = 4;
// Creation times may have no zone and the server's clock may differ: only tickets clearly older
// than the one looked for end the search.
const OLDER_MARGIN_MS = 2 * 24 * 60 * 60 * 1000;

/**
 * Looks for a ticket among the customer's, newest first, page by page until it is found, the
 * listing has no more, the tickets are days older than it, or a few pages were read. A listing
 * that cannot be read is 'failed', never 'absent': only an answer may say a ticket is not there.
 */
export async function findInListing(
  call: (request: UpstreamRequest) => Promise<UpstreamOutcome>,
  dialect: Pick<ApiDialect, 'listingPageRequest' | 'readListingPage'>,
  lookup: TicketLookup,
): Promise<TicketLookupResult> {
  const oldestWorthReading = lookup.receivedAt.getTime() - OLDER_MARGIN_MS;
  for (let page = 1; page <= MOST_PAGES; page++) {
    const request = dialect.listingPageRequest(lookup.email, page);
    const answer = await call(lookup.called ? { ...request, onTry: () => lookup.called?.(request.endpoint) } : request);
    const read = dialect.readListingPage(answer, page);
    if (read.kind === 'failed') return { kind: 'failed', detail: read.detail };
    if (read.kind === 'end') return { kind: 'absent' };
    const found = read.tickets.find((ticket) => matchesListedTicket(ticket, lookup));
    if (found) {
      return { kind: 'found', ...(found.id !== undefined ? { id: found.id } : {}), ...(found.protocol !== undefined ? { protocol: found.protocol } : {}) };
    }
    const last = read.tickets.at(-1);
    if (read.last || (last?.createdAt && last.createdAt.getTime() < oldestWorthReading)) return { kind: 'absent' };
  }
  return { kind: 'absent' };
}
