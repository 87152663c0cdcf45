/** What a `criar_chamado` or `chamado` answer says about a ticket, when it says anything. */
export interface TicketReference {
  id?: string;
  protocol?: number;
}

/**
 * The ticket id (`id_chamado`) and protocol (`protocolo`, an integer) from an answer, looked
 * for at the top level and under `data`. Neither is documented for creation, so both are optional.
 */
export function parseCreatedTicket(body: Record<string, unknown>): TicketReference {
  const data = typeof body.data === 'object' && body.data !== null ? (body.data as Record<string, unknown>) : {};
  const id = parseId(body.id_chamado) ?? parseId(data.id_chamado);
  const protocol = parseProtocol(body.protocolo) ?? parseProtocol(data.protocolo);
  return { ...(id !== undefined ? { id } : {}), ...(protocol !== undefined ? { protocol } : {}) };
}

function parseId(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return undefined;
}

function parseProtocol(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) && number >= 0 ? number : undefined;
}
