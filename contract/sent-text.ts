import { countChars } from './count-chars.ts';
import { utf8Length } from './utf8-length.ts';

/**
 * How the companion server sends a ticket's message: `html` (the default) escapes `&`, `<` and `>`
 * and turns each line break into `<br>`, because TomTicket stores and shows messages as HTML;
 * `text` sends it as typed. Set by MESSAGE_FORMAT.
 */
export type MessageFormat = 'html' | 'text';

/**
 * How TomTicket's 250/1024 limits are counted: `chars` in Unicode code points, `bytes` in UTF-8
 * bytes (as PHP's `strlen` would). Unknown until an account shows which, so `bytes`, the stricter,
 * is assumed until then.
 */
export type LengthUnit = 'chars' | 'bytes';

/** How typed text becomes what TomTicket receives and counts; the form schema carries it to the widget. */
export interface TextRules {
  readonly messageFormat: MessageFormat;
  readonly lengthUnit: LengthUnit;
}

/** The rules in force until the server is told otherwise: HTML messages, limits counted in bytes. */
export const DEFAULT_TEXT_RULES: TextRules = { messageFormat: 'html', lengthUnit: 'bytes' };

/**
 * A typed value as the server forwards it: every line break as LF (browsers send CRLF, old Macs
 * CR) and no surrounding whitespace.
 */
export function normaliseTypedText(value: string): string {
  return value.replace(/\r\n?/g, '\n').trim();
}

/** The message exactly as it goes to TomTicket in `format`, from what the customer typed. */
export function formatMessage(typed: string, format: MessageFormat): string {
  const text = normaliseTypedText(typed);
  if (format === 'text') return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>');
}

/**
 * The length TomTicket sees of a value the server sends as is, in `unit`. A multipart form sends
 * every line break as CRLF (the HTML and fetch encoding rules), so each counts two.
 */
export function sentLength(sent: string, unit: LengthUnit): number {
  const onTheWire = sent.replace(/\r\n|\r|\n/g, '\r\n');
  return unit === 'bytes' ? utf8Length(onTheWire) : countChars(onTheWire.replace(/\r\n/g, '\n\n'));
}

/** The length TomTicket sees of a typed text field (title, name, a custom field's value). */
export function typedTextSentLength(typed: string, unit: LengthUnit): number {
  return sentLength(normaliseTypedText(typed), unit);
}

/** The length TomTicket sees of a typed message once formatted: what the widget's counter shows and the server checks. */
export function messageSentLength(typed: string, rules: TextRules): number {
  return sentLength(formatMessage(typed, rules.messageFormat), rules.lengthUnit);
}
