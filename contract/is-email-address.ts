import { LIMITS } from './limits.ts';
import { countChars } from './count-chars.ts';

// A deliberately plain shape check (something@label.label, no spaces, quotes or brackets): the
// customer's mailbox is proven by TomTicket's replies, not here. Internationalised addresses pass;
// `a@b.c` does not (no top-level domain has one letter).
const EMAIL_SHAPE = /^[^\s@"<>()[\]\\,;:]+@(?:[^\s@"<>()[\]\\,;:.]+\.)+[^\s@"<>()[\]\\,;:.]{2,}$/u;

/** Whether `text` looks like an e-mail address TomTicket can address a customer by. */
export function isEmailAddress(text: string): boolean {
  return countChars(text) <= LIMITS.emailMaxChars && EMAIL_SHAPE.test(text) && !text.includes('..');
}
