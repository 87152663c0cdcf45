import { formatMessage, LIMITS, sentLength, typedTextSentLength, type Locale, type TextRules } from '../../contract/index.ts';
import { referenceLine, withReference } from '../outbox/ticket-reference.ts';
import type { TicketToCreate } from '../tomticket/types.ts';
import { contextFieldValue, contextLines, type ContextLine } from './context-lines.ts';
import { NOTES_WORDS, type NotesWords } from './notes-language.ts';

/** How {@link composeTicket} writes the notes. */
export interface ComposeOptions {
  /** How the message is sent and counted (MESSAGE_FORMAT, the learned length unit). */
  rules: TextRules;
  /** The language of the notes' labels (TICKET_NOTES_LANG). */
  language: Locale;
  /** When the server received the ticket: the consent's time. */
  receivedAt: Date;
}

/**
 * The ticket as TomTicket gets it: the customer's message, then the form's block (its heading,
 * the consent, the context's lines) and the outbox's reference as the last line, within
 * TomTicket's 1024 counted as it counts (`rules`); the context in its custom field instead when
 * the ticket has one (CONTEXT_FIELD), the consent also in its own. What gives way when the
 * message leaves little room, in this order of precedence:
 * 1. the customer's text: never cut, never refused for the notes;
 * 2. the consent: always written (the form's limit for the message keeps room for it, see
 *    consentReserve);
 * 3. the reference: written when it fits (it lets the outbox find a ticket whose answer was lost;
 *    without it the ticket is recognised by its title and message);
 * 4. the context's lines: the least useful dropped first until the rest fits, then the block.
 * The notes' words are the server's; every value the customer's browser sent is escaped in HTML
 * and has no line break (read-notes.ts refused those), so no value can end a line or open a
 * heading. In text format a line of the customer's own that reads like the block's heading is
 * changed (`--- ` becomes `- - `) so that only the server's block carries it.
 */
export function composeTicket(ticket: TicketToCreate, reference: string, options: ComposeOptions): TicketToCreate {
  const { notes, ...rest } = ticket;
  const { rules } = options;
  const words = NOTES_WORDS[options.language];
  const fits = (value: string, max: number) => typedTextSentLength(value, rules.lengthUnit) <= max;
  const customFields = { ...ticket.customFields };
  const consent = notes?.consent && consentLine(notes.consent.version, options.receivedAt, words);
  if (consent && notes?.consentField) customFields[notes.consentField.id] = consent;
  let lines: ContextLine[] = [];
  if (notes?.contextField) {
    const field = notes.contextField;
    const value = notes.context ? contextFieldValue(notes.context, words, (text) => fits(text, field.maxLength)) : '';
    if (value) customFields[field.id] = value;
    else if (field.required) customFields[field.id] = words.notSent;
  } else if (notes?.context) {
    lines = contextLines(notes.context, words);
  }
  const message = rules.messageFormat === 'text' ? neutraliseHeadings(ticket.message) : ticket.message;
  return { ...rest, customFields, message: fitMessage(message, consent, lines, reference, words, rules) };
}

/** The consent's line: when (the server's clock, UTC, to the second) and which version of its text. */
export function consentLine(version: string, at: Date, words: NotesWords): string {
  const when = at.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return words.consent.replace('{when}', when).replace('{version}', version);
}

/**
 * How much of the 1024 the consent's lines take, at most (the block's separator and heading
 * included), for the form's limit on the customer's message: the same arithmetic as
 * {@link composeTicket}, with the longest time stamp.
 */
export function consentReserve(version: string, language: Locale, rules: TextRules): number {
  const words = NOTES_WORDS[language];
  const line = consentLine(version, new Date('2000-12-31T23:59:59Z'), words);
  return sentLength(block([line], words, rules), rules.lengthUnit);
}

function fitMessage(
  message: string,
  consent: string | undefined,
  context: readonly ContextLine[],
  referenceCode: string,
  words: NotesWords,
  rules: TextRules,
): string {
  const reference = referenceLine(referenceCode);
  const fits = (text: string) => sentLength(text, rules.lengthUnit) <= LIMITS.messageMaxChars;
  let lines = [...context];
  for (;;) {
    const notes = [...(consent ? [consent] : []), ...lines.map((line) => line.text)];
    if (notes.length === 0) break;
    const full = message + block(notes, words, rules, reference);
    if (fits(full)) return full;
    // Only the consent is left, and it does not fit beside the reference.
    if (lines.length === 0) break;
    const highest = Math.max(...lines.map((line) => line.dropRank));
    lines = lines.filter((line) => line.dropRank !== highest);
  }
  // The form kept room for the consent (consentReserve): it is written, the reference gives way.
  if (consent) return message + block([consent], words, rules);
  return withReference(message, referenceCode, rules);
}

/** The block at the end of the message: a blank line, the heading, the notes, and the reference last when given. */
function block(notes: readonly string[], words: NotesWords, rules: TextRules, reference?: string): string {
  const all = [...notes, ...(reference ? [reference] : [])];
  // Each line as the message's own text goes in HTML (formatMessage): escaped, one line each.
  const asHtml = (line: string) => formatMessage(line, 'html');
  if (rules.messageFormat === 'html') return `<br><br><b>${asHtml(words.heading)}</b><br>${all.map(asHtml).join('<br>')}`;
  return `\n\n${textHeading(words)}\n${all.join('\n')}`;
}

function textHeading(words: NotesWords): string {
  return `--- ${words.heading} ---`;
}

/** The customer's lines that read like the block's heading (in any of its languages), changed so they cannot pass for it. */
function neutraliseHeadings(message: string): string {
  const headings = new Set(Object.values(NOTES_WORDS).map(textHeading));
  return message
    .split('\n')
    .map((line) => (headings.has(line.trim()) ? line.replace('--- ', '- - ') : line))
    .join('\n');
}
