import { buildFormSchema } from '../schema/build-form-schema.ts';
import { widgetTypeOf } from '../schema/map-custom-field-type.ts';
import type { FormConfigFile } from '../schema/types.ts';
import type { UpstreamCustomField, UpstreamDepartment } from '../tomticket/types.ts';
import type { Step } from './step.ts';

/**
 * API 2.0: every custom field the account describes, per department, with the widget type it is
 * drawn as (TomTicket's type mapped, or FORM_CONFIG's), where TomTicket asks it, and why one is left
 * out. Fails when a field TomTicket requires is left out of a department the form offers: tickets
 * it applies to may be refused.
 */
export function customFieldsStep(departments: readonly UpstreamDepartment[], config: FormConfigFile): Step {
  let mandatoryMissing = 0;
  const schema = buildFormSchema(departments, config, (_message, details) => {
    if (details.mandatoryNotShown === true) mandatoryMissing++;
  });
  const details: string[] = [];
  let found = 0;
  let drawn = 0;
  for (const department of departments) {
    const offered = schema.departments.find((candidate) => candidate.id === department.id);
    const entry = config.departments?.find((candidate) => candidate.id === department.id);
    details.push(`${department.name}  id ${department.id}${offered ? '' : '  (not offered by the form)'}`);
    const fields = accountFields(department);
    if (fields.length === 0) details.push('  (no custom fields)');
    for (const { field, askedIn } of fields) {
      found++;
      const shown = offered?.fields.find((candidate) => candidate.id === field.id);
      const override = entry?.fields?.find((candidate) => candidate.id === field.id);
      const head = `  · ${field.label}  id ${field.id}  TomTicket type ${field.type || '(none)'}${field.required ? ', required' : ''}, asked ${askedIn}`;
      if (shown) {
        drawn++;
        details.push(`${head} → ${shown.type}${override?.type ? ' (type from FORM_CONFIG)' : ''}`);
      } else details.push(`${head} → left out: ${whyLeftOut(field, offered !== undefined, override)}`);
    }
  }
  const title = `Custom fields: ${found} described by the account, ${drawn} shown by the form, with the widget type each is drawn as:`;
  if (mandatoryMissing > 0) {
    return {
      ok: false,
      title,
      details,
      fix: 'A field TomTicket requires is left out of a department the form offers, so TomTicket may refuse its tickets: give it a "type" in FORM_CONFIG (text, textarea, number, email, date, select, checkbox), or stop hiding it, or make it optional in TomTicket.',
    };
  }
  return { ok: true, title, details };
}

/** A department's fields, each once (the no-category ones first, then each category's), with where TomTicket asks it in words. */
function accountFields(department: UpstreamDepartment): Array<{ field: UpstreamCustomField; askedIn: string }> {
  const fields = department.customFields;
  if (!fields) return [];
  const all = new Map<string, UpstreamCustomField>();
  for (const field of [...fields.noCategory, ...department.categories.flatMap((category) => fields.byCategory[category.id] ?? [])]) {
    if (!all.has(field.id)) all.set(field.id, field);
  }
  return [...all.values()].map((field) => {
    const withoutCategory = fields.noCategory.some((candidate) => candidate.id === field.id);
    const inCategories = department.categories.filter((category) => (fields.byCategory[category.id] ?? []).some((candidate) => candidate.id === field.id));
    if (department.categories.length > 0 && inCategories.length === department.categories.length) {
      return { field, askedIn: `in every category${withoutCategory ? ' and without one' : ''}` };
    }
    const places = [...(withoutCategory ? ['without a category'] : []), ...inCategories.map((category) => `in ${category.name}`)];
    return { field, askedIn: places.join(', ') };
  });
}

function whyLeftOut(field: UpstreamCustomField, departmentOffered: boolean, override: { hidden?: boolean; type?: string } | undefined): string {
  if (!departmentOffered) return 'the form does not offer this department';
  if (!field.askedAtOpening) return 'TomTicket does not ask it when a ticket is opened';
  if (override?.hidden) return 'hidden in FORM_CONFIG';
  if (!override?.type && widgetTypeOf(field) === undefined) {
    return field.type === '3' ? 'a list without options' : `the widget cannot draw TomTicket type ${field.type || '(none)'} (give it a "type" in FORM_CONFIG to show it)`;
  }
  return 'by FORM_CONFIG (onlyListedFields, its categories or options)';
}
