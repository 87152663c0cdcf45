import type { BodyRefusal } from '../read-form-body.ts';
import type { V2Reply } from './fake-v2-exchange.ts';
import { FAKE_V2_MESSAGES } from './fake-v2-messages.ts';

// What nginx in front of an API answers a body over its limit [guess: TomTicket publishes nothing].
const HTML_413_PAGE =
  '<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/**
 * A form body the reader refused, answered as API 2.0 would: over 25 MB nginx's 413 page, a body
 * that cannot be parsed a 400, anything else (a field over its limit, too many files, a form that
 * is not form-data) a refusal in the envelope.
 */
export function replyToBodyRefusal(reply: V2Reply, refusal: BodyRefusal): void {
  if (refusal.status === 413) return reply.text(413, 'text/html', HTML_413_PAGE);
  if (refusal.status === 400) return reply.envelope(400, FAKE_V2_MESSAGES.malformedBody);
  if (refusal.status >= 500) return reply.envelope(refusal.status, FAKE_V2_MESSAGES.storageFailed);
  reply.refuse('invalid', refusal.message);
}
