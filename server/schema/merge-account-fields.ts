import { LIMITS, type CustomField, type CustomFieldType, type FieldOption } from '../../contract/index.ts';
import type { UpstreamCustomField, UpstreamCustomFields } from '../tomticket/types.ts';
import { scopeAccountFields, type ScopedAccountField } from './account-field-scope.ts';
import { widgetTypeOf } from './map-custom-field-type.ts';
import type { FormConfigDepartment, FormConfigField } from './types.ts';

/** Reports something the site owner should know about the form (logged, and shown by the doctor). */
export type SchemaWarning = (message: string, details: Record<string, unknown>) => void;

/**
 * What a warning is about, in its details' `cause`: what the account describes (a type the widget
 * cannot draw), or what FORM_CONFIG asks for. Warnings without one are about FORM_CONFIG.
 */
export type WarningCause = 'account' | 'form_config';

const TEXT_LIKE: readonly CustomFieldType[] = ['text', 'textarea', 'email'];

/**
 * A department's custom fields on API 2.0: the ones the account describes, in TomTicket's order,
 * each mapped onto a widget type and scoped to the categories TomTicket binds it to, with the
 * site owner's FORM_CONFIG entries laid over them (README "The form configuration file"):
 * - fields listed in FORM_CONFIG come first, in its order; the others follow in TomTicket's,
 *   unless `onlyListedFields`; `hidden: true` leaves one out;
 * - `label`, `help`, `type`, `options` (relabel, reorder or narrow TomTicket's), `maxLength`,
 *   `min`/`max` replace TomTicket's; `required: true` makes an optional field required (a field
 *   TomTicket requires stays required); `categories` narrows where it is asked;
 * - a field whose type the widget cannot draw is left out unless FORM_CONFIG gives it a `type`;
 * - a configured id the account does not ask in this department is left out.
 * Every field left out, and every required field the form does not show, is reported.
 */
export function mergeAccountFields(
  departmentId: string,
  accountFields: UpstreamCustomFields,
  entry: FormConfigDepartment | undefined,
  offeredCategories: readonly string[],
  categoryRequired: boolean,
  warn: SchemaWarning,
): CustomField[] {
  const scoped = scopeAccountFields(accountFields, offeredCategories, categoryRequired).filter((item) => item.field.askedAtOpening);
  const byId = new Map(scoped.map((item) => [item.field.id, item]));
  const overrides = new Map<string, FormConfigField>();
  for (const override of entry?.fields ?? []) {
    if (byId.has(override.id)) overrides.set(override.id, override);
    else warn('configured custom field is not asked by TomTicket in this department (in the categories the form offers); left out', { departmentId, fieldId: override.id, cause: 'form_config' });
  }
  const listed = [...overrides.keys()].map((id) => byId.get(id) as ScopedAccountField);
  const rest = entry?.onlyListedFields ? [] : scoped.filter((item) => !overrides.has(item.field.id));
  for (const item of entry?.onlyListedFields ? scoped.filter((candidate) => !overrides.has(candidate.field.id)) : []) {
    notShown(item.field, departmentId, 'not listed while onlyListedFields is true', 'form_config', warn);
  }

  const fields: CustomField[] = [];
  for (const item of [...listed, ...rest]) {
    const field = toCustomField(item, overrides.get(item.field.id), departmentId, warn);
    if (field) fields.push(field);
  }
  return fields;
}

function toCustomField(item: ScopedAccountField, override: FormConfigField | undefined, departmentId: string, warn: SchemaWarning): CustomField | undefined {
  const { field } = item;
  const where = { departmentId, fieldId: field.id, label: field.label, cause: 'form_config' };
  if (override?.hidden) {
    notShown(field, departmentId, 'hidden in FORM_CONFIG', 'form_config', warn);
    return undefined;
  }
  const type = override?.type ?? widgetTypeOf(field);
  if (type === undefined) {
    warn('the form cannot draw this custom field’s type; left out (give it a "type" in FORM_CONFIG to show it)', { ...where, type: field.type || null, cause: 'account' });
    notShown(field, departmentId, 'its type cannot be drawn', 'account', warn);
    return undefined;
  }
  if (override?.required === false && field.required) warn('custom field is mandatory in TomTicket; it stays required', where);
  const categories = narrowed(item.categories, override?.categories);
  if (categories !== undefined && categories.length === 0) {
    warn('configured categories of the custom field are none TomTicket asks it in; left out', { ...where, categories: override?.categories });
    notShown(field, departmentId, 'no category left', 'form_config', warn);
    return undefined;
  }
  let options: FieldOption[] | undefined;
  if (type === 'select') {
    options = optionsOf(field, override?.options, where, warn);
    if (options.length === 0) {
      warn('custom field has no option left to choose; left out', where);
      notShown(field, departmentId, 'no option left', 'form_config', warn);
      return undefined;
    }
  }
  const maxLength = TEXT_LIKE.includes(type) ? override?.maxLength : undefined;
  return {
    id: field.id,
    label: override?.label ?? field.label,
    type,
    required: field.required || override?.required === true,
    ...(override?.help !== undefined ? { help: override.help } : {}),
    ...(options ? { options } : {}),
    ...(maxLength !== undefined ? { maxLength: Math.min(maxLength, LIMITS.customFieldMaxChars) } : {}),
    ...(type === 'number' && override?.min !== undefined ? { min: override.min } : {}),
    ...(type === 'number' && override?.max !== undefined ? { max: override.max } : {}),
    ...(categories ? { categories } : {}),
  };
}

/** Where a field is asked: TomTicket's scope, narrowed to the configured categories when there are some. */
function narrowed(scope: string[] | undefined, configured: readonly string[] | undefined): string[] | undefined {
  if (!configured) return scope;
  return scope ? scope.filter((id) => configured.includes(id)) : [...configured];
}

/**
 * A list field's choices: TomTicket's option texts (each is the value sent), or the configured
 * ones, which relabel, reorder and narrow them. A configured value TomTicket does not have is
 * left out; a field whose type the account did not give as a list takes the configured ones as they are.
 */
function optionsOf(field: UpstreamCustomField, configured: readonly FieldOption[] | undefined, where: Record<string, unknown>, warn: SchemaWarning): FieldOption[] {
  if (!configured) return field.options.map((text) => ({ value: text, label: text }));
  if (field.options.length === 0) return configured.map((option) => ({ ...option }));
  const known = new Set(field.options);
  return configured.filter((option) => {
    if (known.has(option.value)) return true;
    warn('configured option is not one of the TomTicket field’s; left out', { ...where, value: option.value });
    return false;
  });
}

/** A field TomTicket requires that the form will not show: tickets it applies to may be refused. */
function notShown(field: UpstreamCustomField, departmentId: string, why: string, cause: WarningCause, warn: SchemaWarning): void {
  if (!field.required) return;
  warn(`custom field is mandatory in TomTicket but the form does not show it (${why}): TomTicket may refuse tickets it applies to`, {
    departmentId,
    fieldId: field.id,
    label: field.label,
    cause,
    mandatoryNotShown: true,
  });
}
