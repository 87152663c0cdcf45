import type { TicketLookupResult } from '../tomticket/types.ts';
import type { OutboxItem } from './types.ts';

/** What a listing lookup means for an item whose last try got no answer. */
export type LookupVerdict =
  /** TomTicket has it: delivered, with its id and protocol when the listing gave them. */
  | { kind: 'delivered'; ticket: { id?: string; protocol?: number } }
  /** The listing answered and kept not showing it past the grace period: not created, send it now (once). */
  | { kind: 'resend'; item: OutboxItem }
  /** Still undecided: ask again after `delayMs`. */
  | { kind: 'ask_later'; item: OutboxItem; delayMs: number }
  /** Still undecided past OUTBOX_DEAD_AFTER_MS: a person must look (uncertain/). */
  | { kind: 'park'; item: OutboxItem };

/** The clock and the limits a lookup verdict is judged by. */
export interface LookupRules {
  now: number;
  /** OUTBOX_LOOKUP_GRACE_MS: how long "not in the listing" must last before it means "not created". */
  lookupGraceMs: number;
  /** OUTBOX_DEAD_AFTER_MS. */
  deadAfterMs: number;
  /** The pause before asking a failed listing again, after `attempts` tries. */
  retryDelayMs(attempts: number): number;
}

/**
 * Decides what to do with an item whose outcome is unknown (`unknownSince` set) from what the
 * listing said. A listing that cannot be read never counts as "not there": only an answered
 * listing that keeps not showing the ticket for the grace period lets it be sent again.
 */
export function lookupVerdict(item: OutboxItem, lookup: TicketLookupResult, rules: LookupRules): LookupVerdict {
  if (lookup.kind === 'found') {
    return {
      kind: 'delivered',
      ticket: { ...(lookup.id !== undefined ? { id: lookup.id } : {}), ...(lookup.protocol !== undefined ? { protocol: lookup.protocol } : {}) },
    };
  }
  const since = Date.parse(item.unknownSince as string);
  if (lookup.kind === 'absent' && rules.now - since >= rules.lookupGraceMs) {
    const { unknownSince: _settled, ...cleared } = item;
    return { kind: 'resend', item: cleared };
  }
  const lastError = lookup.kind === 'absent' ? 'not in the listing yet; asked again after the grace period' : `listing: ${lookup.detail}`;
  const asked: OutboxItem = { ...item, lastError, lastAttemptAt: new Date(rules.now).toISOString() };
  if (rules.now - Date.parse(item.releasedAt ?? item.receivedAt) >= rules.deadAfterMs) return { kind: 'park', item: asked };
  const delayMs = lookup.kind === 'absent' ? Math.max(0, since + rules.lookupGraceMs - rules.now) : rules.retryDelayMs(asked.attempts + 1);
  return { kind: 'ask_later', item: asked, delayMs };
}
