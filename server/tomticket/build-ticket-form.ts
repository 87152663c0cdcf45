import { openAsBlob } from 'node:fs';
import { FormData } from 'undici';
import type { TicketToCreate } from './types.ts';

/**
 * The multipart body of `criar_chamado` in TomTicket's field names, as undici's own FormData (the
 * class its `request` encodes; Node's global FormData would go out as the text "[object FormData]").
 * Attachments are disk-backed blobs (`openAsBlob`), read lazily while the body is sent, so a 25 MB
 * upload is never in memory and the request carries an exact Content-Length. The message goes as
 * it is stored: already formatted (see contract/sent-text.ts). Build a fresh form per attempt: a
 * retry must not depend on a consumed body.
 */
export async function buildTicketForm(ticket: TicketToCreate): Promise<FormData> {
  const form = new FormData();
  form.append('id_departamento', ticket.departmentId);
  form.append('titulo', ticket.title);
  form.append('mensagem', ticket.message);
  form.append('prioridade', String(ticket.priority));
  if (ticket.categoryId) form.append('id_tipoassunto', ticket.categoryId);
  for (const [id, value] of Object.entries(ticket.customFields)) form.append(`campos[${id}]`, value);
  form.append('tipo_identificador', 'E');
  // Indexed names, as working integrations send them; `anexos[]` is what an HTML form would use.
  for (const [index, attachment] of ticket.attachments.entries()) {
    const blob = await openAsBlob(attachment.path, { type: attachment.type });
    form.append(`anexos[${index}]`, new File([blob], attachment.fileName, { type: attachment.type }));
  }
  return form;
}
