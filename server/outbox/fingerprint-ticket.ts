import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { TicketToCreate } from '../tomticket/types.ts';

/**
 * A digest of what a validated ticket says: customer, department, category, text, priority,
 * custom fields and each attachment's name, type and sha256. Two submissions of the same form
 * match; anything the customer changed does not. It is taken after validation, so what only
 * guards the request (anti-abuse fields, header order) never makes a retry look different.
 */
export async function fingerprintTicket(ticket: TicketToCreate): Promise<string> {
  const attachments = [];
  for (const attachment of ticket.attachments) {
    attachments.push({
      fileName: attachment.fileName,
      type: attachment.type,
      size: attachment.size,
      sha256: await hashFile(attachment.path),
    });
  }
  const canonical = JSON.stringify([
    ticket.customer.email,
    ticket.customer.name ?? null,
    ticket.departmentId,
    ticket.categoryId ?? null,
    ticket.title,
    ticket.message,
    ticket.priority,
    Object.entries(ticket.customFields).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    attachments,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** A file's sha256, streamed: an attachment can be 25 MB. */
async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}
