import { LIMITS, customFieldName, normaliseTypedText, typedTextSentLength } from '../../contract/index.ts';
import type { CustomField, LengthUnit } from '../../contract/index.ts';
import { isEmailAddress } from './is-email-address.ts';
import type { SubmissionProblem } from './types.ts';

/** A checkbox's answer as forwarded to TomTicket, where agents read custom fields as text. */
export const CHECKBOX_VALUES = { checked: 'Sim', unchecked: 'Não' } as const;

/** What a custom field forwards (`value` absent: nothing is sent), or why it cannot be forwarded. */
export type CustomFieldOutcome = { ok: true; value?: string } | { ok: false; problem: SubmissionProblem };

const NUMBER_SHAPE = /^-?\d+(?:\.\d+)?$/;
const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Checks one custom field's raw value (undefined when it was not sent) against its definition.
 * Checkboxes accept 'true'/'on' (checked) and 'false'/absent (unchecked) and forward
 * {@link CHECKBOX_VALUES}; a required checkbox must be checked. Other types forward the trimmed
 * text (textarea line breaks as LF); dates stay `YYYY-MM-DD`. Lengths count as TomTicket sees them, in `lengthUnit`.
 */
export function validateCustomField(field: CustomField, raw: string | undefined, lengthUnit: LengthUnit = 'chars'): CustomFieldOutcome {
  const name = customFieldName(field.id);
  const problem = (code: SubmissionProblem['code'], message: string): CustomFieldOutcome => ({
    ok: false,
    problem: { code, message: `${field.label}: ${message}`, field: name },
  });
  const value = normaliseTypedText(raw ?? '');

  if (field.type === 'checkbox') {
    const checked = value === 'true' || value === 'on';
    if (!checked && value !== 'false' && value !== '') return problem('invalid_value', "must be 'true' or 'false'.");
    if (field.required && !checked) return problem('required', 'must be checked.');
    return { ok: true, value: checked ? CHECKBOX_VALUES.checked : CHECKBOX_VALUES.unchecked };
  }
  if (value === '') return field.required ? problem('required', 'is required.') : { ok: true };

  const maxChars = Math.min(field.maxLength ?? LIMITS.customFieldMaxChars, LIMITS.customFieldMaxChars);
  if (typedTextSentLength(value, lengthUnit) > maxChars) {
    return problem('too_long', `at most ${maxChars} ${lengthUnit === 'bytes' ? 'bytes (UTF-8)' : 'characters'} as sent.`);
  }

  switch (field.type) {
    case 'number': {
      const number = NUMBER_SHAPE.test(value) ? Number(value) : Number.NaN;
      if (!Number.isFinite(number)) return problem('invalid_value', 'must be a number.');
      if (field.min !== undefined && number < field.min) return problem('invalid_value', `must be at least ${field.min}.`);
      if (field.max !== undefined && number > field.max) return problem('invalid_value', `must be at most ${field.max}.`);
      break;
    }
    case 'email':
      if (!isEmailAddress(value)) return problem('invalid_email', 'must be an e-mail address.');
      break;
    case 'date':
      if (!isCalendarDate(value)) return problem('invalid_value', 'must be a date as YYYY-MM-DD.');
      break;
    case 'select':
      if (!(field.options ?? []).some((option) => option.value === value)) {
        return problem('not_an_option', 'must be one of the listed options.');
      }
      break;
    case 'text':
    case 'textarea':
      break;
  }
  return { ok: true, value };
}

/** `YYYY-MM-DD` naming a day that exists (no 2024-02-30). */
function isCalendarDate(text: string): boolean {
  const match = DATE_SHAPE.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
