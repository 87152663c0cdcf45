import { unlink } from 'node:fs/promises';
import { LIMITS } from '../../contract/index.ts';
import type { FakeExchange } from './fake-exchange.ts';
import { FAKE_MESSAGES } from './fake-messages.ts';
import { decodeSegment } from './fake-route.ts';
import { readFormBody } from './read-form-body.ts';
import { isAttachmentFieldName, validateTicketForm } from './validate-ticket-form.ts';

/** `POST /criar_chamado/{token}/{identificador_cliente}`: stores a ticket or refuses in TomTicket's words. */
export async function handleCreateTicket(exchange: FakeExchange): Promise<void> {
  const { reply } = exchange;
  const body = await readFormBody(exchange.request, {
    storageDir: exchange.storageDir,
    maxBytes: LIMITS.requestMaxBytes,
    acceptsFile: isAttachmentFieldName,
  });
  if (!body.ok) return reply.json(body.refusal.status, { erro: true, mensagem: body.refusal.message });

  const identifier = decodeSegment(exchange.params[0] ?? '');
  const result = exchange.rejection
    ? { ok: false as const, mensagem: exchange.rejection }
    : validateTicketForm(body.form, identifier, exchange.account);
  if (!result.ok) {
    await Promise.all(body.form.files.map((file) => unlink(file.path).catch(() => undefined)));
    return reply.json(200, { erro: true, mensagem: result.mensagem });
  }
  const ticket = exchange.account.addTicket({ ...result.draft, requestBytes: body.form.bytes });
  reply.json(200, { erro: false, mensagem: FAKE_MESSAGES.ticketCreated, id_chamado: ticket.id });
}
