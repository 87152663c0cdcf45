import type { Priority } from '../../contract/index.ts';
import { htmlToText } from '../tomticket/html-text.ts';
import type { FakeDepartment, FakeTicket } from './types.ts';

/** TomTicket's names of the four priorities. */
export const PRIORITY_NAMES: Record<Priority, string> = { 1: 'Baixa', 2: 'Normal', 3: 'Alta', 4: 'Urgente' };

/** An attachment as the inbox shows it, with the URL that downloads it. */
export interface AttachmentView {
  name: string;
  type: string;
  size: number;
  sha256: string;
  url: string;
}

/** A ticket as the inbox shows it (and `GET /sandbox/tickets.json` returns it). */
export interface TicketView {
  id: string;
  protocol: number;
  title: string;
  /** The message exactly as TomTicket received it (HTML under MESSAGE_FORMAT=html). */
  message: string;
  /** The message as TomTicket shows it to an agent: `<br>` as line breaks, entities decoded. */
  messageText: string;
  priority: number;
  priorityName: string;
  department: { id: string; name: string | null };
  category: { id: string; name: string | null } | null;
  customFields: Record<string, string>;
  customer: { id: string; email: string };
  createdAt: string;
  attachments: AttachmentView[];
  /** The bytes of the body that created it. */
  requestBytes: number;
  /** Which of TomTicket's APIs created it. */
  api: 'legacy' | 'v2';
}

/** The download path of a ticket's attachment `index`. */
export function attachmentUrl(ticketId: string, index: number): string {
  return `/sandbox/attachments/${encodeURIComponent(ticketId)}/${index}`;
}

/** A stored ticket with its department and category names looked up and its downloads linked. */
export function toTicketView(ticket: FakeTicket, departments: readonly FakeDepartment[]): TicketView {
  const department = departments.find((candidate) => candidate.id === ticket.departmentId);
  const categoryName = department?.categories.find((candidate) => candidate.id === ticket.categoryId)?.name;
  return {
    id: ticket.id,
    protocol: ticket.protocol,
    title: ticket.title,
    message: ticket.message,
    messageText: htmlToText(ticket.message.replace(/\r\n/g, '\n')),
    priority: ticket.priority,
    priorityName: PRIORITY_NAMES[ticket.priority as Priority] ?? String(ticket.priority),
    department: { id: ticket.departmentId, name: department?.name ?? null },
    category: ticket.categoryId === undefined ? null : { id: ticket.categoryId, name: categoryName ?? null },
    customFields: { ...ticket.customFields },
    customer: { id: ticket.customerId, email: ticket.customerEmail },
    createdAt: ticket.createdAt.toISOString(),
    requestBytes: ticket.requestBytes,
    api: ticket.api ?? 'legacy',
    attachments: ticket.attachments.map((attachment, index) => ({
      name: attachment.fileName,
      type: attachment.type,
      size: attachment.size,
      sha256: attachment.sha256,
      url: attachmentUrl(ticket.id, index),
    })),
  };
}

/** Every ticket of the fake, newest first. */
export function toTicketViews(tickets: readonly FakeTicket[], departments: readonly FakeDepartment[]): TicketView[] {
  return [...tickets].sort((a, b) => b.protocol - a.protocol).map((ticket) => toTicketView(ticket, departments));
}
