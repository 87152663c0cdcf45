import { CUSTOM_FIELD_TYPES, LIMITS, type CustomFieldType } from '../../contract/index.ts';
import { checkBoolean, checkIdList, checkKeys, checkText, describeValue, isObject, type Problems } from './config-checks.ts';
import type { FormConfigField } from './types.ts';

const FIELD_KEYS = ['id', 'label', 'type', 'required', 'help', 'options', 'maxLength', 'min', 'max', 'categories'] as const;
// API 2.0: a field of the account may be left out of the form.
const OVERRIDE_KEYS = [...FIELD_KEYS, 'hidden'] as const;
const OPTION_KEYS = ['value', 'label'] as const;
const TEXT_LIKE: readonly CustomFieldType[] = ['text', 'textarea', 'email'];

/**
 * Checks one custom field of the configuration, reporting each problem at `where`. `complete`
 * (the legacy API, where the file is the only description of a field): `label` and `type` are
 * required and a select needs its options. Otherwise (API 2.0, where the account describes the
 * field and the file changes it) only `id` is, and `hidden` may leave the field out. Returns the
 * field (`required` defaulted to false when complete), or undefined when it has problems.
 */
export function validateCustomField(value: unknown, where: string, problems: Problems, { complete } = { complete: true }): FormConfigField | undefined {
  if (!isObject(value)) {
    problems.push(`${where}: must be an object describing a field, got ${describeValue(value)}`);
    return undefined;
  }
  const before = problems.length;
  // `hidden` is known on either API; on the legacy one it gets its own message.
  checkKeys(value, OVERRIDE_KEYS, where, problems);
  if (complete && value.hidden !== undefined) {
    problems.push(`${where}.hidden: only with TOMTICKET_API=v2, where the account describes the fields; on the legacy API leave the field out instead`);
  }
  const { id, label, type, required, help, options, maxLength, min, max, categories, hidden } = value;

  // The id travels as `fields[<id>]` and `campos[<id>]`: brackets inside it could not be read back.
  if (checkText(id, `${where}.id`, problems, LIMITS.idMaxChars) && /[[\]]/.test(id)) {
    problems.push(`${where}.id: must not contain [ or ]`);
  }
  if (complete || label !== undefined) checkText(label, `${where}.label`, problems);
  const knownType = typeof type === 'string' && (CUSTOM_FIELD_TYPES as readonly string[]).includes(type);
  if ((complete || type !== undefined) && !knownType) {
    problems.push(`${where}.type: ${describeValue(type)} is not a field type; use one of ${CUSTOM_FIELD_TYPES.join(', ')}`);
  }
  if (required !== undefined) checkBoolean(required, `${where}.required`, problems);
  if (hidden !== undefined && !complete) checkBoolean(hidden, `${where}.hidden`, problems);
  if (help !== undefined && typeof help !== 'string') {
    problems.push(`${where}.help: must be a string, got ${describeValue(help)}`);
  }
  if (categories !== undefined && checkIdList(categories, `${where}.categories`, problems, LIMITS.idMaxChars) && categories.length === 0) {
    // A field bound to no category could never be asked.
    problems.push(`${where}.categories: must name at least one category (leave the key out for every category)`);
  }

  if (knownType || !complete) {
    const fieldType = knownType ? (type as CustomFieldType) : undefined;
    // The account gives a list's options: a change need not repeat them.
    if (complete || options !== undefined) checkOptions(fieldType, options, where, problems);
    checkMaxLength(fieldType, maxLength, where, problems);
    checkBounds(fieldType, min, max, where, problems);
  }
  if (problems.length > before) return undefined;
  const field = value as unknown as FormConfigField;
  return complete ? { ...field, required: required === true } : field;
}

/** A select field's options (a non-empty list of distinct `{ value, label }`); any other type must have none. */
export function checkOptions(type: CustomFieldType | undefined, options: unknown, where: string, problems: Problems): void {
  if (type !== undefined && type !== 'select') {
    if (options !== undefined) problems.push(`${where}.options: only a select field has options, this one is ${type}`);
    return;
  }
  if (!Array.isArray(options) || options.length === 0) {
    problems.push(`${where}.options: a select field needs a non-empty list of { "value", "label" }`);
    return;
  }
  const values = new Set<string>();
  options.forEach((option, index) => {
    const at = `${where}.options[${index}]`;
    if (!isObject(option)) {
      problems.push(`${at}: must be an object { "value", "label" }, got ${describeValue(option)}`);
      return;
    }
    checkKeys(option, OPTION_KEYS, at, problems);
    if (checkText(option.value, `${at}.value`, problems, LIMITS.customFieldMaxChars)) {
      if (values.has(option.value)) problems.push(`${at}.value: ${describeValue(option.value)} is used by an earlier option`);
      values.add(option.value);
    }
    checkText(option.label, `${at}.label`, problems);
  });
}

/** `maxLength`, for text-like fields only: a whole number up to TomTicket's limit. */
export function checkMaxLength(type: CustomFieldType | undefined, maxLength: unknown, where: string, problems: Problems): void {
  if (maxLength === undefined) return;
  if (type !== undefined && !TEXT_LIKE.includes(type)) {
    problems.push(`${where}.maxLength: only applies to ${TEXT_LIKE.join(', ')} fields, this one is ${type}`);
  } else if (!Number.isInteger(maxLength) || (maxLength as number) < 1 || (maxLength as number) > LIMITS.customFieldMaxChars) {
    problems.push(
      `${where}.maxLength: must be a whole number from 1 to ${LIMITS.customFieldMaxChars} (TomTicket's limit), ` +
        `got ${describeValue(maxLength)}`,
    );
  }
}

/** `min` and `max`, for number fields only: finite numbers, min not above max. */
export function checkBounds(type: CustomFieldType | undefined, min: unknown, max: unknown, where: string, problems: Problems): void {
  for (const [key, bound] of [['min', min], ['max', max]] as const) {
    if (bound === undefined) continue;
    if (type !== undefined && type !== 'number') problems.push(`${where}.${key}: only applies to number fields, this one is ${type}`);
    else if (typeof bound !== 'number' || !Number.isFinite(bound)) {
      problems.push(`${where}.${key}: must be a number, got ${describeValue(bound)}`);
    }
  }
  if (typeof min === 'number' && typeof max === 'number' && min > max) {
    problems.push(`${where}: min (${min}) is greater than max (${max})`);
  }
}
