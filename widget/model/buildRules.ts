import { customFieldName, SUBMISSION_FIELDS as F } from '../../contract/index.ts';
import type { CustomField, CustomFieldType, Department, FormSchema } from '../../contract/index.ts';

/** What one shown form field must satisfy, named by its multipart name (`title`, `fields[abc]`). */
export interface Rule {
  name: string;
  required: boolean;
  /** Most characters (code points). */
  max?: number;
  type?: CustomFieldType;
  /** The only values accepted (select-like fields). */
  options?: string[];
  /** Inclusive bounds of a number field. */
  min?: number;
  top?: number;
}

/**
 * The rules of every field the form shows and sends, in form order, with the server's limits:
 * the rule list is also the list of text entries a submission carries.
 */
export function buildRules(schema: FormSchema, department: Department | undefined, fields: CustomField[]): Rule[] {
  const limits = schema.limits;
  const rules: Rule[] = [];
  if (schema.customer.emailRequired) {
    rules.push({ name: F.email, required: true, max: limits.emailMaxChars, type: 'email' });
  }
  if (schema.customer.nameRequired) rules.push({ name: F.name, required: true, max: limits.nameMaxChars });
  rules.push({ name: F.department, required: true, options: schema.departments.map((d) => d.id) });
  if (department?.categories.length) {
    rules.push({
      name: F.category,
      required: department.categoryRequired,
      options: department.categories.map((c) => c.id),
    });
  }
  rules.push(
    { name: F.title, required: true, max: limits.titleMaxChars },
    { name: F.message, required: true, max: limits.messageMaxChars },
  );
  for (const field of fields) {
    rules.push({
      name: customFieldName(field.id),
      required: field.required,
      max: Math.min(field.maxLength ?? limits.customFieldMaxChars, limits.customFieldMaxChars),
      type: field.type,
      options: field.options?.map((o) => o.value),
      min: field.min,
      top: field.max,
    });
  }
  rules.push({ name: F.priority, required: true, options: schema.priorities.map(String) });
  return rules;
}
