import { isTrue } from '../customer-addressing.ts';
import type { UpstreamCustomField } from '../types.ts';
import { parseV2Named } from './parse-v2-named.ts';

// Where a list of fields may sit inside an object (docs/tomticket-api-v2.md §7: "a nested list of
// campos personalizados usados em chamados externos", read as `data.ticket` by one script).
const LIST_KEYS = ['ticket', 'tickets', 'custom_fields', 'fields'] as const;

/**
 * The custom fields in a custom-field list as API 2.0 gives it, whatever its nesting: an array of
 * fields, an object whose `ticket` / `tickets` key (or whose only array) holds them, or an array
 * of such objects. Fields are deduplicated by id (the same field shows under many categories).
 * Undefined when no list can be found at all.
 */
export function parseV2CustomFields(value: unknown): UpstreamCustomField[] | undefined {
  const items = fieldItems(value);
  if (items === undefined) return undefined;
  const byId = new Map<string, UpstreamCustomField>();
  for (const item of items) {
    const field = parseField(item);
    if (field && !byId.has(field.id)) byId.set(field.id, field);
  }
  return [...byId.values()];
}

/** The raw field items of a list, or undefined when `value` holds none in any known shape. */
function fieldItems(value: unknown, depth = 0): unknown[] | undefined {
  if (depth > 3) return undefined;
  if (Array.isArray(value)) {
    // An array of containers of fields (`[{ ticket: [...] }]`), or of fields.
    if (value.length > 0 && value.every(isContainer)) return value.flatMap((entry) => fieldItems(entry, depth + 1) ?? []);
    return value;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const object = value as Record<string, unknown>;
  const key = LIST_KEYS.find((candidate) => object[candidate] !== undefined);
  if (key) return fieldItems(object[key], depth + 1);
  const arrays = Object.values(object).filter(Array.isArray);
  return arrays.length === 1 ? fieldItems(arrays[0], depth + 1) : undefined;
}

/** An object holding a list of fields under a known key, rather than being a field itself. */
function isContainer(entry: unknown): boolean {
  if (typeof entry !== 'object' || entry === null) return false;
  const object = entry as Record<string, unknown>;
  return !('id' in object) && LIST_KEYS.some((key) => Array.isArray(object[key]));
}

/** One field item: `id`, `label` (else `name`), `type`, `mandatory` (else `required`), `options`, `operation.open`. */
function parseField(entry: unknown): UpstreamCustomField | undefined {
  if (typeof entry !== 'object' || entry === null) return undefined;
  const item = entry as Record<string, unknown>;
  const named = parseV2Named({ id: item.id ?? item.field_id, name: item.label ?? item.name ?? item.title });
  if (!named) return undefined;
  const type = typeof item.type === 'number' || typeof item.type === 'string' ? String(item.type).trim() : '';
  const operation = typeof item.operation === 'object' && item.operation !== null ? (item.operation as Record<string, unknown>) : {};
  return {
    id: named.id,
    label: named.name,
    type,
    required: isTrue(item.mandatory ?? item.required),
    options: Array.isArray(item.options) ? item.options.map(optionText).filter((text) => text !== '') : [],
    askedAtOpening: !(operation.open === false || operation.open === 0 || operation.open === '0'),
  };
}

/** An option's text: a string as it is, or the `value` / `label` / `name` / `id` of an object. */
function optionText(option: unknown): string {
  if (typeof option === 'string') return option.trim();
  if (typeof option === 'number') return String(option);
  if (typeof option !== 'object' || option === null) return '';
  const { value, label, name, id } = option as Record<string, unknown>;
  const text = [value, label, name, id].find((candidate) => typeof candidate === 'string' && candidate.trim() !== '');
  return typeof text === 'string' ? text.trim() : '';
}
