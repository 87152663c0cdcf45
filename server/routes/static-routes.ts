import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { PART_FILES } from '../../widget/part/partFiles.ts';
import { PAGE_CSP } from '../http/security-headers.ts';

const PLACEHOLDER_PAGE = `<!doctype html>
<html lang="en"><meta charset="utf-8"><title>TomTicket form server</title>
<h1>TomTicket form server</h1>
<p>The demo page (index.html) is missing from this installation. The API is at /api/form and /api/tickets.</p>
</html>
`;

/** `GET /`: the demo host page `index.html` from `root`, read on each request so edits show at once. */
export function createIndexRoute(root: string): () => Promise<Response> {
  return async () => {
    const page = await readFile(join(root, 'index.html'), 'utf8').catch(() => PLACEHOLDER_PAGE);
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
  return async () => {
    const built = await stat(path).then(
      (stats) => stats.isFile(),
      () => false,
    );
    if (!built) {
      return new Response(`dist/${file} is missing: run \`npm run build\` to build the widget.\n`, {
        status: 503,
        headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'Retry-After': '10' },
      });
    }
    return new Response(Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>, {
      headers: {
        'Content-Type': 'text/javascript; charset=utf-8',
        'Cache-Control': 'public, max-age=300',
        'Access-Control-Allow-Origin': '*',
      },
    });
  };
}
