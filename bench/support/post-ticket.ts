import { Readable } from 'node:stream';
import { relayTicketFields } from './bench-account.ts';
import { textFormBody, type StreamedBody } from './multipart.ts';
import { postStream, type Answer } from './send-request.ts';

/** Posts a streamed ticket body to `url` on its own connection. */
export function postTicket(url: string, ticket: StreamedBody): Promise<Answer> {
  return postStream(url, { 'Content-Type': ticket.contentType, 'Content-Length': ticket.length }, ticket.open());
}

/** One small ticket through a relay, so its code paths are loaded and the form schema is cached before measuring. */
export async function warmUpRelay(relayUrl: string): Promise<void> {
  const { contentType, body } = textFormBody(relayTicketFields());
  const answer = await postStream(
    `${relayUrl}/api/tickets`,
    { 'Content-Type': contentType, 'Content-Length': body.byteLength },
    Readable.from([body]),
  );
  if (answer.status !== 201) throw new Error(`warm-up ticket refused by ${relayUrl}: ${answer.status} ${answer.body}`);
}
