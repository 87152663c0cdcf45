import type { WidgetManifest } from '../widget-files/widget-manifest.ts';

/** The scripts a page embeds, and the element each snippet puts in the page. */
const EMBEDS = {
  'widget.js': '<tomticket-form></tomticket-form>',
  'launcher.js': '<tomticket-form mode="launcher"></tomticket-form>',
} as const;

/** One of the scripts a page embeds. */
export type EmbeddedScript = keyof typeof EMBEDS;

/** What `GET /embed.json` answers: the pinned embed of widget.js, and of launcher.js for launcher-only pages. */
export interface EmbedInfo {
  version: string;
  url: string;
  integrity: string;
  snippet: string;
  launcher: { url: string; integrity: string; snippet: string };
}

/**
 * The two lines a site pastes to embed `script` from the companion server at `origin`: pinned
 * (its content-addressed URL, `integrity` and `crossorigin="anonymous"`) once the widget is built
 * and `manifest` names its file; the "latest" URL before that. The demo page, `GET /embed.json`
 * and `npm run build` all show this one text.
 */
export function embedSnippet(origin: string, manifest?: WidgetManifest, script: EmbeddedScript = 'widget.js'): string {
  const pinned = manifest?.scripts[script];
  const tag = pinned
    ? `<script src="${origin}/${pinned.file}" integrity="${pinned.integrity}" crossorigin="anonymous" defer></script>`
    : `<script src="${origin}/${script}" defer></script>`;
  return `${tag}\n${EMBEDS[script]}`;
}

/** The body of `GET /embed.json` for the server at `origin`: widget.js's pinned embed, and launcher.js's. */
export function embedSnippets(origin: string, manifest: WidgetManifest): EmbedInfo {
  const of = (script: EmbeddedScript) => {
    const { file, integrity } = manifest.scripts[script] as { file: string; integrity: string };
    return { url: `${origin}/${file}`, integrity, snippet: embedSnippet(origin, manifest, script) };
  };
  return { version: manifest.version, ...of('widget.js'), launcher: of('launcher.js') };
}
