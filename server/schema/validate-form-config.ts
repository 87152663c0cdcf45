import { LIMITS, isPriority } from '../../contract/index.ts';
import { checkBoolean, checkIdList, checkKeys, checkText, describeValue, isObject, type Problems } from './config-checks.ts';
import type { FormConfigDepartment, FormConfigField, FormConfigFile, FormConfigReading } from './types.ts';
import { validateConsentConfig } from './validate-consent-config.ts';
import { validateCustomField } from './validate-custom-field.ts';

const TOP_KEYS = ['departments', 'onlyListedDepartments', 'askName', 'defaultPriority', 'consent'] as const;
// `onlyListedFields` is API 2.0's (the account's fields not listed may be left out).
const ACCOUNT_DEPARTMENT_KEYS = ['id', 'name', 'categories', 'categoryRequired', 'fields', 'onlyListedFields'] as const;

/**
 * Checks a parsed configuration file strictly and lists every problem with where it is
 * (`departments[1].fields[0].type: …`), so the site owner fixes them all in one go. Returns the
 * configuration with defaults a field needs filled in; `problems` is empty when it is valid.
 * `fieldsFromAccount` (API 2.0): fields change the account's own, so each needs only its `id`.
 */
export function validateFormConfig(value: unknown, reading: FormConfigReading = { fieldsFromAccount: false }): { config: FormConfigFile; problems: Problems } {
  const problems: Problems = [];
  if (!isObject(value)) {
    problems.push(`(top level): must be an object, got ${describeValue(value)}`);
    return { config: {}, problems };
  }
  checkKeys(value, TOP_KEYS, '', problems);
  const config: FormConfigFile = {};
  const { departments, onlyListedDepartments, askName, defaultPriority, consent } = value;
  if (departments !== undefined) {
    const checked = validateDepartments(departments, reading, problems);
    if (checked) config.departments = checked;
  }
  if (onlyListedDepartments !== undefined && checkBoolean(onlyListedDepartments, 'onlyListedDepartments', problems)) {
    config.onlyListedDepartments = onlyListedDepartments;
  }
  if (askName !== undefined && checkBoolean(askName, 'askName', problems)) config.askName = askName;
  if (defaultPriority !== undefined) {
    if (isPriority(defaultPriority)) config.defaultPriority = defaultPriority;
    else problems.push(`defaultPriority: must be 1, 2, 3 or 4, got ${describeValue(defaultPriority)}`);
  }
  if (consent !== undefined) {
    const checked = validateConsentConfig(consent, problems);
    if (checked) config.consent = checked;
  }
  return { config, problems };
}

function validateDepartments(value: unknown, reading: FormConfigReading, problems: Problems): FormConfigDepartment[] | undefined {
  if (!Array.isArray(value)) {
    problems.push(`departments: must be a list, got ${describeValue(value)}`);
    return undefined;
  }
  if (value.length === 0) {
    problems.push('departments: must list at least one department (leave the key out to show them all)');
    return undefined;
  }
  const ids = new Set<string>();
  const departments: FormConfigDepartment[] = [];
  value.forEach((entry, index) => {
    const department = validateDepartment(entry, `departments[${index}]`, reading, problems);
    if (!department) return;
    if (ids.has(department.id)) problems.push(`departments[${index}].id: ${describeValue(department.id)} is listed twice`);
    ids.add(department.id);
    departments.push(department);
  });
  return departments;
}

function validateDepartment(value: unknown, where: string, reading: FormConfigReading, problems: Problems): FormConfigDepartment | undefined {
  if (!isObject(value)) {
    problems.push(`${where}: must be an object with at least an "id", got ${describeValue(value)}`);
    return undefined;
  }
  const before = problems.length;
  // onlyListedFields is known on either API; on the legacy one it gets its own message below.
  checkKeys(value, ACCOUNT_DEPARTMENT_KEYS, where, problems);
  const { id, name, categories, categoryRequired, fields, onlyListedFields } = value;
  if (onlyListedFields !== undefined && !reading.fieldsFromAccount) {
    problems.push(`${where}.onlyListedFields: only with TOMTICKET_API=v2, where the account describes the fields`);
  }
  if (onlyListedFields !== undefined && reading.fieldsFromAccount) checkBoolean(onlyListedFields, `${where}.onlyListedFields`, problems);
  checkText(id, `${where}.id`, problems, LIMITS.idMaxChars);
  if (name !== undefined) checkText(name, `${where}.name`, problems);
  const categoriesValid =
    categories !== undefined && checkIdList(categories, `${where}.categories`, problems, LIMITS.idMaxChars);
  const listedCategories = categoriesValid ? (categories as string[]) : undefined;
  if (categoryRequired !== undefined) checkBoolean(categoryRequired, `${where}.categoryRequired`, problems);
  const checkedFields = fields === undefined ? undefined : validateFields(fields, `${where}.fields`, listedCategories, reading, problems);
  if (problems.length > before) return undefined;
  return {
    id: id as string,
    ...(name !== undefined ? { name: name as string } : {}),
    ...(listedCategories ? { categories: listedCategories } : {}),
    ...(categoryRequired !== undefined ? { categoryRequired: categoryRequired as boolean } : {}),
    ...(checkedFields ? { fields: checkedFields } : {}),
    ...(onlyListedFields !== undefined && reading.fieldsFromAccount ? { onlyListedFields: onlyListedFields as boolean } : {}),
  };
}

function validateFields(
  value: unknown,
  where: string,
  departmentCategories: string[] | undefined,
  reading: FormConfigReading,
  problems: Problems,
): FormConfigField[] | undefined {
  if (!Array.isArray(value)) {
    problems.push(`${where}: must be a list, got ${describeValue(value)}`);
    return undefined;
  }
  const ids = new Set<string>();
  const fields: FormConfigField[] = [];
  value.forEach((entry, index) => {
    const at = `${where}[${index}]`;
    const field = validateCustomField(entry, at, problems, { complete: !reading.fieldsFromAccount });
    if (!field) return;
    if (ids.has(field.id)) problems.push(`${at}.id: ${describeValue(field.id)} is used by an earlier field of this department`);
    ids.add(field.id);
    // A field shown only for a category the department does not offer would never be shown.
    field.categories?.forEach((category, categoryIndex) => {
      if (departmentCategories && !departmentCategories.includes(category)) {
        problems.push(`${at}.categories[${categoryIndex}]: ${describeValue(category)} is not in this department's categories`);
      }
    });
    fields.push(field);
  });
  return fields;
}
