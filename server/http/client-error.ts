import type { Duplex } from 'node:stream';
import { DEFAULT_CSP, SECURITY_HEADERS } from './security-headers.ts';

const CLOSE_AFTER_MS = 1000;
// What Node's HTTP parser reports, as the status Node itself would answer with.
const STATUS_OF: Readonly<Record<string, [number, string]>> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large'],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [413, 'Payload Too Large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout'],
};

/**
 * The server's `clientError` listener: a request Node could not parse (bad request line, header
 * too large, smuggling attempts, a body that did not arrive within the request timeout) gets the
 * status Node would give it, but with a JSON error body and the security headers every other
 * answer has, then the connection is closed. Nothing of the request or the error is echoed.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  const message = socket as Duplex & { _httpMessage?: { headersSent?: boolean } };
  if (socket.writable && !message._httpMessage?.headersSent) {
    const [status, reason] = STATUS_OF[error.code ?? ''] ?? [400, 'Bad Request'];
    const body = JSON.stringify({
      ok: false,
      error: {
        code: status === 431 || status === 413 ? 'request_too_large' : 'malformed_body',
        message: status === 408 ? 'The request did not arrive in time.' : 'The HTTP request is malformed or too large.',
      },
    });
    const headers = {
      ...SECURITY_HEADERS,
      'Content-Security-Policy': DEFAULT_CSP,
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(body)),
      Connection: 'close',
    };
    const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
    socket.end(`HTTP/1.1 ${status} ${reason}\r\n${head}\r\n${body}`);
    // A client that stops reading must not keep the connection: it goes once the answer had its chance.
    setTimeout(() => socket.destroy(), CLOSE_AFTER_MS).unref();
    return;
  }
  socket.destroy();
}
