import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One script as the build wrote it: its content-addressed name beside it in dist/, and its Subresource Integrity hash. */
export interface PinnedScript {
  /** `widget.3f2a9c1b7e4d.js`: served immutable, for a year. */
  file: string;
  /** `sha384-…`, for the `integrity` attribute of the tag that loads it. */
  integrity: string;
}

/**
 * `dist/widget-manifest.json`, written by every widget build (scripts/build-widget.ts): which
 * pinned file is the current one of each script, and which earlier builds' pinned files are still
 * kept in dist/ (pages that pinned them keep working after an upgrade in place).
 */
export interface WidgetManifest {
  /** The package's version the build was made from (package.json). */
  version: string;
  /** Each script by its stable name (`widget.js`, `launcher.js`, the parts), as built now. */
  scripts: Record<string, PinnedScript>;
  /** The pinned files of the builds kept in dist/, newest first (this one included). */
  kept: string[][];
}

/** The file name of the manifest inside dist/. */
export const MANIFEST_FILE = 'widget-manifest.json';

/** The manifest of the widget built into `root`/dist, or undefined while the widget has not been built (or its manifest is unreadable). */
export async function readWidgetManifest(root: string): Promise<WidgetManifest | undefined> {
  try {
    const manifest = JSON.parse(await readFile(join(root, 'dist', MANIFEST_FILE), 'utf8')) as WidgetManifest;
    return typeof manifest.scripts?.['widget.js']?.file === 'string' ? manifest : undefined;
  } catch {
    return undefined;
  }
}
