import { countChars } from '../../contract/index.ts';
import type { Problem } from '../i18n/strings.ts';
import type { Rule } from './buildRules.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The first rule `value` breaks, as a problem with the server's code, or undefined when it is fine. */
export function checkValue(rule: Rule, value: string): Problem | undefined {
  const trimmed = value.trim();
  // An unchecked checkbox sends nothing, so a required one must be checked.
  if (!trimmed || (rule.type === 'checkbox' && value !== 'true')) {
    return rule.required ? { code: 'required' } : undefined;
  }
  if (rule.max !== undefined && (rule.measure ?? countChars)(value) > rule.max) return { code: 'too_long', n: rule.max };
  if (rule.type === 'email' && !EMAIL.test(trimmed)) return { code: 'invalid_email' };
  if (rule.options && !rule.options.some((o) => o.value === value)) return { code: 'not_an_option' };
  const number = Number(trimmed);
  const badNumber = !Number.isFinite(number) || number < (rule.min ?? -Infinity) || number > (rule.top ?? Infinity);
  if ((rule.type === 'number' && badNumber) || (rule.type === 'date' && !DATE.test(trimmed))) {
    return { code: 'invalid_value' };
  }
  return undefined;
}
