import {
  DEFAULT_PRIORITY,
  DEFAULT_TEXT_RULES,
  LIMITS,
  PRIORITIES,
  isPriority,
  type CustomField,
  type Department,
  type FormSchema,
  type TextRules,
} from '../../contract/index.ts';
import type { UpstreamDepartment } from '../tomticket/types.ts';
import { mergeAccountFields } from './merge-account-fields.ts';
import type { FormConfigDepartment, FormConfigField, FormConfigFile } from './types.ts';

/**
 * The form schema: TomTicket's departments and categories, restricted, ordered and renamed by the
 * site owner's configuration, with custom fields: on API 2.0 the account's own (with the
 * configuration laid over them, see merge-account-fields.ts), on the legacy API the configured
 * ones. Configured departments, categories or fields TomTicket does not have are left out and
 * reported through `onWarning`: the form never offers what the ticket call would refuse or drop.
 */
export function buildFormSchema(
  upstream: readonly UpstreamDepartment[],
  config: FormConfigFile,
  onWarning: (message: string, details: Record<string, unknown>) => void = () => undefined,
  textRules: TextRules = DEFAULT_TEXT_RULES,
): FormSchema {
  return {
    departments: mergeDepartments(upstream, config, onWarning),
    priorities: [...PRIORITIES],
    defaultPriority: isPriority(config.defaultPriority) ? config.defaultPriority : DEFAULT_PRIORITY,
    limits: { ...LIMITS },
    textRules,
    customer: { emailRequired: true, nameRequired: config.askName ?? true },
  };
}

function mergeDepartments(
  upstream: readonly UpstreamDepartment[],
  config: FormConfigFile,
  onWarning: (message: string, details: Record<string, unknown>) => void,
): Department[] {
  if (!config.departments) return upstream.map((department) => toDepartment(department, undefined, onWarning));
  const byId = new Map(upstream.map((department) => [department.id, department]));
  const listed: Department[] = [];
  for (const entry of config.departments) {
    const department = byId.get(entry.id);
    if (department) listed.push(toDepartment(department, entry, onWarning));
    else onWarning('configured department is not in TomTicket; left out of the form', { departmentId: entry.id });
  }
  if (config.onlyListedDepartments ?? true) return listed;
  const listedIds = new Set(config.departments.map((entry) => entry.id));
  const rest = upstream.filter((department) => !listedIds.has(department.id));
  return [...listed, ...rest.map((department) => toDepartment(department, undefined, onWarning))];
}

function toDepartment(
  upstream: UpstreamDepartment,
  entry: FormConfigDepartment | undefined,
  onWarning: (message: string, details: Record<string, unknown>) => void,
): Department {
  let categories = upstream.categories.map(({ id, name }) => ({ id, name }));
  if (entry?.categories) {
    const byId = new Map(categories.map((category) => [category.id, category]));
    categories = [];
    for (const id of entry.categories) {
      const category = byId.get(id);
      if (category) categories.push(category);
      else {
        onWarning('configured category is not in the TomTicket department; left out', {
          departmentId: upstream.id,
          categoryId: id,
        });
      }
    }
  }
  let categoryRequired = entry?.categoryRequired ?? false;
  if (categoryRequired && categories.length === 0) {
    // Requiring a choice among nothing would make the department impossible to submit to.
    onWarning('department requires a category but has none; not required', { departmentId: upstream.id });
    categoryRequired = false;
  }
  const offered = categories.map((category) => category.id);
  return {
    id: upstream.id,
    name: entry?.name ?? upstream.name,
    categories,
    fields: upstream.customFields
      ? mergeAccountFields(upstream.id, upstream.customFields, entry, offered, categoryRequired, onWarning)
      : offeredFields(entry?.fields ?? [], upstream.id, new Set(offered), onWarning),
    categoryRequired,
  };
}

/**
 * Legacy API: copies of the configured fields, each limited to the categories the department offers. A field
 * whose categories are all gone is left out: it could never be shown, so it must not be required.
 */
function offeredFields(
  fields: readonly FormConfigField[],
  departmentId: string,
  offered: ReadonlySet<string>,
  onWarning: (message: string, details: Record<string, unknown>) => void,
): CustomField[] {
  const result: CustomField[] = [];
  for (const field of fields) {
    // Complete: the file was checked for the legacy API when it was loaded (label and type required).
    const { hidden: _hidden, ...copy } = structuredClone(field) as CustomField & FormConfigField;
    if (copy.categories) {
      const missing = copy.categories.filter((id) => !offered.has(id));
      if (missing.length > 0) {
        onWarning('custom field names categories the department does not offer', { departmentId, fieldId: field.id, missing });
        copy.categories = copy.categories.filter((id) => offered.has(id));
        if (copy.categories.length === 0) continue;
      }
    }
    result.push(copy);
  }
  return result;
}
