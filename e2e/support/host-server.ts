/**
 * Serves the e2e host pages (e2e/pages/*.html, and the pages' own scripts e2e/pages/*.js) from an
 * origin other than the companion server's, the way a customer's site embeds the widget.
 * `{{SERVER}}` in a page becomes the server's origin (`{{SERVER_V2}}` the one speaking API 2.0,
 * `{{SERVER_CONSENT}}` the one asking for a consent), `{{LANG}}` the `?lang=` of the address
 * (pt-BR, en or es; pt-BR by default),
 * `{{THEME}}` the `?theme=` of the address (light, dark or auto; light by default), `{{SCRIPT}}`
 * its `?script=` (widget.js or launcher.js; widget.js by default), `{{EMBED}}` the pinned embed
 * snippet of that script as the server's `/embed.json` gives it; with `?tamper=1` the snippet's
 * script is a copy served from here (`/tampered/<pinned name>`) with one byte changed, under the
 * same integrity hash. A page named `csp-*.html` is served with a strict Content-Security-Policy.
 * `/fonts.css` and `/fonts/<file>.woff2` give pages the font the screenshot comparisons draw with
 * (Inter, from the pinned @fontsource/inter dev dependency), whatever fonts the machine has.
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HOST_ORIGIN, SERVER_CONSENT_ORIGIN, SERVER_ORIGIN, SERVER_V2_ORIGIN } from './ports.ts';
import { tamperWith } from './tamper.ts';

const pagesDir = join(import.meta.dirname, '..', 'pages');
const fontsDir = join(import.meta.dirname, '..', '..', 'node_modules', '@fontsource', 'inter', 'files');
const THEMES = ['light', 'dark', 'auto'];
const SCRIPTS = ['widget.js', 'launcher.js'];
const LANGS = ['pt-BR', 'en', 'es'];

function strictPolicy(): string {
  // default-src 'self' without 'unsafe-inline': the widget must style itself without <style> or style="".
  return [
    `default-src 'self'`,
    `script-src 'self' ${SERVER_ORIGIN}`,
    `connect-src 'self' ${SERVER_ORIGIN}`,
    `img-src 'self' blob: data:`,
  ].join('; ');
}

/** The server's pinned embed snippet of `script` (see /embed.json); with `tampered`, pointing at this host's changed copy. */
async function embedSnippet(script: string, tampered: boolean): Promise<string> {
  const embed = (await (await fetch(`${SERVER_ORIGIN}/embed.json`)).json()) as { url: string; snippet: string; launcher: { url: string; snippet: string } };
  const { url, snippet } = script === 'launcher.js' ? embed.launcher : embed;
  return tampered ? snippet.replace(url, `${HOST_ORIGIN}/tampered/${new URL(url).pathname.slice(1)}`) : snippet;
}

/**
 * The server's pinned file `name` with one byte changed: the `;` that ends the script becomes a
 * space, so the copy still parses and would run exactly as the original if a browser did not check
 * its integrity.
 */
async function tamperedCopy(name: string): Promise<string | undefined> {
  const answer = await fetch(`${SERVER_ORIGIN}/${name}`);
  if (!answer.ok) return undefined;
  return tamperWith(await answer.text());
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
  const tampered = /^\/tampered\/([a-z-]+\.[0-9a-f]{12}\.js)$/.exec(url.pathname);
  if (tampered) {
    const copy = await tamperedCopy(tampered[1] as string);
    if (copy === undefined) response.writeHead(404).end('not found');
    else response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'access-control-allow-origin': '*' }).end(copy);
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
  const lang = url.searchParams.get('lang') ?? 'pt-BR';
  if (!LANGS.includes(lang)) {
    response.writeHead(400).end('lang must be pt-BR, en or es');
    return;
  }
  if (/^[a-z0-9-]+\.js$/.test(name)) {
    const code = await readFile(join(pagesDir, name), 'utf8').catch(() => undefined);
    if (code === undefined) response.writeHead(404).end('not found');
    else response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(code);
    return;
  }
  if (!/^[a-z0-9-]+\.html$/.test(name)) {
    response.writeHead(404).end('not found');
    return;
  }
  try {
    let html = await readFile(join(pagesDir, name), 'utf8');
    if (html.includes('{{EMBED}}')) html = html.replaceAll('{{EMBED}}', await embedSnippet(script, url.searchParams.get('tamper') === '1'));
    html = html
      .replaceAll('{{SERVER_V2}}', SERVER_V2_ORIGIN)
      .replaceAll('{{SERVER_CONSENT}}', SERVER_CONSENT_ORIGIN)
      .replaceAll('{{LANG}}', lang)
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
