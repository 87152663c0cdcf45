import type { IncomingMessage, ServerResponse } from 'node:http';
import { refusalStatus, type RefusalReason } from './fake-variants.ts';
import type { FakeRequestRecord, FakeVariants } from './types.ts';

/** Answers one request of the fake and notes the status in its record. */
export interface FakeReply {
  /** Sends a JSON body; a `mensagem` or `message` string has the token redacted, since it may quote client input. */
  json(status: number, body: Record<string, unknown>): void;
  /** Sends any other body as is (fault modes: an HTML error page, a body that is not JSON). */
  text(status: number, contentType: string, body: string): void;
  /** Refuses the call, `{erro: true, mensagem, ...extra}`, with the status the variants give `reason`. */
  refuse(reason: RefusalReason, mensagem: string, extra?: Record<string, unknown>): void;
}

// Long enough for the client to read an early answer before the socket goes away, also on a
// loaded machine: destroying a socket with unread input sends a reset, and a client that had not
// parsed the answer yet loses it (one second was seen to be too short with both cores busy).
const UNREAD_BODY_GRACE_MS = 5000;

/**
 * Makes the replier of one request. When the body was not read to its end (a refusal before
 * or during the upload), the answer closes the connection instead of letting Node drain an
 * unbounded body for keep-alive, and the socket is dropped shortly after.
 */
export function createFakeReply(
  request: IncomingMessage,
  response: ServerResponse,
  record: FakeRequestRecord,
  secrets: () => readonly string[],
  variants: FakeVariants,
): FakeReply {
  const send = (status: number, contentType: string, body: string) => {
    if (response.headersSent || response.destroyed) return;
    record.status = status;
    const headers: Record<string, string | number> = {
      'Content-Type': contentType,
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': 'no-store',
    };
    if (!request.complete) {
      headers.Connection = 'close';
      response.on('finish', () => {
        setTimeout(() => request.socket.destroy(), UNREAD_BODY_GRACE_MS).unref();
      });
    }
    response.writeHead(status, headers);
    response.end(body);
  };

  const json = (status: number, body: Record<string, unknown>) => {
    const safe = { ...body };
    // The legacy API's `mensagem` and API 2.0's `message` may quote what the client sent.
    for (const key of ['mensagem', 'message'] as const) {
      const text = safe[key];
      if (typeof text === 'string') safe[key] = redact(text, secrets());
    }
    send(status, 'application/json; charset=utf-8', JSON.stringify(safe));
  };
  return {
    json,
    text: send,
    refuse: (reason, mensagem, extra = {}) => json(refusalStatus(variants, reason), { erro: true, mensagem, ...extra }),
  };
}

function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((redacted, secret) => (secret ? redacted.replaceAll(secret, '***') : redacted), text);
}
