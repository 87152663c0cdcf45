import { checkboxState } from './checkbox-state.ts';
import { isCalendarDate } from './is-calendar-date.ts';
import { isEmailAddress } from './is-email-address.ts';
import { isNumberWithin } from './is-number-within.ts';
import type { CustomFieldType } from './schema.ts';
import { messageSentLength, normaliseTypedText, typedTextSentLength, type TextRules } from './sent-text.ts';

/** What one value must satisfy: a custom field's definition fits as it is, the built-in fields are described the same way. */
export interface ValueRule {
  /** How the value is read; absent is plain text. */
  type?: CustomFieldType;
  required: boolean;
  /** The longest value, measured as TomTicket will see it (see {@link valueSentLength}). */
  maxLength?: number;
  /** The ticket's message: measured once formatted for sending (HTML escapes, `<br>`), not as typed. */
  message?: boolean;
  /** Inclusive bounds of a number. */
  min?: number;
  max?: number;
  /** The only values accepted (a select). */
  options?: ReadonlyArray<{ value: string }>;
}

/** Why a value cannot be sent, by the error code the server answers and the widget shows. */
export type ValueProblem =
  | { code: 'required' }
  | { code: 'too_long'; n: number }
  | { code: 'invalid_email' | 'invalid_value' | 'not_an_option' };

/** The length TomTicket sees of `typed` under `rule`, in the schema's unit: what counters show and limits judge. */
export function valueSentLength(rule: Pick<ValueRule, 'message'>, typed: string, textRules: TextRules): number {
  return rule.message ? messageSentLength(typed, textRules) : typedTextSentLength(typed, textRules.lengthUnit);
}

/**
 * The first thing `typed` breaks of `rule`, or undefined when it can be sent: the one set of value
 * checks the widget runs as the customer types and the server runs before forwarding. Surrounding
 * whitespace is ignored (the server trims it), so a blank value is an absent one.
 */
export function checkValue(rule: ValueRule, typed: string, textRules: TextRules): ValueProblem | undefined {
  const value = normaliseTypedText(typed);
  if (rule.type === 'checkbox') {
    const state = checkboxState(value);
    if (state === undefined) return { code: 'invalid_value' };
    return rule.required && state === 'unchecked' ? { code: 'required' } : undefined;
  }
  if (value === '') return rule.required ? { code: 'required' } : undefined;
  if (rule.maxLength !== undefined && valueSentLength(rule, value, textRules) > rule.maxLength) {
    return { code: 'too_long', n: rule.maxLength };
  }
  if (rule.type === 'email' && !isEmailAddress(value)) return { code: 'invalid_email' };
  if (rule.options && !rule.options.some((option) => option.value === value)) return { code: 'not_an_option' };
  if (rule.type === 'number' && !isNumberWithin(value, rule.min, rule.max)) return { code: 'invalid_value' };
  if (rule.type === 'date' && !isCalendarDate(value)) return { code: 'invalid_value' };
  return undefined;
}
