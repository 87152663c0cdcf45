import type { UpstreamOutcome } from '../call-upstream.ts';
import type { ListingPage } from '../dialect.ts';
import { parseId, parseProtocol } from '../parse-created-ticket.ts';
import type { ListedTicket } from '../parse-ticket-listing.ts';

/** Tickets per page of `ticket/list` [doc D2]. */
export const V2_PAGE_SIZE = 50;

/**
 * A page of `GET /v2.0/ticket/list` (docs/tomticket-api-v2.md §5): the envelope with `data`
 * (tickets: `id`, `protocol`, `subject`, `message`, `creation_date` with its UTC offset) and
 * `next_page` (`null` on the last page). Past the end some accounts may answer a 404 or
 * `error: true` instead of an empty page: a 404 in TomTicket's envelope, or a refusal of a later
 * page, ends the listing; a refusal of the first page, or anything not TomTicket's, is a failure.
 */
export function readV2ListingPage(outcome: UpstreamOutcome, page: number): ListingPage {
  if (outcome.kind === 'refused') {
    return outcome.status === 404 || page > 1 ? { kind: 'end' } : { kind: 'failed', detail: `ticket/list refused: ${outcome.message ?? 'no reason given'}` };
  }
  if (outcome.kind !== 'answer') return { kind: 'failed', detail: `ticket/list ${outcome.kind === 'timeout' ? 'did not answer in time' : outcome.kind}` };
  const { data, next_page: nextPage } = outcome.body;
  if (!Array.isArray(data)) return { kind: 'failed', detail: 'ticket/list answered without a data list' };
  if (data.length === 0) return { kind: 'end' };
  const tickets = data.flatMap((entry) => (typeof entry === 'object' && entry !== null ? [listedTicket(entry as Record<string, unknown>)] : []));
  const more = nextPage === undefined ? data.length >= V2_PAGE_SIZE : parseProtocol(nextPage) !== undefined;
  return { kind: 'page', tickets, last: !more };
}

function listedTicket(item: Record<string, unknown>): ListedTicket {
  const id = parseId(item.id) ?? parseId(item.ticket_id);
  const protocol = parseProtocol(item.protocol);
  const createdAt = parseOffsetTime(item.creation_date);
  return {
    ...(id !== undefined ? { id } : {}),
    ...(protocol !== undefined ? { protocol } : {}),
    title: typeof item.subject === 'string' ? item.subject : '',
    message: typeof item.message === 'string' ? item.message : '',
    ...(createdAt ? { createdAt } : {}),
  };
}

/** `2026-02-03 14:18:49-03:00` (seen in a real answer), or any ISO time; undefined otherwise. */
function parseOffsetTime(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const time = Date.parse(value.trim().replace(' ', 'T'));
  return Number.isNaN(time) ? undefined : new Date(time);
}
