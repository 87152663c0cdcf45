import type { FakeExchange } from './fake-exchange.ts';
import { FAKE_MESSAGES } from './fake-messages.ts';
import { fakeProtocol, formatCreationTime } from './ticket-fields.ts';

/**
 * `GET /chamado/{token}/{id_chamado}`: the ticket with its `protocolo` (a number, or a string under
 * the 'idchamado' variant). Only `protocolo` and `titulo` are known from public code; the other
 * keys are our guess of the same style.
 */
export function handleTicketDetail(exchange: FakeExchange): void {
  const { account, reply, variants } = exchange;
  const id = exchange.params[0];
  const ticket = id === undefined ? undefined : account.findTicket(id);
  if (!ticket) return reply.refuse('not_found', FAKE_MESSAGES.ticketNotFound);
  const department = account.findDepartment(ticket.departmentId);
  const category = department?.categories.find((candidate) => candidate.id === ticket.categoryId);
  reply.json(200, {
    erro: false,
    mensagem: FAKE_MESSAGES.ticketFound,
    data: {
      id: ticket.id,
      ...(variants.ticketIds === 'idchamado' ? { idchamado: ticket.id } : {}),
      protocolo: fakeProtocol(ticket, variants),
      titulo: ticket.title,
      mensagem: ticket.message,
      prioridade: ticket.priority,
      id_departamento: ticket.departmentId,
      departamento: department?.name ?? null,
      id_tipoassunto: ticket.categoryId ?? null,
      tipoassunto: category?.name ?? null,
      cliente: { id: ticket.customerId, email: ticket.customerEmail },
      campos: ticket.customFields,
      anexos: ticket.attachments.map((attachment) => ({ nome: attachment.fileName, tamanho: attachment.size })),
      data_criacao: formatCreationTime(ticket.createdAt),
    },
  });
}
