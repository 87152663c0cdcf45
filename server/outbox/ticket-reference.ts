import { randomInt } from 'node:crypto';
import { countChars, LIMITS } from '../../contract/index.ts';

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
 * The message with its reference as a last line, when that still fits TomTicket's 1024
 * characters; otherwise the message unchanged (the customer's words always win the room).
 */
export function withReference(message: string, reference: string): string {
  const marked = `${message}\n\n${referenceLine(reference)}`;
  return countChars(marked) <= LIMITS.messageMaxChars ? marked : message;
}
