import { htmlToText } from './html-text.ts';
import type { ListedTicket } from './parse-ticket-listing.ts';
import type { TicketLookup } from './types.ts';

// A listing may show only the start of a message: this much of it must agree to count as a match.
const LEAST_MATCHING_CHARS = 40;

/**
 * Whether a listed ticket is the one looked for: by the reference the server put in it, wherever
 * the listing shows it (message or title, HTML or not). A ticket whose message had no room for
 * the reference is recognised by its title and its message's text instead.
 */
export function matchesListedTicket(listed: ListedTicket, lookup: TicketLookup): boolean {
  if (lookup.reference !== undefined) {
    return listed.message.includes(lookup.reference) || listed.title.includes(lookup.reference);
  }
  if (plain(listed.title) !== plain(lookup.title)) return false;
  const shown = plain(listed.message);
  const sent = plain(lookup.message);
  return shown === sent || (shown.length >= LEAST_MATCHING_CHARS && sent.startsWith(shown));
}

function plain(text: string): string {
  return htmlToText(text).replace(/\s+/g, ' ').trim();
}
