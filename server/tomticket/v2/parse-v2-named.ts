/**
 * `{ id, name }` of a department or category item, read as integrations read API 2.0's listings
 * (docs/tomticket-api-v2.md §6): the id as text (a hash or a number; `department_id` and
 * `category_id` as fallbacks), the name from `name`, else `title`, `description` or `nome`,
 * else the id. Undefined without an id.
 */
export function parseV2Named(entry: unknown): { id: string; name: string } | undefined {
  if (typeof entry !== 'object' || entry === null) return undefined;
  const item = entry as Record<string, unknown>;
  const id = [item.id, item.department_id, item.category_id].map(idText).find((text) => text !== '') ?? '';
  if (id === '') return undefined;
  const name = [item.name, item.title, item.description, item.nome].find((value): value is string => typeof value === 'string' && value.trim() !== '');
  return { id, name: name?.trim() ?? id };
}

function idText(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' ? value.trim() : '';
}
