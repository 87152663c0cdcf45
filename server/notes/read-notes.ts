import {
  CONSENT_FIELD,
  CONTEXT_MAX_CHARS,
  DEVICE_TYPES,
  countChars,
  parseContextFieldName,
  type ContextKey,
  type TicketContext,
} from '../../contract/index.ts';
import type { ReceivedField, SubmissionProblem } from '../submission/types.ts';

// Each detail's shape, beyond its length: what a browser can report, nothing that could carry markup or a line.
const SHAPES: Readonly<Record<ContextKey, (value: string) => boolean>> = {
  page: isPageAddress,
  title: () => true,
  browser: (value) => /^[\p{L}\p{N} .()/_+-]+$/u.test(value),
  os: (value) => /^[\p{L}\p{N} .()/_+-]+$/u.test(value),
  device: (value) => (DEVICE_TYPES as readonly string[]).includes(value),
  screen: (value) => /^\d{1,5}x\d{1,5}$/.test(value),
  window: (value) => /^\d{1,5}x\d{1,5}$/.test(value),
  language: (value) => /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/.test(value),
  timeZone: (value) => /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/.test(value),
};
// Nothing a page title or an address typed by a person holds: control characters (line breaks and
// tabs too: a value is one line of the block) and the marks that reorder text on screen.
const NOT_PLAIN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffd]/;

/** What {@link readNotes} found: the context and whether consent was given, or the problems with them. */
export interface ReadNotes {
  context?: TicketContext;
  consentGiven: boolean;
  problems: SubmissionProblem[];
}

/**
 * The page and device details (`context[<key>]`) and the consent (`consent`) of a submission,
 * checked strictly: they come from the customer's browser, so each is one line of plain text
 * within its length (contract/context.ts) and of its shape (an http(s) address, `1920x1080`, a
 * language tag, a time zone…), given at most once; an empty one counts as not sent. The consent
 * is `true` or absent.
 */
export function readNotes(fields: readonly ReceivedField[]): ReadNotes {
  const problems: SubmissionProblem[] = [];
  const context: TicketContext = {};
  const seen = new Set<string>();
  let consentGiven = false;
  for (const { name, value, valueTruncated } of fields) {
    const key = parseContextFieldName(name);
    if (key === undefined && name !== CONSENT_FIELD) continue;
    const field = key === undefined ? CONSENT_FIELD : (name as `context[${ContextKey}]`);
    if (seen.has(name)) {
      problems.push({ code: 'duplicate_field', message: `${name} was sent more than once.`, field });
      continue;
    }
    seen.add(name);
    if (key === undefined) {
      consentGiven = value === 'true';
      if (!consentGiven && value !== '') problems.push({ code: 'invalid_value', message: 'The consent must be sent as true.', field });
      continue;
    }
    const text = value.trim();
    if (text === '') continue;
    if (valueTruncated || countChars(text) > CONTEXT_MAX_CHARS[key]) {
      problems.push({ code: 'too_long', message: `${name} must be at most ${CONTEXT_MAX_CHARS[key]} characters.`, field });
    } else if (NOT_PLAIN.test(text) || !SHAPES[key](text)) {
      problems.push({ code: 'invalid_value', message: `${name} is not a valid value.`, field });
    } else {
      context[key] = text;
    }
  }
  return { ...(Object.keys(context).length > 0 ? { context } : {}), consentGiven, problems };
}

/** An absolute http(s) address without credentials. */
function isPageAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}
