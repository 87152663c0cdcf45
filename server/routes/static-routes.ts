import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PART_FILES } from '../../widget/part/partFiles.ts';
import { PAGE_CSP } from '../http/security-headers.ts';
import { embedSnippet } from './embed-snippet.ts';
import { pageOrigin } from './page-origin.ts';
import { serveFile } from './serve-file.ts';

const PLACEHOLDER_PAGE = `<!doctype html>
<html lang="en"><meta charset="utf-8"><title>TomTicket form server</title>
<h1>TomTicket form server</h1>
<p>The demo page (index.html) is missing from this installation. The API is at /api/form and /api/tickets.</p>
</html>
`;

/** `text` safe inside HTML text and attribute values. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * `GET /`: the demo host page `index.html` from `root`, read on each request so edits show at
 * once, its `{{EMBED_SNIPPET}}` replaced by the snippet that embeds the form from this server
 * (the origin the page was asked from, see pageOrigin), escaped to show as text.
 */
export function createIndexRoute(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const template = await readFile(join(root, 'index.html'), 'utf8').catch(() => PLACEHOLDER_PAGE);
    const page = template.replaceAll('{{EMBED_SNIPPET}}', escapeHtml(embedSnippet(pageOrigin(request, 'http://localhost:8787'))));
    return new Response(page, {
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache', 'Content-Security-Policy': PAGE_CSP },
    });
  };
}

/** The widget's scripts the server serves from dist/: the two sites embed, and the parts they load from beside themselves. */
export const WIDGET_FILES = ['widget.js', 'launcher.js', ...Object.values(PART_FILES)] as const;

/**
 * `GET /<file>` for one of {@link WIDGET_FILES}: the built script from dist/, streamed from disk.
 * Any site embeds them, so any origin may load them; all carry the same headers, so a part
 * loaded later is cached and allowed exactly like the script that loads it. 503
 * with instructions while the widget has not been built.
 */
export function createWidgetRoute(root: string, file: (typeof WIDGET_FILES)[number] = 'widget.js'): () => Promise<Response> {
  const path = join(root, 'dist', file);
  const headers = {
    'Content-Type': 'text/javascript; charset=utf-8',
    'Cache-Control': 'public, max-age=300',
    'Access-Control-Allow-Origin': '*',
  };
  return () => serveFile(path, headers, { file: `dist/${file}`, what: 'the widget' });
}
