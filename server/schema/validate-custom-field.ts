import { CUSTOM_FIELD_TYPES, LIMITS, type CustomField, type CustomFieldType } from '../../contract/index.ts';
import { checkBoolean, checkIdList, checkKeys, checkText, describeValue, isObject, type Problems } from './config-checks.ts';

const FIELD_KEYS = ['id', 'label', 'type', 'required', 'help', 'options', 'maxLength', 'min', 'max', 'categories'] as const;
const OPTION_KEYS = ['value', 'label'] as const;
const TEXT_LIKE: readonly CustomFieldType[] = ['text', 'textarea', 'email'];

/**
 * Checks one custom field of the configuration, reporting each problem at `where`. Returns the
 * field with `required` defaulted to false, or undefined when it has problems.
 */
export function validateCustomField(value: unknown, where: string, problems: Problems): CustomField | undefined {
  if (!isObject(value)) {
    problems.push(`${where}: must be an object describing a field, got ${describeValue(value)}`);
    return undefined;
  }
  const before = problems.length;
  checkKeys(value, FIELD_KEYS, where, problems);
  const { id, label, type, required, help, options, maxLength, min, max, categories } = value;

  // The id travels as `fields[<id>]` and `campos[<id>]`: brackets inside it could not be read back.
  if (checkText(id, `${where}.id`, problems, LIMITS.idMaxChars) && /[[\]]/.test(id)) {
    problems.push(`${where}.id: must not contain [ or ]`);
  }
  checkText(label, `${where}.label`, problems);
  const knownType = typeof type === 'string' && (CUSTOM_FIELD_TYPES as readonly string[]).includes(type);
  if (!knownType) {
    problems.push(`${where}.type: ${describeValue(type)} is not a field type; use one of ${CUSTOM_FIELD_TYPES.join(', ')}`);
  }
  if (required !== undefined) checkBoolean(required, `${where}.required`, problems);
  if (help !== undefined && typeof help !== 'string') {
    problems.push(`${where}.help: must be a string, got ${describeValue(help)}`);
  }
  if (categories !== undefined && checkIdList(categories, `${where}.categories`, problems, LIMITS.idMaxChars) && categories.length === 0) {
    // A field bound to no category could never be asked.
    problems.push(`${where}.categories: must name at least one category (leave the key out for every category)`);
  }

  if (knownType) {
    const fieldType = type as CustomFieldType;
    checkOptions(fieldType, options, where, problems);
    checkMaxLength(fieldType, maxLength, where, problems);
    checkBounds(fieldType, min, max, where, problems);
  }
  if (problems.length > before) return undefined;
  return { ...(value as unknown as CustomField), required: required === true };
}

function checkOptions(type: CustomFieldType, options: unknown, where: string, problems: Problems): void {
  if (type !== 'select') {
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

function checkMaxLength(type: CustomFieldType, maxLength: unknown, where: string, problems: Problems): void {
  if (maxLength === undefined) return;
  if (!TEXT_LIKE.includes(type)) {
    problems.push(`${where}.maxLength: only applies to ${TEXT_LIKE.join(', ')} fields, this one is ${type}`);
  } else if (!Number.isInteger(maxLength) || (maxLength as number) < 1 || (maxLength as number) > LIMITS.customFieldMaxChars) {
    problems.push(
      `${where}.maxLength: must be a whole number from 1 to ${LIMITS.customFieldMaxChars} (TomTicket's limit), ` +
        `got ${describeValue(maxLength)}`,
    );
  }
}

function checkBounds(type: CustomFieldType, min: unknown, max: unknown, where: string, problems: Problems): void {
  for (const [key, bound] of [['min', min], ['max', max]] as const) {
    if (bound === undefined) continue;
    if (type !== 'number') problems.push(`${where}.${key}: only applies to number fields, this one is ${type}`);
    else if (typeof bound !== 'number' || !Number.isFinite(bound)) {
      problems.push(`${where}.${key}: must be a number, got ${describeValue(bound)}`);
    }
  }
  if (typeof min === 'number' && typeof max === 'number' && min > max) {
    problems.push(`${where}: min (${min}) is greater than max (${max})`);
  }
}
