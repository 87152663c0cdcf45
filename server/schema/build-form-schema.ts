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
import { LOCALES, type ConsentSchema, type Locale } from '../../contract/index.ts';
import { consentReserve } from '../notes/compose-ticket.ts';
import type { UpstreamDepartment } from '../tomticket/types.ts';
import { mergeAccountFields } from './merge-account-fields.ts';
import type { FormConfigConsent, FormConfigDepartment, FormConfigField, FormConfigFile, ServerField, ServerFieldRole, ServerFormSchema } from './types.ts';

/** What the server adds to tickets besides the form's fields, as far as the schema is concerned. */
export interface SchemaNotes {
  /** CONTEXT_FIELD: the custom field the context goes into, where a ticket has it. */
  contextField?: string;
  /** TICKET_NOTES_LANG: the language of the lines the server adds (the consent's, counted within the message's limit). */
  language: Locale;
}

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
  notes: SchemaNotes = { language: 'pt-BR' },
): ServerFormSchema {
  const departments = mergeDepartments(upstream, config, onWarning);
  const roles: Array<[ServerFieldRole, string | undefined]> = [
    ['context', notes.contextField],
    ['consent', config.consent?.field],
  ];
  const serverFields = takeServerFields(departments, roles, onWarning);
  const consent = config.consent;
  return {
    departments,
    priorities: [...PRIORITIES],
    defaultPriority: isPriority(config.defaultPriority) ? config.defaultPriority : DEFAULT_PRIORITY,
    // The consent's line is always written into the message: its room is kept from the customer's.
    limits: { ...LIMITS, messageMaxChars: LIMITS.messageMaxChars - (consent ? consentReserve(consent.version, notes.language, textRules) : 0) },
    textRules,
    customer: { emailRequired: true, nameRequired: config.askName ?? true },
    ...(consent ? { consent: consentSchema(consent) } : {}),
    ...(Object.keys(serverFields).length > 0 ? { serverFields } : {}),
  };
}

/** The consent as the widget draws it: per language, its text and the policy's address. */
function consentSchema(consent: FormConfigConsent): ConsentSchema {
  const urlOf = (locale: Locale) => (typeof consent.url === 'string' ? consent.url : consent.url[locale]);
  const texts = Object.fromEntries(LOCALES.map((locale) => [locale, { text: consent.text[locale], url: urlOf(locale) }]));
  return { version: consent.version, texts: texts as ConsentSchema['texts'] };
}

/**
 * Takes the custom fields the server fills itself (CONTEXT_FIELD, the consent's `field`) out of
 * every department's `fields`, so the form never shows them, and keeps where each is asked. A
 * field of a type that cannot hold a line of text, or asked in no department, is reported: the
 * context and the consent then go into the message only.
 */
function takeServerFields(
  departments: Department[],
  roles: ReadonlyArray<[ServerFieldRole, string | undefined]>,
  onWarning: (message: string, details: Record<string, unknown>) => void,
): Record<string, ServerField[]> {
  const taken: Record<string, ServerField[]> = {};
  for (const [role, id] of roles) {
    if (id === undefined) continue;
    let found = false;
    for (const department of departments) {
      const field = department.fields.find((candidate) => candidate.id === id);
      if (!field) continue;
      department.fields = department.fields.filter((candidate) => candidate.id !== id);
      if (field.type !== 'text' && field.type !== 'textarea') {
        onWarning(`the ${role} custom field is not a text field; the ${role} goes into the message instead`, { departmentId: department.id, fieldId: id, type: field.type });
        continue;
      }
      found = true;
      const maxLength = Math.min(field.maxLength ?? LIMITS.customFieldMaxChars, LIMITS.customFieldMaxChars);
      (taken[department.id] ??= []).push({ role, id, required: field.required, maxLength, ...(field.categories ? { categories: field.categories } : {}) });
    }
    if (!found) onWarning(`the ${role} custom field is asked in no department of the form; the ${role} goes into the message instead`, { fieldId: id });
  }
  return taken;
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
