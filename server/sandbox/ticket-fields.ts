import type { FakeTicket, FakeVariants } from './types.ts';

// TomTicket is a Brazilian service: its dates read as Brasília time (UTC−3, no summer time since 2019).
const BRASILIA_OFFSET_MS = -3 * 60 * 60 * 1000;

/** A ticket's `protocolo` as the variant types it: a number, or a string under 'idchamado'. */
export function fakeProtocol(ticket: FakeTicket, variants: FakeVariants): number | string {
  return variants.ticketIds === 'idchamado' ? String(ticket.protocol) : ticket.protocol;
}

/** `data_criacao` as public code shows it: `dd/mm/yyyy hh:mm`, Brasília time. */
export function formatCreationTime(date: Date): string {
  const local = new Date(date.getTime() + BRASILIA_OFFSET_MS);
  const two = (value: number) => String(value).padStart(2, '0');
  return `${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()} ${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`;
}
