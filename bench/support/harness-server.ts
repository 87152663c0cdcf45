import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Scope } from './scope.ts';

/** What the harness server answers: pages by path, scripts by path (read from disk per request). */
export interface HarnessContent {
  /** `/name.html` → the page's HTML, built when asked (so it can name the server's own origin). */
  pages: Record<string, (origin: string) => string>;
  /** `/name.js` → the file to serve. */
  scripts: Record<string, string>;
}

/** A running harness server. */
export interface HarnessServer {
  /** e.g. http://127.0.0.1:40123 */
  origin: string;
  /** How many Sentry envelopes the peer sent (its SDK reports a session at start). */
  envelopes(): number;
}

/**
 * Serves the benchmark's host pages and scripts on 127.0.0.1, and accepts what Sentry's SDK sends
 * to a DSN pointing here (`POST /api/<project>/envelope/`), so the peer runs as it would in
 * production without leaving the machine. Scripts are sent uncached, as on a first visit.
 */
export async function startHarnessServer(scope: Scope, content: HarnessContent): Promise<HarnessServer> {
  let envelopeCount = 0;
  let origin = '';
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (request.method === 'POST' && /^\/api\/\d+\/envelope\/?$/.test(path)) {
      envelopeCount++;
      request.resume();
      request.on('end', () => response.writeHead(200, { 'Content-Type': 'application/json' }).end('{}'));
      return;
    }
    const page = content.pages[path];
    if (page) {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(page(origin));
      return;
    }
    const script = content.scripts[path];
    if (script) {
      readFile(script).then(
        (bytes) =>
          response
            .writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' })
            .end(bytes),
        () => response.writeHead(500).end(),
      );
      return;
    }
    response.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  scope.defer(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return { origin, envelopes: () => envelopeCount };
}
