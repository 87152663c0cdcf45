import type { FakeAccount } from '../fake-account.ts';
import type { FakeTicket } from '../types.ts';

// TomTicket is a Brazilian service: its v2 dates carry Brasília's offset, e.g. `2026-02-03 14:18:49-03:00`.
const BRASILIA_OFFSET_MS = -3 * 60 * 60 * 1000;

/** `creation_date` as a real API 2.0 answer shows it: local Brasília time with its `-03:00` offset. */
export function formatV2Time(date: Date): string {
  const local = new Date(date.getTime() + BRASILIA_OFFSET_MS).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 19)}-03:00`;
}

/**
 * A ticket as API 2.0's `ticket/list` and `ticket/detail` show it, in the shape of a real listing
 * answer (docs/tomticket-api-v2.md §5): the hash `id`, the integer `protocol`, `subject`, the
 * message as HTML, the customer, department, category and situation.
 */
export function v2TicketItem(ticket: FakeTicket, account: FakeAccount): Record<string, unknown> {
  const department = account.findDepartment(ticket.departmentId);
  const category = department?.categories.find((candidate) => candidate.id === ticket.categoryId);
  return {
    id: ticket.id,
    protocol: ticket.protocol,
    subject: ticket.title,
    message: ticket.message,
    mimetype: 'text/html',
    customer: { name: account.findCustomer(ticket.customerId, 'I')?.name ?? null, email: ticket.customerEmail, internal_id: ticket.customerId, organization: null },
    priority: ticket.priority,
    ticket_type: 'Externo',
    creation_date: formatV2Time(ticket.createdAt),
    first_reply_date: null,
    end_date: null,
    situation: { id: 0, apply_date: formatV2Time(ticket.createdAt), description: 'Aguardando atendimento' },
    category: category ? { id: category.id, name: category.name } : null,
    department: department ? { id: department.id, name: department.name } : null,
    operator: null,
    custom_fields: Object.entries(ticket.customFields).map(([field_id, value]) => ({ field_id, value })),
    attachments: ticket.attachments.map((attachment) => ({ name: attachment.fileName, size: attachment.size })),
  };
}
