import { customFieldName, messageSentLength, SUBMISSION_FIELDS as F, typedTextSentLength } from '../../contract/index.ts';
import type { CustomFieldType, Department, FormSchema } from '../../contract/index.ts';

/** One entry of a select: the value sent, and the text shown (a priority's is the locale's `p<value>`). */
export interface Choice {
  value: string;
  label?: string;
}

/**
 * One shown form field, named by its multipart name (`title`, `fields[abc]`): what it must satisfy
 * and how it is drawn. Built-in fields are labelled by the locale text of their name.
 */
export interface Rule {
  name: string;
  required: boolean;
  /** Most characters, as `measure` counts them. */
  max?: number;
  /** The value's length as TomTicket will count it (contract/sent-text.ts, with the schema's textRules). */
  measure?: (value: string) => number;
  type?: CustomFieldType;
  /** The only values accepted, drawn as a select. */
  options?: Choice[];
  /** Inclusive bounds of a number field. */
  min?: number;
  top?: number;
  /** A custom field's label. */
  label?: string;
  help?: string;
  autocomplete?: string;
  /** The limit of a live `n / max` counter, for fields that show one. */
  count?: number;
  /** A select that always holds a value (the priority): no empty "Choose" entry, not marked required. */
  filled?: boolean;
  /** Sent but not shown: the department when there is none to choose. */
  hidden?: boolean;
}

/** What the site's options change in the form (see ModelSettings). */
export interface RuleSettings {
  /** With an identity token the site vouches for the customer: e-mail and name are neither shown nor sent. */
  identity: string;
  /** A preselected department id, hidden when locked. */
  department: string;
  departmentLocked: boolean;
}

/**
 * The rules of every field the form shows and sends, in form order, with the server's limits: the
 * rule list is also the list of text entries a submission carries. Custom fields are the chosen
 * `department`'s that apply to `category`; a schema without departments gets no department field.
 */
export function buildRules(
  schema: FormSchema,
  settings: RuleSettings,
  department: Department | undefined,
  category: string,
): Rule[] {
  const { limits, customer, departments, textRules } = schema;
  // Counted as the server counts them: as sent, in the account's unit (the message once formatted).
  const measure = (value: string) => typedTextSentLength(value, textRules.lengthUnit);
  const choices = (list: Array<{ id: string; name: string }>) => list.map((c) => ({ value: c.id, label: c.name }));
  const rules: Rule[] = [];
  if (customer.emailRequired && !settings.identity) {
    rules.push({ name: F.email, required: true, max: limits.emailMaxChars, measure, type: 'email', autocomplete: 'email' });
  }
  if (customer.nameRequired && !settings.identity) {
    rules.push({ name: F.name, required: true, max: limits.nameMaxChars, measure, autocomplete: 'name' });
  }
  // No departments: the schema has not arrived yet.
  if (departments.length) {
    rules.push({
      name: F.department,
      required: true,
      options: choices(departments),
      hidden:
        departments.length === 1 || (settings.departmentLocked && departments.some((d) => d.id === settings.department)),
    });
  }
  if (department?.categories.length) {
    rules.push({ name: F.category, required: department.categoryRequired, options: choices(department.categories) });
  }
  rules.push(
    { name: F.title, required: true, max: limits.titleMaxChars, measure, count: limits.titleMaxChars },
    {
      name: F.message,
      required: true,
      max: limits.messageMaxChars,
      measure: (value) => messageSentLength(value, textRules),
      count: limits.messageMaxChars,
      type: 'textarea',
    },
  );
  for (const field of department?.fields ?? []) {
    if (field.categories?.length && !field.categories.includes(category)) continue;
    // The field's own label, help, type, options and lower bound carry over as they are.
    rules.push({
      ...field,
      name: customFieldName(field.id),
      max: Math.min(field.maxLength ?? limits.customFieldMaxChars, limits.customFieldMaxChars),
      measure,
      top: field.max,
      count: field.type === 'text' || field.type === 'textarea' ? field.maxLength : undefined,
    });
  }
  rules.push({
    name: F.priority,
    required: true,
    options: schema.priorities.map((p) => ({ value: String(p) })),
    filled: true,
  });
  return rules;
}
