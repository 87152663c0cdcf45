/**
 * Serves the e2e host pages (e2e/pages/*.html) from an origin other than the companion server's,
 * the way a customer's site embeds the widget. `{{SERVER}}` in a page becomes the server's
 * origin (`{{SERVER_V2}}` the one speaking API 2.0), `{{THEME}}` the `?theme=` of the address
 * (light, dark or auto; light by default), `{{SCRIPT}}` its `?script=` (widget.js or launcher.js;
 * widget.js by default). A page named `csp-*.html` is served with a strict Content-Security-Policy.
 * `/fonts.css` and `/fonts/<file>.woff2` give pages the font the screenshot comparisons draw with
 * (Inter, from the pinned @fontsource/inter dev dependency), whatever fonts the machine has.
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HOST_ORIGIN, SERVER_ORIGIN, SERVER_V2_ORIGIN } from './ports.ts';

const pagesDir = join(import.meta.dirname, '..', 'pages');
const fontsDir = join(import.meta.dirname, '..', '..', 'node_modules', '@fontsource', 'inter', 'files');
const THEMES = ['light', 'dark', 'auto'];
const SCRIPTS = ['widget.js', 'launcher.js'];

function strictPolicy(): string {
  // default-src 'self' without 'unsafe-inline': the widget must style itself without <style> or style="".
  return [
    `default-src 'self'`,
    `script-src 'self' ${SERVER_ORIGIN}`,
    `connect-src 'self' ${SERVER_ORIGIN}`,
    `img-src 'self' blob: data:`,
  ].join('; ');
}

const server = createServer(async (request, response) => {
  const url = new URL(request.url ?? '/', HOST_ORIGIN);
  const font = /^\/fonts\/(inter-latin-\d00-normal\.woff2)$/.exec(url.pathname)?.[1];
  if (font || url.pathname === '/fonts.css') {
    const [path, type] = font ? [join(fontsDir, font), 'font/woff2'] : [join(pagesDir, 'fonts.css'), 'text/css; charset=utf-8'];
    try {
      response.writeHead(200, { 'content-type': type }).end(await readFile(path));
    } catch {
      response.writeHead(404).end('not found');
    }
    return;
  }
  const name = url.pathname.slice(1) || 'index.html';
  const theme = url.searchParams.get('theme') ?? 'light';
  if (!THEMES.includes(theme)) {
    response.writeHead(400).end('theme must be light, dark or auto');
    return;
  }
  const script = url.searchParams.get('script') ?? 'widget.js';
  if (!SCRIPTS.includes(script)) {
    response.writeHead(400).end('script must be widget.js or launcher.js');
    return;
  }
  if (!/^[a-z0-9-]+\.html$/.test(name)) {
    response.writeHead(404).end('not found');
    return;
  }
  try {
    const html = (await readFile(join(pagesDir, name), 'utf8'))
      .replaceAll('{{SERVER_V2}}', SERVER_V2_ORIGIN)
      .replaceAll('{{SERVER}}', SERVER_ORIGIN)
      .replaceAll('{{THEME}}', theme)
      .replaceAll('{{SCRIPT}}', script);
    const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8' };
    if (name.startsWith('csp-')) headers['content-security-policy'] = strictPolicy();
    response.writeHead(200, headers).end(html);
  } catch {
    response.writeHead(404).end('not found');
  }
});

const { port, hostname } = new URL(HOST_ORIGIN);
server.listen(Number(port), hostname === 'localhost' ? '127.0.0.1' : hostname, () => {
  console.log(`e2e host pages on ${HOST_ORIGIN}`);
});
