import { parseId, parseProtocol } from './parse-created-ticket.ts';

/** One ticket of a listing page, as much of it as the lookup reads. */
export interface ListedTicket {
  id?: string;
  protocol?: number;
  title: string;
  message: string;
  /** `data_criacao` read as if it were UTC (TomTicket gives no zone): only for coarse comparisons. */
  createdAt?: Date;
}

const CREATION_TIME = /^(\d{2})\/(\d{2})\/(\d{4})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * The tickets of a `chamados` answer (`data: [{ idchamado, protocolo, titulo, mensagem,
 * data_criacao, … }]`), or undefined when `data` is not a list. Entries that are not objects are
 * skipped; missing text reads as empty.
 */
export function parseTicketListing(body: Record<string, unknown>): ListedTicket[] | undefined {
  if (!Array.isArray(body.data)) return undefined;
  const tickets: ListedTicket[] = [];
  for (const entry of body.data) {
    if (typeof entry !== 'object' || entry === null) continue;
    const item = entry as Record<string, unknown>;
    const id = parseId(item.idchamado) ?? parseId(item.id_chamado) ?? parseId(item.id);
    const protocol = parseProtocol(item.protocolo);
    const createdAt = parseCreationTime(item.data_criacao);
    tickets.push({
      ...(id !== undefined ? { id } : {}),
      ...(protocol !== undefined ? { protocol } : {}),
      title: typeof item.titulo === 'string' ? item.titulo : '',
      message: typeof item.mensagem === 'string' ? item.mensagem : '',
      ...(createdAt ? { createdAt } : {}),
    });
  }
  return tickets;
}

/** `dd/mm/yyyy hh:mm` (seen in public code), also ISO; undefined when it is neither. */
function parseCreationTime(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const match = CREATION_TIME.exec(value.trim());
  const time = match
    ? Date.UTC(Number(match[3]), Number(match[2]) - 1, Number(match[1]), Number(match[4] ?? 0), Number(match[5] ?? 0), Number(match[6] ?? 0))
    : Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time);
}
