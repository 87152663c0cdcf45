import type { UpstreamOutcome, UpstreamRequest } from './call-upstream.ts';
import type { CustomerCheck } from './customer-addressing.ts';
import type { ListedTicket } from './parse-ticket-listing.ts';
import type { TicketReference } from './parse-created-ticket.ts';
import type { ApiName, CustomerLookupForm, TicketToCreate, UpstreamDepartment } from './types.ts';

/** Where one call goes on the wire and how it reads in a log line. */
export interface WireTarget {
  /** The request target (path and query), handed to the HTTP client only: the legacy API's holds the token. */
  path: string;
  /** The same without the token or a customer's e-mail, fit for a log line. */
  logPath: string;
  /** Headers this API needs besides the body's: API 2.0's `Authorization: Bearer`. */
  headers: Record<string, string>;
}

/** What one page of a customer's tickets said. */
export type ListingPage =
  /** Tickets of this page; `last` when no page follows. */
  | { kind: 'page'; tickets: ListedTicket[]; last: boolean }
  /** The listing answered that there is nothing (more) to list. */
  | { kind: 'end' }
  /** No answer to go by. */
  | { kind: 'failed'; detail: string };

/** What listing the departments came to. */
export type DepartmentsOutcome =
  | { kind: 'listed'; departments: UpstreamDepartment[] }
  /** One of the calls failed: the outcome that says how, and which call it was. */
  | { kind: 'failed'; outcome: Exclude<UpstreamOutcome, { kind: 'answer' }>; call: string }
  /** TomTicket answered, but not with a list the server can read. */
  | { kind: 'malformed'; detail: string };

/** Remembers which way of asking about a customer this account answers. */
export interface LookupMemory {
  /** The forms to try, in order: the known one alone, or all while none is known. */
  order(): readonly string[];
  /** Learns from one check. */
  learn(form: string, check: CustomerCheck): void;
}

/**
 * One API version of TomTicket as the client speaks it: where the token goes, how a failure reads,
 * the request of each step and how its answer is read. The client (client.ts) runs the same steps
 * over either: the legacy API (legacy-dialect.ts) or API 2.0 (v2/v2-dialect.ts).
 */
export interface ApiDialect {
  readonly api: ApiName;
  /** The call on the wire, the token where this API wants it. */
  target(request: UpstreamRequest): WireTarget;
  /** Whether a JSON body says the call failed, whatever its HTTP status. */
  saysRefused(body: Record<string, unknown>): boolean;
  /** The ways of asking whether a customer exists, in the order they are tried. */
  readonly customerLookups: readonly CustomerLookupForm[];
  createLookupMemory(): LookupMemory;
  customerCheckRequest(email: string, form: string): UpstreamRequest;
  readCustomerCheck(outcome: UpstreamOutcome): CustomerCheck;
  createCustomerRequest(customer: TicketToCreate['customer']): UpstreamRequest;
  /** The ticket's creation (built afresh per try: files are streamed from disk). */
  createTicketRequest(ticket: TicketToCreate): UpstreamRequest;
  /** The id and protocol in a creation's or a detail's answer, wherever this API puts them. */
  parseCreatedTicket(body: Record<string, unknown>): TicketReference;
  ticketDetailRequest(id: string): UpstreamRequest;
  /** Page `page` (from 1) of a customer's tickets, newest first. */
  listingPageRequest(email: string, page: number): UpstreamRequest;
  readListingPage(outcome: UpstreamOutcome, page: number): ListingPage;
  /** The cheapest call that needs nothing but the token. */
  tokenCheckRequest(): UpstreamRequest;
  /** Departments with their categories (and, on API 2.0, their custom fields), with as many calls as it takes. */
  listDepartments(call: (request: UpstreamRequest) => Promise<UpstreamOutcome>): Promise<DepartmentsOutcome>;
  /**
   * Whether a 401/403 to a write may mean a token that reads but may not write (API 2.0's
   * "Pode criar e modificar dados"), worth one read to tell apart from a wrong token.
   */
  readonly writesNeedPermission: boolean;
  /** The calls as a person reads them, for the doctor's report. */
  readonly calls: { tokenCheck: string; listing: string; createTicket: string };
}
