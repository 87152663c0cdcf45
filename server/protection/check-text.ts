import { CONSENT_FIELD, SUBMISSION_FIELDS, parseContextFieldName, parseCustomFieldName, type SubmissionFieldName } from '../../contract/index.ts';
import type { ReceivedField } from '../submission/types.ts';
import type { Refusal } from './types.ts';

// Control characters other than tab and line breaks (NUL included), and U+FFFD, which the parser
// puts where the bytes were not valid UTF-8: no keyboard types them, and TomTicket stores HTML.
const UNTYPABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/;
const KNOWN_NAMES: ReadonlySet<string> = new Set([...Object.values(SUBMISSION_FIELDS), CONSENT_FIELD]);

/**
 * Refuses the first text part whose value holds a NUL or another control character, or bytes
 * that were not UTF-8 (400 invalid_value, naming the field when the form has it).
 */
export function checkText(fields: readonly ReceivedField[]): Refusal | undefined {
  for (const { name, value } of fields) {
    if (!UNTYPABLE.test(value)) continue;
    const known = KNOWN_NAMES.has(name) || parseCustomFieldName(name) !== undefined || parseContextFieldName(name) !== undefined;
    return {
      status: 400,
      code: 'invalid_value',
      message: 'A value contains control characters or is not valid UTF-8.',
      ...(known ? { field: name as SubmissionFieldName } : {}),
    };
  }
  return undefined;
}
