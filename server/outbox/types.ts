import type { TicketToCreate } from '../tomticket/types.ts';

/**
 * The folders of DATA_DIR an item lives in: `outbox` waiting for delivery (or for the listing to
 * settle an unknown outcome), `uncertain` when TomTicket may have it and the listing still could
 * not tell when OUTBOX_DEAD_AFTER_MS ran out (an operator decides), `dead` when it kept failing or
 * was refused after the customer had been told it was received.
 */
export type OutboxState = 'outbox' | 'uncertain' | 'dead';

/** An attachment as an outbox item keeps it, inside the item's folder. */
export interface StoredAttachment {
  fileName: string;
  type: string;
  size: number;
  /** The file's path inside the item's folder, e.g. `files/0`. */
  file: string;
}

/** A validated ticket as stored: attachments point into the item's folder. */
export type StoredTicket = Omit<TicketToCreate, 'attachments'> & { attachments: StoredAttachment[] };

/** The idempotency key a ticket was sent with (hashed) and the fingerprint of its form. */
export interface ItemIdempotency {
  keyHash: string;
  fingerprint: string;
}

/** One ticket the server accepted: `item.json` in `DATA_DIR/<state>/<reference>/`. */
export interface OutboxItem {
  /** The ticket's reference, e.g. `TT-7K3M9Q2X`: the folder's name, and the last line of its message. */
  reference: string;
  /** ISO time the submission was accepted. */
  receivedAt: string;
  /** ISO time an operator put it back in the queue; its dead-letter age counts from then. */
  releasedAt?: string;
  /** Delivery tries so far. */
  attempts: number;
  lastAttemptAt?: string;
  /** Why the last try failed (no secrets: built from endpoint names and codes). */
  lastError?: string;
  /**
   * ISO time of the try after which TomTicket may have the ticket (no answer came back): from
   * then on it is looked up in TomTicket's listing before it may be sent again.
   */
  unknownSince?: string;
  /** Tries answered in a way the server could not read (a redirect, a proxy's page): bounded by OUTBOX_MAX_REFUSALS. */
  refusals?: number;
  idempotency?: ItemIdempotency;
  /** The ticket exactly as it is sent, the reference line included. */
  ticket: StoredTicket;
}

/** What GET /healthz reports about the outbox. */
export interface OutboxStatus {
  /** Tickets waiting for delivery, in-flight ones included. */
  queued: number;
  uncertain: number;
  dead: number;
  /** Age of the oldest waiting ticket, null when none waits. */
  oldestAgeSeconds: number | null;
}

/** An item as the sandbox inbox lists it. */
export interface OutboxEntryView {
  state: OutboxState;
  reference: string;
  title: string;
  receivedAt: string;
  ageSeconds: number;
  attempts: number;
  lastError: string | null;
  attachments: number;
}
