import { customFieldApplies, customFieldName, SUBMISSION_FIELDS as F } from '../../contract/index.ts';
import type { ComponentChildren } from 'preact';
import type { ConsentSchema, Department, FormSchema, Priority, ValueRule } from '../../contract/index.ts';
import type { PlaceholderKey, PriorityKey, StringKey } from '../i18n/strings.ts';
import type { SendRow } from '../part/sendPart.ts';

/** One entry of a select: the value sent, and the text shown (a custom field's own label, or a locale text). */
export interface Choice {
  value: string;
  label?: string;
  labelKey?: PriorityKey;
}

/**
 * One shown form field, named by its multipart name (`title`, `fields[abc]`): what its value must
 * satisfy (the contract's {@link ValueRule}, checked by the server too) and how it is drawn.
 */
export interface Rule extends ValueRule {
  name: string;
  options?: Choice[];
  /** A custom field's label (the consent's: its text with the policy's link)… */
  label?: ComponentChildren;
  /** …or the locale text labelling a built-in field. */
  labelKey?: StringKey;
  help?: string;
  /** …or the locale text of a built-in field's hint. */
  hint?: StringKey;
  /** The locale text a built-in text field shows while empty. */
  placeholder?: PlaceholderKey;
  autocomplete?: string;
  /** Shows a live `n / maxLength` counter. */
  counter?: boolean;
  /** A select that always holds a value (the priority): no empty "Choose" entry, not marked required. */
  filled?: boolean;
  /** Sent but not shown: the department when there is none to choose. */
  hidden?: boolean;
  /** A row the send part adds (the consent, the note on what is sent): drawn after the attachments, by `draw`. */
  draw?: SendRow;
  /** The consent's texts, for the row that draws it. */
  consent?: ConsentSchema;
}

/** What the site's options change in the form (see ModelSettings). */
export interface RuleSettings {
  /** With an identity token the site vouches for the customer: e-mail and name are neither shown nor sent. */
  identity: string;
  /** A preselected department id, hidden when locked. */
  department: string;
  departmentLocked: boolean;
}

/** The locale text naming priority `p`. */
export const priorityKey = (p: Priority): PriorityKey => `p${p}`;

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
  const { limits, customer, departments } = schema;
  const choices = (list: Array<{ id: string; name: string }>) => list.map((c) => ({ value: c.id, label: c.name }));
  const rules: Rule[] = [];
  if (customer.emailRequired && !settings.identity) {
    rules.push({
      name: F.email,
      labelKey: F.email,
      placeholder: 'emailPlaceholder',
      hint: 'emailHint',
      required: true,
      maxLength: limits.emailMaxChars,
      type: 'email',
      autocomplete: 'email',
    });
  }
  if (customer.nameRequired && !settings.identity) {
    rules.push({ name: F.name, labelKey: F.name, required: true, maxLength: limits.nameMaxChars, autocomplete: 'name' });
  }
  // No departments: the schema has not arrived yet.
  if (departments.length) {
    rules.push({
      name: F.department,
      labelKey: F.department,
      required: true,
      options: choices(departments),
      hidden:
        departments.length === 1 || (settings.departmentLocked && departments.some((d) => d.id === settings.department)),
    });
  }
  if (department?.categories.length) {
    rules.push({ name: F.category, labelKey: F.category, required: department.categoryRequired, options: choices(department.categories) });
  }
  rules.push(
    { name: F.title, labelKey: F.title, placeholder: 'titlePlaceholder', required: true, maxLength: limits.titleMaxChars, counter: true },
    {
      name: F.message,
      labelKey: F.message,
      placeholder: 'messagePlaceholder',
      required: true,
      maxLength: limits.messageMaxChars,
      counter: true,
      message: true,
      type: 'textarea',
    },
  );
  for (const field of department?.fields ?? []) {
    if (!customFieldApplies(field, category)) continue;
    // The field's own label, help, type, options and bounds carry over as they are.
    rules.push({
      ...field,
      name: customFieldName(field.id),
      maxLength: Math.min(field.maxLength ?? limits.customFieldMaxChars, limits.customFieldMaxChars),
      counter: (field.type === 'text' || field.type === 'textarea') && field.maxLength !== undefined,
    });
  }
  rules.push({
    name: F.priority,
    labelKey: F.priority,
    required: true,
    options: schema.priorities.map((p) => ({ value: String(p), labelKey: priorityKey(p) })),
    filled: true,
  });
  return rules;
}
