/**
 * `npm run build:widget`: builds the widget's scripts (scripts/widget-scripts.ts) and writes each
 * to dist/ twice: under its stable name (`widget.js`, the "latest" a page may embed) and under its
 * content-addressed name (`widget.3f2a9c1b7e4d.js`, which never changes), with
 * dist/widget-manifest.json saying which is which. The pinned files of the last
 * {@link KEPT_BUILDS} builds stay in dist/, so a page that pinned an earlier release keeps working
 * when the server is upgraded in place. Prints the embed snippet with its integrity hash.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { version } from '../package.json';
import { embedSnippets } from '../server/routes/embed-snippet.ts';
import { parsePinnedName } from '../server/widget-files/pinned-name.ts';
import { MANIFEST_FILE, readWidgetManifest, type WidgetManifest } from '../server/widget-files/widget-manifest.ts';
import { buildWidgetScripts, integrityOf, pinnedNameOf, type WidgetScript } from './widget-scripts.ts';

/** How many builds' pinned files dist/ keeps (this one and the ones before it). */
export const KEPT_BUILDS = 20;

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');

/** Builds and writes the widget into dist/, keeping earlier builds' pinned files; returns the new manifest. */
export async function buildAndWriteWidget(): Promise<WidgetManifest> {
  // Vitest and other callers may run with NODE_ENV=test, which would make vite keep development-only code.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  let code: Record<WidgetScript, string>;
  try {
    code = await buildWidgetScripts();
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  const earlier = await readWidgetManifest(root);
  await mkdir(dist, { recursive: true });
  const scripts: WidgetManifest['scripts'] = {};
  for (const [file, text] of Object.entries(code) as Array<[WidgetScript, string]>) {
    const pinned = pinnedNameOf(file, text);
    scripts[file] = { file: pinned, integrity: integrityOf(text, 'sha384') };
    await writeFile(join(dist, pinned), text);
    await writeFile(join(dist, file), text);
  }
  const current = Object.values(scripts).map((script) => script.file);
  // The same sources build the same bytes: a rebuild of them is not a new build to keep.
  const others = (earlier?.kept ?? []).filter((files) => files.join() !== current.join());
  const kept = [current, ...others].slice(0, KEPT_BUILDS);
  await removeAgedOutPins(others.slice(KEPT_BUILDS - 1).flat(), new Set(kept.flat()));
  const manifest: WidgetManifest = { version, scripts, kept };
  await writeFile(join(dist, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/**
 * Deletes the pinned files of the builds that fell out of the kept ones (unless a kept build has
 * the same file). Pinned files the manifest never listed (copied in by an operator) are left alone.
 */
async function removeAgedOutPins(agedOut: readonly string[], kept: ReadonlySet<string>): Promise<void> {
  for (const name of agedOut) {
    if (parsePinnedName(name) && !kept.has(name)) await rm(join(dist, name), { force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const manifest = await buildAndWriteWidget();
  const origin = (process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 8787}`).replace(/\/+$/, '');
  const embed = embedSnippets(origin, manifest);
  console.log(`Widget ${manifest.version} built into dist/. Embed it pinned (set PUBLIC_URL to your server's address before building to print it here; GET /embed.json always answers it):\n`);
  console.log(`${embed.snippet}\n`);
  console.log(`Launcher only:\n\n${embed.launcher.snippet}\n`);
}
