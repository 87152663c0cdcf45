import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MANIFEST_FILE, type WidgetManifest } from '../../server/widget-files/widget-manifest.ts';
import { PART_FILES } from '../../widget/part/partFiles.ts';

/**
 * The harness paths of a widget build: `widget.js` at `prefix` and each part beside it, read from
 * beside the built file, as the companion server serves them (a form loads its send part, a
 * launcher its launcher part, from the folder of the script), under their stable names and, when
 * the build wrote a manifest, under their pinned names too: a build's scripts load the pinned
 * parts they were built with. A build older than the parts has none of them, and never asks for them.
 */
export function widgetFiles(widgetPath: string, prefix = '/'): Record<string, string> {
  const folder = dirname(widgetPath);
  const files: Record<string, string> = { [`${prefix}widget.js`]: widgetPath };
  for (const file of Object.values(PART_FILES)) files[`${prefix}${file}`] = join(folder, file);
  const manifestPath = join(folder, MANIFEST_FILE);
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as WidgetManifest;
    for (const { file } of Object.values(manifest.scripts)) files[`${prefix}${file}`] = join(folder, file);
  }
  return files;
}
