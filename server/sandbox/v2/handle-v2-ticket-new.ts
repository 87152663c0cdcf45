import { unlink } from 'node:fs/promises';
import { LIMITS } from '../../../contract/index.ts';
import { readFormBody } from '../read-form-body.ts';
import type { FakeV2Exchange } from './fake-v2-exchange.ts';
import { FAKE_V2_MESSAGES } from './fake-v2-messages.ts';
import { replyToBodyRefusal } from './reply-to-body-refusal.ts';
import { attachmentNameTest, validateV2TicketForm } from './validate-v2-ticket-form.ts';

/**
 * `POST /v2.0/ticket/new` (form-data or urlencoded, at most 25 files and 25 MB): stores the
 * ticket or refuses in the envelope. The new ticket's id and protocol come back where the
 * 'createdTicket' variant puts them.
 */
export async function handleV2TicketNew(exchange: FakeV2Exchange): Promise<void> {
  const { reply } = exchange;
  const isAttachmentName = attachmentNameTest(exchange.attachmentField);
  const body = await readFormBody(exchange.request, {
    storageDir: exchange.storageDir,
    maxBytes: LIMITS.requestMaxBytes,
    acceptsFile: isAttachmentName,
    messages: FAKE_V2_MESSAGES,
  });
  if (!body.ok) return replyToBodyRefusal(reply, body.refusal);
  const result = exchange.rejection
    ? { ok: false as const, reason: 'invalid' as const, message: exchange.rejection }
    : validateV2TicketForm(body.form, exchange.account, isAttachmentName, exchange.variants.lengthUnit);
  if (!result.ok) {
    await Promise.all(body.form.files.map((file) => unlink(file.path).catch(() => undefined)));
    return reply.refuse(result.reason, result.message);
  }
  const ticket = exchange.account.addTicket({
    ...result.draft,
    requestBytes: body.form.bytes,
    api: 'v2',
    ...(Object.keys(result.dropped).length > 0 ? { droppedCustomFields: result.dropped } : {}),
  });
  switch (exchange.v2.createdTicket) {
    case 'root':
      return reply.ok({ ticket_id: ticket.id, protocol: ticket.protocol }, FAKE_V2_MESSAGES.ticketCreated);
    case 'data':
      return reply.ok({ data: { id: ticket.id, protocol: String(ticket.protocol) } }, FAKE_V2_MESSAGES.ticketCreated);
    case 'none':
      return reply.ok({}, FAKE_V2_MESSAGES.ticketCreated);
  }
}
