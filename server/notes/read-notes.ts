import { CONSENT_FIELD, contextProblem, parseContextFieldName, type ContextKey, type TicketContext } from '../../contract/index.ts';
import type { ReceivedField, SubmissionProblem } from '../submission/types.ts';

/** What {@link readNotes} found: the context and whether consent was given, or the problems with them. */
export interface ReadNotes {
  context?: TicketContext;
  consentGiven: boolean;
  problems: SubmissionProblem[];
}

/**
 * The page and device details (`context[<key>]`) and the consent (`consent`) of a submission,
 * checked strictly: they come from the customer's browser, so each is one line of plain text
 * within its length and of its shape (an http(s) address, `1920x1080`, a language tag, a time
 * zone…: contract/context.ts, whose check the widget runs too), given at most once; an empty one
 * counts as not sent. The consent is `true` or absent.
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
    const problem = valueTruncated ? 'too_long' : contextProblem(key, text);
    if (problem === 'too_long') problems.push({ code: 'too_long', message: `${name} is too long.`, field });
    else if (problem) problems.push({ code: 'invalid_value', message: `${name} is not a valid value.`, field });
    else context[key] = text;
  }
  return { ...(Object.keys(context).length > 0 ? { context } : {}), consentGiven, problems };
}
