import type { Priority } from '../../contract/index.ts';

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
}

/** A department as TomTicket's listing gives it (`GET /departamentos/{token}`). */
export interface UpstreamDepartment {
  id: string;
  name: string;
  online?: boolean;
  categories: { id: string; name: string }[];
}

/** How a call to TomTicket ended, as a value: the HTTP layer maps each kind to a status. */
export type CreateTicketResult =
  | { ok: true; id?: string; protocol?: number }
  /** TomTicket answered `erro: true`: its own words, as plain text (→ 422). */
  | { ok: false; kind: 'rejected'; message: string }
  /**
   * TomTicket answered 5xx, garbage or a 4xx, could not be reached, or answered 429 to every retry.
   * `ticketMayExist`: `criar_chamado` was sent and the ticket may have been created anyway (see
   * tomticket/ticket-may-exist.ts).
   */
  | { ok: false; kind: 'unavailable'; detail: string; ticketMayExist?: boolean }
  /** No answer within the configured timeout; `ticketMayExist` as for 'unavailable'. */
  | { ok: false; kind: 'timeout'; ticketMayExist?: boolean };

/** The legacy TomTicket API as the rest of the server sees it. */
export interface TomTicketClient {
  /** The department listing with categories; throws an UpstreamError when it cannot be had. */
  listDepartments(): Promise<UpstreamDepartment[]>;
  /**
   * Ensures the customer exists (when configured; an e-mail confirmed in the last few minutes is
   * trusted, and checked again if TomTicket then refuses the ticket), creates the ticket, then
   * looks up its protocol.
   * With a `guard`, it is told around each try of `criar_chamado` (a client must honour it: the
   * outbox's crash safety rests on it).
   */
  createTicket(ticket: TicketToCreate, guard?: SendGuard): Promise<CreateTicketResult>;
}

/**
 * Lets the caller record, durably, while `criar_chamado` may be on its way to TomTicket, so that a
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
