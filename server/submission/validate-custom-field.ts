import { LIMITS, checkValue, checkboxState, customFieldName, normaliseTypedText } from '../../contract/index.ts';
import type { CustomField, TextRules, ValueProblem } from '../../contract/index.ts';
import type { SubmissionProblem } from './types.ts';

/** A checkbox's answer as forwarded to TomTicket, where agents read custom fields as text. */
export const CHECKBOX_VALUES = { checked: 'Sim', unchecked: 'Não' } as const;

/** What a custom field forwards (`value` absent: nothing is sent), or why it cannot be forwarded. */
export type CustomFieldOutcome = { ok: true; value?: string } | { ok: false; problem: SubmissionProblem };

/**
 * Checks one custom field's raw value (undefined when it was not sent) against its definition with
 * the contract's checks, the ones the widget runs too. Checkboxes accept 'true'/'on' (checked) and
 * 'false'/absent (unchecked) and forward {@link CHECKBOX_VALUES}; a required checkbox must be
 * checked. Other types forward the trimmed text (textarea line breaks as LF); dates stay `YYYY-MM-DD`.
 */
export function validateCustomField(field: CustomField, raw: string | undefined, textRules: TextRules): CustomFieldOutcome {
  const maxLength = Math.min(field.maxLength ?? LIMITS.customFieldMaxChars, LIMITS.customFieldMaxChars);
  const value = normaliseTypedText(raw ?? '');
  const found = checkValue({ ...field, maxLength }, value, textRules);
  if (found) {
    return { ok: false, problem: { code: found.code, message: `${field.label}: ${explain(found, field, textRules.lengthUnit)}`, field: customFieldName(field.id) } };
  }
  if (field.type === 'checkbox') {
    return { ok: true, value: checkboxState(value) === 'checked' ? CHECKBOX_VALUES.checked : CHECKBOX_VALUES.unchecked };
  }
  return value === '' ? { ok: true } : { ok: true, value };
}

/** The developer-facing words for a problem of `field`. */
function explain(problem: ValueProblem, field: CustomField, unit: TextRules['lengthUnit']): string {
  switch (problem.code) {
    case 'required':
      return field.type === 'checkbox' ? 'must be checked.' : 'is required.';
    case 'too_long':
      return `at most ${problem.n} ${unit === 'bytes' ? 'bytes (UTF-8)' : 'characters'} as sent.`;
    case 'invalid_email':
      return 'must be an e-mail address.';
    case 'not_an_option':
      return 'must be one of the listed options.';
    case 'invalid_value':
      if (field.type === 'checkbox') return "must be 'true' or 'false'.";
      if (field.type === 'date') return 'must be a date as YYYY-MM-DD.';
      return `must be a number${field.min !== undefined ? ` from ${field.min}` : ''}${field.max !== undefined ? ` up to ${field.max}` : ''}.`;
  }
}
