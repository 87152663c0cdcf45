import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PRIORITY, DEFAULT_TEXT_RULES, LIMITS, PRIORITIES, type FormSchema } from '../contract/index.ts';
import { createApp, type AppDeps } from './app.ts';
import { DELIVERY_DEFAULTS, readConfig } from './config/read-config.ts';
import { createLogger } from './log/index.ts';
import { createDelivery } from './outbox/delivery.ts';
import { createIdempotencyStore } from './outbox/idempotency-store.ts';
import { createOutboxDiskUsage } from './outbox/outbox-disk-usage.ts';
import { createOutboxStore } from './outbox/outbox-store.ts';
import { PROTECTIONS_OFF } from './integration/harness.ts';
import { stubClient } from './tomticket/stub-client.ts';
import { createUpstreamHealth } from './routes/upstream-health.ts';
import type { CreateTicketResult, TicketToCreate } from './tomticket/types.ts';
import { MANIFEST_FILE, type WidgetManifest } from './widget-files/widget-manifest.ts';

const SCHEMA: FormSchema = {
  departments: [{ id: 'dep', name: 'Suporte', categories: [], fields: [], categoryRequired: false }],
  priorities: [...PRIORITIES],
  defaultPriority: DEFAULT_PRIORITY,
  limits: LIMITS,
  textRules: DEFAULT_TEXT_RULES,
  customer: { emailRequired: true, nameRequired: false },
};
const SECRET = 'app-test-secret-token';
const CONTEXT = { remoteAddress: '127.0.0.1' };

let root: string;
let logLines: string[];
let created: TicketToCreate[];

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'app-test-'));
  logLines = [];
  created = [];
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The app over in-memory stand-ins of the schema source and client; `overrides` replace parts. */
function app(overrides: Partial<AppDeps> = {}, env: NodeJS.ProcessEnv = { TOMTICKET_TOKEN: SECRET }) {
  const upstreamHealth = createUpstreamHealth();
  const client = upstreamHealth.track(
    stubClient({
      createTicket: async (ticket): Promise<CreateTicketResult> => {
        created.push(ticket);
        return { ok: true, id: 'abc', protocol: 7 };
      },
    }),
  );
  const logger = createLogger({ secrets: [SECRET], write: (line) => logLines.push(line) });
  const idempotency = createIdempotencyStore({ dir: join(root, 'data', 'idempotency') });
  const store = createOutboxStore({ root: join(root, 'data'), logger });
  return createApp({
    // The protections have their own tests (protection/, integration/protections.test.ts).
    config: { ...readConfig({ ...PROTECTIONS_OFF, ...env }), spoolDir: join(root, 'spool') },
    schemaSource: { get: async () => SCHEMA },
    client,
    upstreamHealth,
    delivery: createDelivery({ store, idempotency, client, logger, config: DELIVERY_DEFAULTS }),
    idempotency,
    outboxUsage: createOutboxDiskUsage({ root: join(root, 'data'), maxBytes: 1024 * 1024 * 1024 }),
    logger,
    publicRoot: root,
    ...overrides,
  });
}

const get = (path: string, init?: RequestInit) => new Request(`http://localhost${path}`, init);

describe('createApp', () => {
  it('answers an unexpected failure with a generic 500 and logs it redacted', async () => {
    const answer = await app({
      schemaSource: {
        get: async () => {
          throw new Error(`database exploded at https://api.tomticket.com/departamentos/${SECRET}`);
        },
      },
    })(get('/api/form'), CONTEXT);

    expect(answer.status).toBe(500);
    const text = await answer.text();
    expect(JSON.parse(text)).toEqual({ ok: false, error: { code: 'internal', message: expect.any(String) } });
    expect(text).not.toMatch(/exploded|tomticket\.com/);
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(logLines.join('\n')).toMatch(/exploded/);
    expect(logLines.join('\n')).not.toContain(SECRET);
  });

  it('creates a ticket from a multipart body', async () => {
    const form = new FormData();
    form.append('email', 'ana@example.com');
    form.append('department', 'dep');
    form.append('title', 't');
    form.append('message', 'm');
    const answer = await app()(get('/api/tickets', { method: 'POST', body: form }), CONTEXT);

    expect(answer.status).toBe(201);
    expect(await answer.json()).toEqual({ ok: true, ticket: { id: 'abc', protocol: 7 } });
    expect(created).toMatchObject([{ customer: { email: 'ana@example.com' }, departmentId: 'dep', priority: DEFAULT_PRIORITY }]);
  });

  it('answers 413 from Content-Length alone, without touching the body', async () => {
    let pulled = false;
    const body = new ReadableStream({ pull: () => void (pulled = true) }, { highWaterMark: 0 });
    const request = new Request('http://localhost/api/tickets', {
      method: 'POST',
      body,
      duplex: 'half',
      headers: { 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': String(LIMITS.requestMaxBytes + 1) },
    } as RequestInit);

    const answer = await app()(request, CONTEXT);

    expect(answer.status).toBe(413);
    expect(answer.headers.get('connection')).toBe('close');
    expect(pulled).toBe(false);
  });

  it('answers 413 when the form as TomTicket would receive it passes 25 MB, though the upload did not', async () => {
    // TomTicket's copy is larger: longer field names, and boundaries counted at 70 characters.
    const encoder = new TextEncoder();
    const text = (name: string, value: string) => `--b\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const head = encoder.encode(text('email', 'ana@example.com') + text('department', 'dep') + text('title', 't') + text('message', 'm'));
    const fileHead = (i: number) =>
      encoder.encode(`--b\r\nContent-Disposition: form-data; name="attachments"; filename="f${i}"\r\nContent-Type: a/b\r\n\r\n`);
    const tail = encoder.encode('--b--\r\n');
    const overhead = head.length + tail.length + [...Array(LIMITS.maxFiles).keys()].reduce((sum, i) => sum + fileHead(i).length + 2, 0);
    const fileSize = Math.floor((LIMITS.requestMaxBytes - 200 - overhead) / LIMITS.maxFiles);
    const parts: Uint8Array[] = [head];
    for (let i = 0; i < LIMITS.maxFiles; i++) parts.push(fileHead(i), new Uint8Array(fileSize), encoder.encode('\r\n'));
    parts.push(tail);
    const body = new Blob(parts as BlobPart[]);
    expect(body.size).toBeLessThanOrEqual(LIMITS.requestMaxBytes);

    const answer = await app()(
      get('/api/tickets', { method: 'POST', body, headers: { 'Content-Type': 'multipart/form-data; boundary=b' } }),
      CONTEXT,
    );

    expect(answer.status).toBe(413);
    expect(await answer.json()).toMatchObject({ ok: false, error: { code: 'request_too_large', field: 'attachments' } });
    expect(created).toEqual([]);
  });

  it('reports upstream reachability as unknown before any call', async () => {
    const answer = await app()(get('/healthz'), CONTEXT);
    expect(await answer.json()).toEqual({
      ok: true,
      mode: 'live',
      upstream: { reachable: null, token: 'unknown' },
      outbox: { queued: 0, uncertain: 0, dead: 0, oldestAgeSeconds: null, usedMb: 0, maxMb: 1024 },
    });
  });

  it('answers /healthz 503 naming the token while TomTicket refuses it', async () => {
    const refused = { state: 'refused' as const, since: '2025-01-01T00:00:00.000Z', checkedAt: '2025-01-01T00:01:00.000Z' };
    const answer = await app({ client: stubClient({ tokenState: () => refused }) })(get('/healthz'), CONTEXT);
    expect(answer.status).toBe(503);
    expect(await answer.json()).toMatchObject({
      ok: false,
      problem: { code: 'token_refused', message: expect.stringContaining('TOMTICKET_TOKEN') },
      upstream: { token: 'refused', tokenRefusedSince: refused.since },
    });
  });

  it.each(['widget.js', 'launcher.js', 'widget-form.js', 'widget-launcher.js', 'widget-send.js'])('serves dist/%s to any origin, with the same headers', async (file) => {
    await mkdir(join(root, 'dist'));
    await writeFile(join(root, 'dist', file), `console.log(${JSON.stringify(file)});`);
    const answer = await app()(get(`/${file}`), CONTEXT);

    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe(`console.log(${JSON.stringify(file)});`);
    expect(Object.fromEntries(answer.headers)).toMatchObject({
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=300',
      'access-control-allow-origin': '*',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
    });
  });

  it('answers 503 with the build command while the widget is not built', async () => {
    const answer = await app()(get('/widget.js'), CONTEXT);
    expect(answer.status).toBe(503);
    expect(await answer.text()).toMatch(/npm run build/);
  });

  it('serves index.html as the demo page, read on each request, or a placeholder without it', async () => {
    const serve = app();
    const placeholder = await serve(get('/'), CONTEXT);
    expect(placeholder.status).toBe(200);
    expect(await placeholder.text()).toMatch(/index\.html\) is missing/);

    await writeFile(join(root, 'index.html'), '<!doctype html><p>demo</p>');
    const page = await serve(get('/'), CONTEXT);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toBe('<!doctype html><p>demo</p>');
    expect((await serve(get('/', { method: 'HEAD' }), CONTEXT)).status).toBe(200);
  });

  it('puts the pinned embed snippet for the server the page was asked from into the demo page, escaped as text', async () => {
    await mkdir(join(root, 'dist'), { recursive: true });
    const manifest: WidgetManifest = {
      version: '0.1.0',
      scripts: { 'widget.js': { file: 'widget.aaaaaaaaaaaa.js', integrity: 'sha384-AAA' }, 'launcher.js': { file: 'launcher.bbbbbbbbbbbb.js', integrity: 'sha384-BBB' } },
      kept: [['widget.aaaaaaaaaaaa.js', 'launcher.bbbbbbbbbbbb.js']],
    };
    await writeFile(join(root, 'dist', MANIFEST_FILE), JSON.stringify(manifest));
    await writeFile(join(root, 'index.html'), '<pre><code>{{EMBED_SNIPPET}}</code></pre>');
    const page = await app()(get('/', { headers: { host: 'support.example.com:8787' } }), CONTEXT);
    expect(await page.text()).toBe(
      '<pre><code>&#60;script src=&#34;http://support.example.com:8787/widget.aaaaaaaaaaaa.js&#34; integrity=&#34;sha384-AAA&#34; crossorigin=&#34;anonymous&#34; defer&#62;&#60;/script&#62;\n&#60;tomticket-form&#62;&#60;/tomticket-form&#62;</code></pre>',
    );
  });

  it.each([
    ['/demo/demo.css', 'demo/demo.css', 'text/css; charset=utf-8'],
    ['/demo/demo.js', 'dist/demo/demo.js', 'text/javascript; charset=utf-8'],
    ['/favicon.ico', 'demo/favicon.ico', 'image/x-icon'],
  ])("serves the demo page's %s from %s, or 503 with the build command without it", async (route, file, type) => {
    const serve = app();
    const missing = await serve(get(route), CONTEXT);
    expect(missing.status).toBe(503);
    expect(await missing.text()).toMatch(/npm run build/);

    await mkdir(join(root, file, '..'), { recursive: true });
    await writeFile(join(root, file), 'content');
    const answer = await serve(get(route), CONTEXT);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe('content');
    expect(answer.headers.get('content-type')).toBe(type);
    expect(answer.headers.get('cache-control')).toBe('no-cache');
  });

  it('consults extra routes only for paths it does not have', async () => {
    const seen: string[] = [];
    const serve = app({
      extraRoutes: (request) => {
        const path = new URL(request.url).pathname;
        seen.push(path);
        return path === '/sandbox' ? new Response('inbox') : undefined;
      },
    });
    expect(await (await serve(get('/sandbox'), CONTEXT)).text()).toBe('inbox');
    expect((await serve(get('/elsewhere'), CONTEXT)).status).toBe(404);
    expect((await serve(get('/healthz'), CONTEXT)).status).toBe(200);
    expect(seen).toEqual(['/sandbox', '/elsewhere']);
  });

  it('does not mistake a method named like an object property for a route', async () => {
    const answer = await app()(get('/healthz', { method: 'constructor' }), CONTEXT);
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('GET, HEAD');
  });

  it('allows loopback origins in sandbox mode', async () => {
    const serve = app({}, { SANDBOX: 'true' });
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:8080', 'http://[::1]:3000']) {
      const answer = await serve(get('/api/form', { headers: { Origin: origin } }), CONTEXT);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
    }
    const other = await serve(get('/api/form', { headers: { Origin: 'http://localhost.evil.example' } }), CONTEXT);
    expect(other.status).toBe(403);
  });
});
