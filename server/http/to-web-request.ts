import type { IncomingMessage } from 'node:http';
import { requestBody } from './request-body.ts';

// Browsers, curl and proxies send origin-form targets ("/api/tickets?x"); the host part of the
// URL is never routed on, so a fixed one keeps a hostile Host header out of URL parsing.
const URL_BASE = 'http://localhost';

/** Options of {@link toWebRequest}. */
export interface WebRequestOptions {
  /** Aborted by the caller when the client goes away. */
  signal: AbortSignal;
  /** Runs before the body's first read. */
  onFirstBodyPull: () => void;
  /** Body bytes after which the body is read strictly on demand (see requestBody); default never. */
  onDemandAfterBytes?: number;
}

/**
 * The web Request for a Node request: headers copied, the body (when there is one) streamed lazily
 * with `duplex: 'half'`, and `signal` aborted by the caller when the client goes away.
 */
export function toWebRequest(request: IncomingMessage, options: WebRequestOptions): Request {
  const method = request.method ?? 'GET';
  const headers = new Headers();
  for (let i = 0; i + 1 < request.rawHeaders.length; i += 2) {
    try {
      headers.append(request.rawHeaders[i] as string, request.rawHeaders[i + 1] as string);
    } catch {
      // A header value Node's parser let through but the fetch spec does not: the app never needs it.
    }
  }
  const target = request.url ?? '/';
  const url = target.startsWith('/') ? URL_BASE + target : `${URL_BASE}/`;
  const hasBody =
    method !== 'GET' &&
    method !== 'HEAD' &&
    (request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0);
  return new Request(url, {
    method,
    headers,
    signal: options.signal,
    ...(hasBody ? { body: requestBody(request, options.onFirstBodyPull, options.onDemandAfterBytes), duplex: 'half' } : {}),
  } as RequestInit);
}
