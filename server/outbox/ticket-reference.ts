import { randomInt } from 'node:crypto';
import { LIMITS, sentLength, type TextRules } from '../../contract/index.ts';

// Crockford's base32: no I, L, O or U, so a reference read aloud or retyped is not misread.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 8;
const PATTERN = /^TT-[0-9A-HJKMNP-TV-Z]{8}$/;

/** A fresh short reference for a ticket, e.g. `TT-7K3M9Q2X` (40 random bits). */
export function newTicketReference(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `TT-${code}`;
}

/** Whether `text` is a reference as {@link newTicketReference} makes them (safe as a folder name). */
export function isTicketReference(text: string): boolean {
  return PATTERN.test(text);
}

/** The line added to a ticket's message so that it can be found in TomTicket by its reference. */
export function referenceLine(reference: string): string {
  return `[ref ${reference}]`;
}

/**
 * The message (as it is sent: see contract/sent-text.ts) with its reference as a last line, in the
 * same format (after `<br><br>` in HTML, a blank line in text), when that still fits TomTicket's
 * 1024 counted the same way; otherwise the message unchanged (the customer's words win the room).
 */
export function withReference(message: string, reference: string, rules: TextRules): string {
  const separator = rules.messageFormat === 'html' ? '<br><br>' : '\n\n';
  const marked = `${message}${separator}${referenceLine(reference)}`;
  return sentLength(marked, rules.lengthUnit) <= LIMITS.messageMaxChars ? marked : message;
}
