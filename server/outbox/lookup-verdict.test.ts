import { describe, expect, it } from 'vitest';
import { lookupVerdict, type LookupRules } from './lookup-verdict.ts';
import type { OutboxItem } from './types.ts';

const MINUTE = 60_000;
const RECEIVED = Date.parse('2026-12-01T10:00:00.000Z');
const item: OutboxItem = {
  reference: 'TT-7K3M9Q2X',
  receivedAt: new Date(RECEIVED).toISOString(),
  unknownSince: new Date(RECEIVED + MINUTE).toISOString(),
  attempts: 1,
  ticket: {
    customer: { email: 'ana@example.com' },
    departmentId: 'dep',
    title: 'Título',
    message: 'Mensagem',
    priority: 1,
    customFields: {},
    attachments: [],
  },
};
const rules = (minutesAfterReceipt: number): LookupRules => ({
  now: RECEIVED + minutesAfterReceipt * MINUTE,
  lookupGraceMs: 5 * MINUTE,
  deadAfterMs: 72 * 60 * MINUTE,
  retryDelayMs: (attempts) => attempts * 1000,
});

describe('lookupVerdict', () => {
  it('takes a ticket the listing shows as delivered, with what the listing gave', () => {
    expect(lookupVerdict(item, { kind: 'found', id: 'abc', protocol: 6 }, rules(2))).toEqual({
      kind: 'delivered',
      ticket: { id: 'abc', protocol: 6 },
    });
    expect(lookupVerdict(item, { kind: 'found' }, rules(2))).toEqual({ kind: 'delivered', ticket: {} });
  });

  it('waits out the grace period before an absent ticket is sent again, then clears its unknown mark', () => {
    expect(lookupVerdict(item, { kind: 'absent' }, rules(2))).toMatchObject({ kind: 'ask_later', delayMs: 4 * MINUTE });
    const verdict = lookupVerdict(item, { kind: 'absent' }, rules(6));
    expect(verdict.kind).toBe('resend');
    expect(verdict.kind === 'resend' && 'unknownSince' in verdict.item).toBe(false);
  });

  it('never takes a listing that failed as "not there": asks again after the backoff', () => {
    const verdict = lookupVerdict(item, { kind: 'failed', detail: 'listing answered HTTP 500' }, rules(60));
    expect(verdict).toMatchObject({ kind: 'ask_later', delayMs: 2000, item: { lastError: 'listing: listing answered HTTP 500' } });
  });

  it('parks what is still undecided once OUTBOX_DEAD_AFTER_MS has run out, counted from a requeue when there was one', () => {
    expect(lookupVerdict(item, { kind: 'failed', detail: 'down' }, rules(72 * 60))).toMatchObject({ kind: 'park' });
    const released = { ...item, releasedAt: new Date(RECEIVED + 71 * 60 * MINUTE).toISOString() };
    expect(lookupVerdict(released, { kind: 'failed', detail: 'down' }, rules(72 * 60))).toMatchObject({ kind: 'ask_later' });
  });
});
