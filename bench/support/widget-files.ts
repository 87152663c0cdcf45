import { dirname, join } from 'node:path';
import { PART_FILES } from '../../widget/part/partFiles.ts';

/**
 * The harness paths of a widget build: `widget.js` at `prefix` and each part beside it, read from
 * beside the built file, as the companion server serves them (a form loads its send part, a
 * launcher its launcher part, from the folder of the script). A build older than the parts has
 * none of them, and never asks for them.
 */
export function widgetFiles(widgetPath: string, prefix = '/'): Record<string, string> {
  const files: Record<string, string> = { [`${prefix}widget.js`]: widgetPath };
  for (const file of Object.values(PART_FILES)) files[`${prefix}${file}`] = join(dirname(widgetPath), file);
  return files;
}
