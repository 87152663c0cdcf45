import { describe, expect, it } from 'vitest';
import {
  CONSENT_FIELD,
  CONTEXT_MAX_CHARS,
  LIMITS,
  NOTES_ALLOWANCE_BYTES,
  contextFieldName,
  contextProblem,
  estimateMultipartBytes,
  formatMessage,
  type ContextKey,
  type TextRules,
  type TicketContext,
} from '../../contract/index.ts';
import { estimateUpstreamBytes } from '../submission/estimate-upstream-bytes.ts';
import type { TicketToCreate } from '../tomticket/types.ts';
import { composeTicket } from './compose-ticket.ts';
import type { TicketNotes } from './types.ts';

// The widest context the server accepts: every detail at its longest, in the widest UTF-8 its shape allows.
const WIDEST: Required<TicketContext> = {
  page: `https://a.example/${'😀'.repeat(CONTEXT_MAX_CHARS.page - 'https://a.example/'.length)}`,
  title: '&'.repeat(CONTEXT_MAX_CHARS.title / 2) + '😀'.repeat(CONTEXT_MAX_CHARS.title / 2),
  browser: '𝐀'.repeat(CONTEXT_MAX_CHARS.browser),
  os: '𝐀'.repeat(CONTEXT_MAX_CHARS.os),
  device: 'desktop',
  screen: '99999x99999',
  window: '99999x99999',
  language: `abcdefgh${'-abcdefgh'.repeat(3)}`,
  timeZone: `A${'b'.repeat(CONTEXT_MAX_CHARS.timeZone - 1)}`,
};
const RULES: TextRules[] = [
  { messageFormat: 'html', lengthUnit: 'bytes' },
  { messageFormat: 'html', lengthUnit: 'chars' },
  { messageFormat: 'text', lengthUnit: 'bytes' },
  { messageFormat: 'text', lengthUnit: 'chars' },
];
const FIELD = { maxLength: LIMITS.customFieldMaxChars, required: true };
const NOTES: TicketNotes[] = [
  { context: WIDEST, consent: { version: 'v'.repeat(64) } },
  { context: WIDEST, consent: { version: 'v'.repeat(64) }, contextField: { id: 'c'.repeat(LIMITS.idMaxChars), ...FIELD }, consentField: { id: 'k'.repeat(LIMITS.idMaxChars), ...FIELD } },
  { consent: { version: 'v'.repeat(64) }, contextField: { id: 'c'.repeat(LIMITS.idMaxChars), ...FIELD } },
];
// The customer's messages around which the block has most room, and least.
const MESSAGES = ['', 'Oi', 'ç'.repeat(300), 'a'.repeat(900)];
// API 2.0 names the fields `custom_field[<id>]`, longer than the legacy form measured here.
const V2_NAMES_MARGIN = 2 * ('custom_field'.length - 'campos'.length);

function ticket(message: string, rules: TextRules, notes?: TicketNotes): TicketToCreate {
  return {
    customer: { email: 'ana@example.com' },
    departmentId: 'd1',
    title: 'Título',
    message: formatMessage(message, rules.messageFormat),
    priority: 1,
    customFields: {},
    attachments: [],
    ...(notes ? { notes } : {}),
  };
}

/** What the widest context and consent add to the browser's body. */
function browserBytes(): number {
  const parts = [...Object.entries(WIDEST).map(([key, value]) => ({ name: contextFieldName(key as ContextKey), value })), { name: CONSENT_FIELD, value: 'true' }];
  return estimateMultipartBytes(parts) - estimateMultipartBytes([]);
}

/** The most the notes add to the form the server sends TomTicket, over every message, text rules and place the notes go. */
async function upstreamBytes(): Promise<number> {
  let most = 0;
  for (const rules of RULES) {
    for (const message of MESSAGES) {
      const options = { rules, language: 'es' as const, receivedAt: new Date('2026-12-31T23:59:59Z') };
      const without = await estimateUpstreamBytes(composeTicket(ticket(message, rules), 'TT-7K3M9Q2X', options));
      for (const notes of NOTES) {
        const sent = composeTicket(ticket(message, rules, notes), 'TT-7K3M9Q2X', options);
        most = Math.max(most, (await estimateUpstreamBytes(sent)) - without + V2_NAMES_MARGIN);
      }
    }
  }
  return most;
}

describe('NOTES_ALLOWANCE_BYTES', () => {
  it('is a context the server accepts (the test would prove nothing otherwise)', () => {
    for (const [key, value] of Object.entries(WIDEST) as Array<[ContextKey, string]>) expect(contextProblem(key, value), key).toBeUndefined();
  });

  it('covers what the widest context and consent add to the browser\'s body, and to the form the server sends TomTicket', async () => {
    expect(browserBytes()).toBeLessThanOrEqual(NOTES_ALLOWANCE_BYTES);
    expect(await upstreamBytes()).toBeLessThanOrEqual(NOTES_ALLOWANCE_BYTES);
  });

  it('is not far above the larger of the two: the meter counts it on every ticket, and too much would refuse tickets TomTicket takes', async () => {
    expect(NOTES_ALLOWANCE_BYTES - Math.max(browserBytes(), await upstreamBytes())).toBeLessThan(512);
  });
});
