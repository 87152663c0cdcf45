import { openAsBlob } from 'node:fs';
import { FormData } from 'undici';
import type { TicketToCreate } from '../types.ts';

/** The placeholder in TOMTICKET_ATTACHMENT_FIELD that stands for a file's index (0, 1, …). */
export const ATTACHMENT_INDEX = '{n}';

/**
 * The multipart body of `POST /v2.0/ticket/new` in API 2.0's field names (docs/tomticket-api-v2.md
 * §4): the customer by e-mail (`customer_id_type=E`, this endpoint's spelling), one
 * `custom_field[<id>]` key per field, and the files under `attachmentField` with `{n}` replaced by
 * each file's index, streamed from disk as undici's FormData sends them. Built afresh per try.
 */
export async function buildV2TicketForm(ticket: TicketToCreate, attachmentField: string): Promise<FormData> {
  const form = new FormData();
  form.append('customer_id', ticket.customer.email);
  form.append('customer_id_type', 'E');
  form.append('department_id', ticket.departmentId);
  if (ticket.categoryId) form.append('category_id', ticket.categoryId);
  form.append('subject', ticket.title);
  form.append('message', ticket.message);
  form.append('priority', String(ticket.priority));
  for (const [id, value] of Object.entries(ticket.customFields)) form.append(`custom_field[${id}]`, value);
  for (const [index, attachment] of ticket.attachments.entries()) {
    const blob = await openAsBlob(attachment.path, { type: attachment.type });
    form.append(attachmentField.replaceAll(ATTACHMENT_INDEX, String(index)), new File([blob], attachment.fileName, { type: attachment.type }));
  }
  return form;
}
