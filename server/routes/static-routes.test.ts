import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPublicOrigin } from '../http/public-origin.ts';
import { pinnedName } from '../widget-files/pinned-name.ts';
import { MANIFEST_FILE, type WidgetManifest } from '../widget-files/widget-manifest.ts';
import { createEmbedRoute, createIndexRoute, createWidgetFiles } from './static-routes.ts';

const CONTEXT = { remoteAddress: '127.0.0.1' };
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const originOf = createPublicOrigin({ trustProxy: [], fallback: 'http://localhost:8787' });

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'static-routes-'));
  await mkdir(join(root, 'dist'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

/** Writes `code` as dist/`file` and under its pinned name, as the build does; returns the pinned name. */
async function built(file: string, code: string): Promise<string> {
  const pinned = pinnedName(file, sha256(code));
  await writeFile(join(root, 'dist', file), code);
  await writeFile(join(root, 'dist', pinned), code);
  return pinned;
}

const get = (path: string, headers: Record<string, string> = {}) => new Request(`http://localhost${path}`, { headers });

describe('the widget files', () => {
  it('serves the latest widget.js short-cached with an ETag, and answers 304 to its revalidation', async () => {
    await built('widget.js', 'console.log("v1");');
    const files = createWidgetFiles(root);
    const first = await files.latest('widget.js')(get('/widget.js'));
    expect(first.status).toBe(200);
    expect(await first.text()).toBe('console.log("v1");');
    expect(first.headers.get('cache-control')).toBe('public, max-age=300');
    expect(first.headers.get('access-control-allow-origin')).toBe('*');
    const etag = first.headers.get('etag') as string;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);

    const again = await files.latest('widget.js')(get('/widget.js', { 'If-None-Match': etag }));
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();
    expect(again.headers.get('etag')).toBe(etag);

    // A rebuild changes the bytes: the old tag no longer matches.
    await writeFile(join(root, 'dist', 'widget.js'), 'console.log("v2, a little longer");');
    const changed = await files.latest('widget.js')(get('/widget.js', { 'If-None-Match': etag }));
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('serves a pinned file immutable for a year to any origin, and a pinned name it does not have as 404', async () => {
    const pinned = await built('widget-send.js', 'console.log("send");');
    const files = createWidgetFiles(root);
    const answer = (await files.pinned(get(`/${pinned}`), `/${pinned}`)) as Response;
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe('console.log("send");');
    expect(answer.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.headers.get('content-type')).toBe('text/javascript; charset=utf-8');

    const other = pinned.replace(/\.[0-9a-f]{12}\./, '.000000000000.');
    const missing = (await files.pinned(get(`/${other}`), `/${other}`)) as Response;
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('never serves a pinned name whose file holds other bytes (a copy changed on disk)', async () => {
    const pinned = await built('widget.js', 'console.log("original");');
    await writeFile(join(root, 'dist', pinned), 'console.log("changed");');
    const answer = (await createWidgetFiles(root).pinned(get(`/${pinned}`), `/${pinned}`)) as Response;
    expect(answer.status).toBe(404);
  });

  it('leaves paths that are not pinned script names to the other routes', async () => {
    const files = createWidgetFiles(root);
    for (const path of ['/widget.js', '/index.abcdefabcdef.js', '/widget.ABCDEFABCDEF.js', '/../widget.abcdefabcdef.js', '/sandbox']) {
      expect(await files.pinned(get(path), path)).toBeUndefined();
    }
  });
});

describe('the embed snippet', () => {
  async function writeManifest(): Promise<WidgetManifest> {
    const manifest: WidgetManifest = {
      version: '0.1.0',
      scripts: {
        'widget.js': { file: 'widget.aaaaaaaaaaaa.js', integrity: 'sha384-AAA' },
        'launcher.js': { file: 'launcher.bbbbbbbbbbbb.js', integrity: 'sha384-BBB' },
      },
      kept: [['widget.aaaaaaaaaaaa.js', 'launcher.bbbbbbbbbbbb.js']],
    };
    await writeFile(join(root, 'dist', MANIFEST_FILE), JSON.stringify(manifest));
    return manifest;
  }

  it('GET /embed.json answers the pinned URL, integrity, version and snippet for the request\'s host', async () => {
    await writeManifest();
    const answer = await createEmbedRoute(root, originOf)(get('/embed.json', { Host: 'support.example.com' }), CONTEXT);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({
      version: '0.1.0',
      url: 'http://support.example.com/widget.aaaaaaaaaaaa.js',
      integrity: 'sha384-AAA',
      snippet:
        '<script src="http://support.example.com/widget.aaaaaaaaaaaa.js" integrity="sha384-AAA" crossorigin="anonymous" defer></script>\n<tomticket-form></tomticket-form>',
      launcher: {
        url: 'http://support.example.com/launcher.bbbbbbbbbbbb.js',
        integrity: 'sha384-BBB',
        snippet:
          '<script src="http://support.example.com/launcher.bbbbbbbbbbbb.js" integrity="sha384-BBB" crossorigin="anonymous" defer></script>\n<tomticket-form mode="launcher"></tomticket-form>',
      },
    });
  });

  it('answers 503 while the widget has not been built', async () => {
    const answer = await createEmbedRoute(root, originOf)(get('/embed.json'), CONTEXT);
    expect(answer.status).toBe(503);
    expect(await answer.text()).toMatch(/npm run build/);
  });

  it('names https only when a trusted proxy says so, and PUBLIC_URL whatever the request says', async () => {
    await writeManifest();
    const behindProxy = createPublicOrigin({ trustProxy: ['127.0.0.1'], fallback: 'http://localhost:8787' });
    const headers = { Host: 'support.example.com', 'X-Forwarded-Proto': 'https' };
    const trusted = await createEmbedRoute(root, behindProxy)(get('/embed.json', headers), CONTEXT);
    expect((await trusted.json()).url).toBe('https://support.example.com/widget.aaaaaaaaaaaa.js');
    const direct = await createEmbedRoute(root, behindProxy)(get('/embed.json', headers), { remoteAddress: '203.0.113.9' });
    expect((await direct.json()).url).toBe('http://support.example.com/widget.aaaaaaaaaaaa.js');
    const hostile = await createEmbedRoute(root, originOf)(get('/embed.json', { Host: 'evil.example"><script>' }), CONTEXT);
    expect((await hostile.json()).url).toBe('http://localhost:8787/widget.aaaaaaaaaaaa.js');
    const fixed = createPublicOrigin({ publicUrl: 'https://help.example.com/support', trustProxy: [], fallback: '' });
    const configured = await createEmbedRoute(root, fixed)(get('/embed.json', headers), CONTEXT);
    expect((await configured.json()).url).toBe('https://help.example.com/support/widget.aaaaaaaaaaaa.js');
  });

  it('puts the snippet, HTML-escaped, where the demo page says {{EMBED_SNIPPET}}', async () => {
    await writeManifest();
    await writeFile(join(root, 'index.html'), '<pre><code>{{EMBED_SNIPPET}}</code></pre>');
    const page = await createIndexRoute(root, originOf)(get('/', { Host: 'localhost:8787' }), CONTEXT);
    expect(await page.text()).toBe(
      '<pre><code>&#60;script src=&#34;http://localhost:8787/widget.aaaaaaaaaaaa.js&#34; integrity=&#34;sha384-AAA&#34; crossorigin=&#34;anonymous&#34; defer&#62;&#60;/script&#62;\n&#60;tomticket-form&#62;&#60;/tomticket-form&#62;</code></pre>',
    );
  });
});
