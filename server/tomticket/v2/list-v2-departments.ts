import type { UpstreamOutcome, UpstreamRequest } from '../call-upstream.ts';
import type { DepartmentsOutcome } from '../dialect.ts';
import type { UpstreamCustomField, UpstreamCustomFields, UpstreamDepartment } from '../types.ts';
import { parseV2CustomFields } from './parse-v2-custom-fields.ts';
import { parseV2Named } from './parse-v2-named.ts';

type Call = (request: UpstreamRequest) => Promise<UpstreamOutcome>;
type Step<T> = { ok: true; value: T } | { ok: false; outcome: DepartmentsOutcome };

/**
 * The departments with their categories and custom fields, in as few calls as the account allows
 * (docs/tomticket-api-v2.md §6–7). `department/list?show_nested_items=1` usually carries it all in
 * one call: each department's `categories` (each with its `custom_fields`) and its
 * `general_custom_fields.tickets` (the fields asked when no category is chosen) [code, live].
 * What a department's entry leaves out is asked for: its categories from
 * `department/category/list`, its fields from `custom_field/department/list` without a category
 * and then per category [doc]. Any call failing fails the whole listing, so a form is never built
 * from half of what the account says (the last good listing is served meanwhile).
 */
export async function listV2Departments(call: Call): Promise<DepartmentsOutcome> {
  const listing = await call({ endpoint: 'department/list', method: 'GET', query: { show_nested_items: '1' } });
  if (listing.kind !== 'answer') return { kind: 'failed', outcome: listing, call: 'department/list' };
  if (!Array.isArray(listing.body.data)) return { kind: 'malformed', detail: 'department/list answered without a data list' };
  const departments: UpstreamDepartment[] = [];
  for (const entry of listing.body.data) {
    const named = parseV2Named(entry);
    if (!named) continue;
    const item = entry as Record<string, unknown>;
    const categoryItems = Array.isArray(item.categories) ? { ok: true as const, value: item.categories as unknown[] } : await listCategories(call, named.id);
    if (!categoryItems.ok) return categoryItems.outcome;
    const categories = categoryItems.value.map(parseV2Named).filter((category) => category !== undefined);
    const fields = nestedFields(item, categoryItems.value) ?? (await listFields(call, named.id, categories));
    if (!fields.ok) return fields.outcome;
    departments.push({ ...named, categories, customFields: fields.value });
  }
  return { kind: 'listed', departments };
}

async function listCategories(call: Call, departmentId: string): Promise<Step<unknown[]>> {
  const answer = await call({ endpoint: 'department/category/list', method: 'GET', query: { department_id: departmentId } });
  const list = readList(answer, 'department/category/list');
  if (!list.ok) return list;
  return Array.isArray(list.value) ? { ok: true, value: list.value } : malformed('department/category/list answered without a data list');
}

/** The fields a department's nested listing carries, when it carries them for the department and every category. */
function nestedFields(item: Record<string, unknown>, categoryItems: readonly unknown[]): Step<UpstreamCustomFields> | undefined {
  if (item.general_custom_fields === undefined) return undefined;
  const noCategory = parseV2CustomFields(item.general_custom_fields ?? []);
  if (!noCategory) return undefined;
  const byCategory: Record<string, UpstreamCustomField[]> = {};
  for (const categoryItem of categoryItems) {
    const category = parseV2Named(categoryItem);
    if (!category) continue;
    const fields = parseV2CustomFields((categoryItem as Record<string, unknown>).custom_fields);
    if (!fields) return undefined;
    byCategory[category.id] = fields;
  }
  return { ok: true, value: { noCategory, byCategory } };
}

/** The documented way: `custom_field/department/list` without a category (the no-category fields), then once per category. */
async function listFields(call: Call, departmentId: string, categories: ReadonlyArray<{ id: string }>): Promise<Step<UpstreamCustomFields>> {
  const noCategory = await fieldsOf(call, { department_id: departmentId });
  if (!noCategory.ok) return noCategory;
  const byCategory: Record<string, UpstreamCustomField[]> = {};
  for (const category of categories) {
    const fields = await fieldsOf(call, { department_id: departmentId, category_id: category.id });
    if (!fields.ok) return fields;
    byCategory[category.id] = fields.value;
  }
  return { ok: true, value: { noCategory: noCategory.value, byCategory } };
}

async function fieldsOf(call: Call, query: Record<string, string>): Promise<Step<UpstreamCustomField[]>> {
  const answer = await call({ endpoint: 'custom_field/department/list', method: 'GET', query });
  const list = readList(answer, 'custom_field/department/list');
  if (!list.ok) return list;
  const fields = parseV2CustomFields(list.value);
  return fields ? { ok: true, value: fields } : malformed('custom_field/department/list answered a list the server cannot read');
}

/**
 * The `data` of a listing's answer. A 404 in TomTicket's envelope is an empty list (a department
 * with nothing of that kind), `data: null` too; any other failure fails the listing.
 */
function readList(answer: UpstreamOutcome, call: string): Step<unknown> {
  if (answer.kind === 'refused' && answer.status === 404) return { ok: true, value: [] };
  if (answer.kind !== 'answer') return { ok: false, outcome: { kind: 'failed', outcome: answer, call } };
  return { ok: true, value: answer.body.data ?? [] };
}

function malformed<T>(detail: string): Step<T> {
  return { ok: false, outcome: { kind: 'malformed', detail } };
}
