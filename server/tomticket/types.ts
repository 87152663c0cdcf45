import type { TokenState } from './token-health.ts';
import type { Priority } from '../../contract/index.ts';
import type { TicketNotes } from '../notes/types.ts';

/** A file received from the customer, spooled to disk: never held in memory. */
export interface SpooledFile {
  /** The sanitised file name sent on to TomTicket. */
  fileName: string;
  /** The declared media type, or application/octet-stream. */
  type: string;
  /** Bytes on disk. */
  size: number;
  /** Absolute path of the spooled copy; the submission's owner deletes it when done. */
  path: string;
}

/** A validated ticket, in the words of the companion server (not TomTicket's field names). */
export interface TicketToCreate {
  /** `externalId`: the site's own id of a customer it vouched for, TomTicket's identifier when creating them. */
  customer: { email: string; name?: string; externalId?: string };
  departmentId: string;
  categoryId?: string;
  title: string;
  message: string;
  priority: Priority;
  /** Custom field id → value, already validated against the schema. */
  customFields: Record<string, string>;
  attachments: SpooledFile[];
  /**
   * The context and the consent, until the outbox writes them into the message and custom fields
   * (server/notes/compose-ticket.ts) as it queues the ticket; never there once queued.
   */
  notes?: TicketNotes;
}

/** Which of TomTicket's APIs the server speaks (TOMTICKET_API): the token-in-path one, or API 2.0. */
export type ApiName = 'legacy' | 'v2';

/** A department as TomTicket's listing gives it (`GET /departamentos/{token}`, `GET /v2.0/department/list`). */
export interface UpstreamDepartment {
  id: string;
  name: string;
  online?: boolean;
  categories: { id: string; name: string }[];
  /**
   * The custom fields the account describes for tickets to this department (API 2.0 only: the
   * legacy API describes none, and leaves this out).
   */
  customFields?: UpstreamCustomFields;
}

/**
 * A department's custom fields as API 2.0 binds them: to the department when no category is
 * chosen, and to each category (`custom_field/department/list?department_id=&category_id=`).
 */
export interface UpstreamCustomFields {
  /** The fields asked when no category is chosen. */
  noCategory: UpstreamCustomField[];
  /** Category id → the fields asked for a ticket in that category. */
  byCategory: Record<string, UpstreamCustomField[]>;
}

/** One custom field as API 2.0 describes it, read defensively (docs/tomticket-api-v2.md, "The field item"). */
export interface UpstreamCustomField {
  /** The id sent as `custom_field[<id>]`. */
  id: string;
  label: string;
  /** TomTicket's type as it came, as text: `"1"` single line, `"2"` several lines, `"3"` list; other codes unknown. */
  type: string;
  required: boolean;
  /** The choices of a list field, each both the value sent and the text shown. */
  options: string[];
  /** False when TomTicket says the field is not asked when a ticket is opened (`operation.open: false`). */
  askedAtOpening: boolean;
}

/** How a call to TomTicket ended, as a value: the HTTP layer and the outbox map each kind (README "Every answer, classified"). */
export type CreateTicketResult =
  | { ok: true; id?: string; protocol?: number }
  /** TomTicket refused the ticket itself (the token checked good): its own words, as plain text (→ 422). */
  | { ok: false; kind: 'rejected'; message: string }
  /** TomTicket refuses the token: nothing was created; the operator must act (→ 202, held). */
  | { ok: false; kind: 'token_refused'; detail: string }
  /** An answer that is not TomTicket's (a redirect, a proxy's 4xx page): nothing was created (→ 202, retried a bounded number of times). */
  | { ok: false; kind: 'unexpected'; detail: string }
  /**
   * TomTicket answered 5xx or garbage, could not be reached, or answered 429 to every retry.
   * `ticketMayExist`: `criar_chamado` was sent and the ticket may have been created anyway (see
   * tomticket/ticket-may-exist.ts).
   */
  | { ok: false; kind: 'unavailable'; detail: string; ticketMayExist?: boolean }
  /** No answer within the configured timeout; `ticketMayExist` as for 'unavailable'. */
  | { ok: false; kind: 'timeout'; ticketMayExist?: boolean };

/** What {@link TomTicketClient.createTicket} is asked besides the ticket. */
export interface CreateTicketOptions {
  /** Look up the protocol number when creation does not give it (one more call): default true, the customer waits for it. */
  protocol?: boolean;
}

/** What identifies a ticket in TomTicket's listing when the outcome of creating it is unknown. */
export interface TicketLookup {
  /** The customer's e-mail: the listing is asked for their tickets only. */
  email: string;
  /** The reference the server put in the ticket's message, when it had room, e.g. `TT-7K3M9Q2X`. */
  reference?: string;
  /** The title and message as sent: without a reference, the ticket is recognised by them. */
  title: string;
  message: string;
  /** When the server received it: listed tickets older than that (by days) are not looked through. */
  receivedAt: Date;
  /** Told of each listing call as it goes out (for the ticket's log line). */
  called?(endpoint: string): void;
}

/** What the listing said about a ticket. */
export type TicketLookupResult =
  /** It is there: created. */
  | { kind: 'found'; id?: string; protocol?: number }
  /** The listing answered and does not show it. */
  | { kind: 'absent' }
  /** The listing could not be read (down, refused, garbage): ask again later. */
  | { kind: 'failed'; detail: string };

/** What checking the token said: accepted (TomTicket answered), refused, or unknown (no answer to go by). */
export type TokenCheck = { kind: 'accepted' } | { kind: 'refused'; detail: string } | { kind: 'unknown'; detail: string };

/**
 * TomTicket as the rest of the server sees it, whatever API speaks to it: client.ts implements it
 * over the legacy API's dialect or API 2.0's (TOMTICKET_API), stub-client.ts stands in for tests.
 */
export interface TomTicketClient {
  /** The API this client speaks. */
  readonly api: ApiName;
  /** The calls it makes, as a person reads them (for the doctor's report). */
  readonly calls: { tokenCheck: string; listing: string; createTicket: string };
  /** The department listing with categories (and custom fields on API 2.0); throws an UpstreamError when it cannot be had. */
  listDepartments(): Promise<UpstreamDepartment[]>;
  /**
   * Makes sure of the customer (when configured; an e-mail confirmed in the last few minutes is
   * trusted, and checked again if TomTicket then refuses the ticket), creates the ticket, then
   * looks up its protocol (unless told not to).
   * With a `guard`, it is told around each try of `criar_chamado` (a client must honour it: the
   * outbox's crash safety rests on it).
   */
  createTicket(ticket: TicketToCreate, guard?: SendGuard, options?: CreateTicketOptions): Promise<CreateTicketResult>;
  /** Looks a ticket up in the customer's tickets, newest first, to settle whether an unanswered creation made it. */
  findTicket(lookup: TicketLookup): Promise<TicketLookupResult>;
  /** Asks TomTicket whether it accepts the token, with the cheapest call that needs nothing else. */
  checkToken(): Promise<TokenCheck>;
  /** The token's health as the calls so far show it, without a call. */
  tokenState(): TokenState;
  /** The ways this client can ask whether a customer exists (for the doctor), in the order it tries them. */
  readonly customerLookups: readonly CustomerLookupForm[];
  /** Asks whether a customer exists in one of those ways (for the doctor; read-only). */
  lookUpCustomer(email: string, form: string): Promise<CustomerLookupResult>;
  /** Lets go of kept-alive connections. */
  close(): Promise<void>;
}

/** One way of asking whether a customer exists, for the doctor's report. */
export interface CustomerLookupForm {
  name: string;
  /** The call as a person reads it, e.g. `GET /cliente/{token}/{e-mail}/E`. */
  call: string;
}

/** What one customer lookup said: found, answered absent, not understood by this account, or no answer. */
export type CustomerLookupResult =
  | { kind: 'exists' }
  /** `viaRefusal`: said by refusing the call (e.g. a 404), which may also mean the call is not this account's. */
  | { kind: 'absent'; viaRefusal?: true }
  | { kind: 'not_understood'; detail: string }
  | { kind: 'failed'; detail: string };

/**
 * Lets the caller record, durably, while the ticket's creation (`criar_chamado`, API 2.0's
 * `ticket/new`; both called `criar_chamado` below) may be on its way to TomTicket, so that a
 * crash in that window leaves the ticket marked "may exist" instead of silently resendable.
 */
export interface SendGuard {
  /** Awaited right before each try of `criar_chamado` goes out (after the rate limiter let it). */
  beforeSend(): Promise<void>;
  /** Awaited after a try that surely did not take effect (refused, DNS, 429, a 4xx, `erro: true`). */
  notSent(): Promise<void>;
  /** Awaited as soon as `criar_chamado` answered that the ticket exists, before any further call. */
  created?(): Promise<void>;
  /** Told of every upstream try made for this ticket (customer steps, the ticket, its detail), for its one log line. */
  called?(endpoint: string): void;
}
