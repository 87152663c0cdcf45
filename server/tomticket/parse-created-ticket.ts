/** What a `criar_chamado`, `chamado` or listing answer says about a ticket, when it says anything. */
export interface TicketReference {
  id?: string;
  protocol?: number;
}

/**
 * The ticket id and protocol from an answer, looked for at the top level and under `data`. The id
 * is `id_chamado` in one integration and `idchamado` in the detail and listing calls [doc]; the
 * detail's `data.id` is taken last. `protocolo` is typed String in the docs and seen as a number
 * in code: both are read. Neither is documented for creation, so both are optional.
 */
export function parseCreatedTicket(body: Record<string, unknown>): TicketReference {
  const data = typeof body.data === 'object' && body.data !== null && !Array.isArray(body.data) ? (body.data as Record<string, unknown>) : {};
  const id = parseId(body.id_chamado) ?? parseId(body.idchamado) ?? parseId(data.id_chamado) ?? parseId(data.idchamado) ?? parseId(data.id);
  const protocol = parseProtocol(body.protocolo) ?? parseProtocol(data.protocolo);
  return { ...(id !== undefined ? { id } : {}), ...(protocol !== undefined ? { protocol } : {}) };
}

/** An id as text: ids come as hashes or numbers. */
export function parseId(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return undefined;
}

/** A protocol number, given as a whole number or as its digits in a string. */
export function parseProtocol(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) && number >= 0 ? number : undefined;
}
