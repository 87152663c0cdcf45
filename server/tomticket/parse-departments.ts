import type { UpstreamDepartment } from './types.ts';

/**
 * The departments in a `departamentos` answer (`data: [{ id, nome, online, categorias }]`),
 * in TomTicket's English-named shape. Entries without an id are skipped, a missing name falls
 * back to the id, missing `categorias` mean none. Undefined when `data` is not a list at all.
 */
export function parseDepartments(body: Record<string, unknown>): UpstreamDepartment[] | undefined {
  if (!Array.isArray(body.data)) return undefined;
  const departments: UpstreamDepartment[] = [];
  for (const entry of body.data) {
    const named = parseNamed(entry);
    if (!named) continue;
    const { online, categorias } = entry as { online?: unknown; categorias?: unknown };
    const categories = Array.isArray(categorias)
      ? categorias.map(parseNamed).filter((category) => category !== undefined)
      : [];
    departments.push({ ...named, ...(typeof online === 'boolean' ? { online } : {}), categories });
  }
  return departments;
}

/** `{ id, nome }` → `{ id, name }`; ids may come as numbers. */
function parseNamed(entry: unknown): { id: string; name: string } | undefined {
  if (typeof entry !== 'object' || entry === null) return undefined;
  const { id, nome } = entry as { id?: unknown; nome?: unknown };
  const idText = typeof id === 'string' ? id.trim() : typeof id === 'number' ? String(id) : '';
  if (idText === '') return undefined;
  const name = typeof nome === 'string' && nome.trim() !== '' ? nome.trim() : idText;
  return { id: idText, name };
}
