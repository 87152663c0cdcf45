import { unlink } from 'node:fs/promises';
import { LIMITS } from '../../contract/index.ts';
import type { FakeExchange } from './fake-exchange.ts';
import { FAKE_MESSAGES } from './fake-messages.ts';
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

  const result = exchange.rejection
    ? { ok: false as const, reason: 'invalid' as const, mensagem: exchange.rejection }
    : validateTicketForm(body.form, exchange.params[0], exchange.account, exchange.variants.lengthUnit);
  if (!result.ok) {
    await Promise.all(body.form.files.map((file) => unlink(file.path).catch(() => undefined)));
    return reply.refuse(result.reason, result.mensagem);
  }
  const ticket = exchange.account.addTicket({ ...result.draft, requestBytes: body.form.bytes });
  // The id under the key the variant gives it; the protocol only through the detail and listing calls.
  const idKey = exchange.variants.ticketIds === 'idchamado' ? 'idchamado' : 'id_chamado';
  reply.json(200, { erro: false, mensagem: FAKE_MESSAGES.ticketCreated, [idKey]: ticket.id });
}
