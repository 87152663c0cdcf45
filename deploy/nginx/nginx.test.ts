import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../contract/index.ts';
import { NGINX_PORT } from '../../e2e/support/ports.ts';
import { PACKAGE_ROOT } from '../../server/config/package-root.ts';
import { formOf, startHarness, validFields, type Harness } from '../../server/integration/harness.ts';
import { sendRawBytes } from '../../server/integration/raw-socket.ts';
import { patternedBytes } from '../../server/sandbox/test-kit.ts';
import { findNginx, NGINX_MISSING } from './find-nginx.ts';
import { runNginx, type RunningNginx } from './run-nginx.ts';

/**
 * The README's nginx configuration (deploy/nginx/tomticket-form.conf, shown there verbatim) in
 * front of the server started with TRUST_PROXY=127.0.0.1, as its production section says: only
 * the ports differ here, and nginx runs unprivileged on loopback with its own temp folders.
 */

/** The README's site configuration with the test's ports: every substitution must find its line, once. */
function siteWithPorts(site: string, serverPort: number, nginxPort: number, ipv6: boolean): string {
  const substitutions: Array<[string, string]> = [
    ['server 127.0.0.1:8787;', `server 127.0.0.1:${serverPort};`],
    ['listen 80;', `listen 127.0.0.1:${nginxPort};`],
    // IPv6 loopback when this machine has it; some containers do not.
    ['listen [::]:80;', ipv6 ? `listen [::1]:${nginxPort};` : ''],
  ];
  let adapted = site;
  for (const [from, to] of substitutions) {
    if (adapted.split(from).length !== 2) throw new Error(`deploy/nginx/tomticket-form.conf no longer has exactly one "${from}"`);
    adapted = adapted.replace(from, to);
  }
  return adapted;
}

function hasIpv6Loopback(): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(0, '::1', () => probe.close(() => resolve(true)));
  });
}

/** A ticket posted to nginx from `localAddress` (each loopback address is another client), with `headers`. */
async function postFrom(localAddress: string, form: FormData, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  // Encoded by fetch's own Request, so the body and its boundary are what a browser sends.
  const encoded = new Request('http://x/', { method: 'POST', body: form });
  const body = new Uint8Array(await encoded.arrayBuffer());
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      `http://127.0.0.1:${NGINX_PORT}/api/tickets`,
      {
        method: 'POST',
        localAddress,
        agent: false,
        headers: { 'Content-Type': encoded.headers.get('content-type') as string, 'Content-Length': String(body.byteLength), ...headers },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

describe('nginx configured as the README says, in front of the server', () => {
  let harness: Harness;
  let proxy: RunningNginx;

  beforeAll(async () => {
    const nginx = findNginx();
    if (nginx === undefined) throw new Error(`${NGINX_MISSING}\n(npm test installs it by itself when run as root: scripts/ensure-nginx.ts)`);
    harness = await startHarness({ TRUST_PROXY: '127.0.0.1', RATE_LIMIT_IP_HOUR: '2', TOMTICKET_REQUESTS_PER_SECOND: '0' }, 0);
    const site = await readFile(join(PACKAGE_ROOT, 'deploy', 'nginx', 'tomticket-form.conf'), 'utf8');
    const serverPort = Number(new URL(harness.server.url).port);
    proxy = await runNginx({ nginx, site: siteWithPorts(site, serverPort, NGINX_PORT, await hasIpv6Loopback()), port: NGINX_PORT });
  }, 60_000);
  afterAll(async () => {
    await proxy?.close();
    await harness?.close();
  });

  it('answers /healthz through it', async () => {
    const answer = await fetch(`${proxy.url}/healthz`);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ ok: true, mode: 'live' });
  });

  it('passes a 25 MB ticket to the server, streamed, byte for byte', async () => {
    const bytes = patternedBytes(LIMITS.requestMaxBytes - 64 * 1024);
    const answer = await postFrom('127.0.0.10', formOf(validFields(), [new File([bytes], 'gravação.mp4', { type: 'video/mp4' })]));
    expect(answer.status).toBe(201);
    const stored = harness.fake.tickets.at(-1)?.attachments[0];
    expect(stored).toMatchObject({ fileName: 'gravação.mp4', size: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') });
    // nginx says so when it spools a body to disk instead of streaming it.
    expect(proxy.errorLog()).not.toMatch(/buffered to a temporary file/);
  });

  it('lets the server refuse an upload over 25 MB from its headers, with its own JSON 413, before any byte of the body', async () => {
    // Only the headers: an nginx that buffered the body would wait for it, and never answer.
    const answer = await sendRawBytes(
      proxy.url,
      [`POST /api/tickets HTTP/1.1\r\nHost: support.example.com\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: ${LIMITS.requestMaxBytes + 1}\r\n\r\n`],
      { maxMs: 5000 },
    );
    expect(answer.status).toBe(413);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(answer.body).toContain('"code":"request_too_large"');
  });

  it('forwards each client\'s address: TRUST_PROXY=127.0.0.1 limits the real client, whatever X-Forwarded-For it wrote', async () => {
    const ticket = () => formOf(validFields());
    const first = [await postFrom('127.0.0.2', ticket()), await postFrom('127.0.0.2', ticket())];
    expect(first.map((answer) => answer.status)).toEqual([201, 201]);
    // The client writes an address of its own; nginx appends the real one, which is what counts.
    const spoofing = await postFrom('127.0.0.2', ticket(), { 'X-Forwarded-For': '6.6.6.6' });
    expect(spoofing.status).toBe(429);
    expect(spoofing.text).toContain('"code":"rate_limited"');
    // Another client behind the same nginx has its own limit.
    expect((await postFrom('127.0.0.3', ticket())).status).toBe(201);
  });
});
