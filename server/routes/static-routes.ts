import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { PART_FILES } from '../../widget/part/partFiles.ts';
import { escapeHtml } from '../http/escape-html.ts';
import { errorResponse, jsonResponse } from '../http/json-response.ts';
import type { PublicOriginOf } from '../http/public-origin.ts';
import { PAGE_CSP } from '../http/security-headers.ts';
import type { RequestContext } from '../http/types.ts';
import { createFileDigests, matchesEtag } from '../widget-files/file-digest.ts';
import { parsePinnedName } from '../widget-files/pinned-name.ts';
import { readWidgetManifest } from '../widget-files/widget-manifest.ts';
import { embedSnippet, embedSnippets } from './embed-snippet.ts';
import { notBuiltResponse } from './serve-file.ts';

const PLACEHOLDER_PAGE = `<!doctype html>
<html lang="en"><meta charset="utf-8"><title>TomTicket form server</title>
<h1>TomTicket form server</h1>
<p>The demo page (index.html) is missing from this installation. The API is at /api/form and /api/tickets.</p>
</html>
`;

/** Where the demo page shows the embed snippet for this server (HTML-escaped). */
export const EMBED_SNIPPET_PLACEHOLDER = '{{EMBED_SNIPPET}}';

/**
 * `GET /`: the demo host page `index.html` from `root`, read on each request so edits show at once,
 * with {@link EMBED_SNIPPET_PLACEHOLDER} replaced by the pinned embed snippet for this server.
 */
export function createIndexRoute(root: string, originOf: PublicOriginOf): (request: Request, context: RequestContext) => Promise<Response> {
  return async (request, context) => {
    const page = await readFile(join(root, 'index.html'), 'utf8').catch(() => PLACEHOLDER_PAGE);
    const snippet = page.includes(EMBED_SNIPPET_PLACEHOLDER)
      ? escapeHtml(embedSnippet(originOf(request, context), await readWidgetManifest(root)))
      : '';
    return new Response(page.replaceAll(EMBED_SNIPPET_PLACEHOLDER, snippet), {
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache', 'Content-Security-Policy': PAGE_CSP },
    });
  };
}

/**
 * `GET /embed.json`: the pinned embed of widget.js and launcher.js for this server (url, integrity,
 * version, the snippet to paste), from the build's manifest; 503 while the widget is not built.
 */
export function createEmbedRoute(root: string, originOf: PublicOriginOf): (request: Request, context: RequestContext) => Promise<Response> {
  return async (request, context) => {
    const manifest = await readWidgetManifest(root);
    if (!manifest) return notBuiltResponse('dist/widget-manifest.json', 'the widget');
    return jsonResponse(200, embedSnippets(originOf(request, context), manifest), {
      'Cache-Control': 'no-cache',
      'Access-Control-Allow-Origin': '*',
    });
  };
}

/** The widget's scripts the server serves from dist/ under their stable names: the two sites embed, and the parts they load. */
export const WIDGET_FILES = ['widget.js', 'launcher.js', ...Object.values(PART_FILES)] as const;

/** A year, the longest a cache keeps anything: a pinned file never changes. */
const PINNED_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** Minutes: a new release reaches pages that embed the "latest" soon, and a revalidation costs a 304. */
const LATEST_CACHE_CONTROL = 'public, max-age=300';

/**
 * The widget's scripts from `root`/dist: under their stable names ({@link WIDGET_FILES}, the
 * "latest", short-cached, with an ETag and 304 on revalidation) and under their content-addressed
 * names (`widget.3f2a9c1b7e4d.js`, immutable for a year). Any site embeds them, so any origin may
 * load them (`crossorigin="anonymous"` with `integrity` needs it). A pinned name is served only
 * when dist/ holds that file and its bytes still hash to its name: anything else is a 404, never
 * another version.
 */
export function createWidgetFiles(root: string) {
  const digestOf = createFileDigests();

  async function serve(request: Request, file: string, cacheControl: string): Promise<Response | undefined> {
    const path = join(root, 'dist', file);
    const digest = await digestOf(path);
    if (!digest) return undefined;
    const pinned = parsePinnedName(file);
    if (pinned && !digest.sha256.startsWith(pinned.hash)) return undefined;
    const headers = {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': cacheControl,
      'Access-Control-Allow-Origin': '*',
      ETag: `"${digest.sha256.slice(0, 32)}"`,
    };
    if (matchesEtag(request.headers.get('if-none-match'), headers.ETag)) return new Response(null, { status: 304, headers });
    return new Response(Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>, {
      headers: { ...headers, 'Content-Length': String(digest.size) },
    });
  }

  return {
    /** `GET /<file>` for one of {@link WIDGET_FILES}; 503 with instructions while the widget has not been built. */
    latest(file: (typeof WIDGET_FILES)[number]): (request: Request) => Promise<Response> {
      return async (request) => (await serve(request, file, LATEST_CACHE_CONTROL)) ?? notBuiltResponse(`dist/${file}`, 'the widget');
    },
    /** `GET /<name>.<hash>.js`: the pinned file, or undefined when `path` is not a pinned name (another route's); 404 when it is not here. */
    async pinned(request: Request, path: string): Promise<Response | undefined> {
      const name = path.slice(1);
      const pinned = parsePinnedName(name);
      if (!pinned || !(WIDGET_FILES as readonly string[]).includes(pinned.file)) return undefined;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return errorResponse(405, { code: 'method_not_allowed', message: 'Use GET or HEAD.' }, { headers: { Allow: 'GET, HEAD' } });
      }
      return (
        (await serve(request, name, PINNED_CACHE_CONTROL)) ??
        errorResponse(404, { code: 'not_found', message: `No ${name} here: this server has no such version of ${pinned.file}.` })
      );
    },
  };
}
