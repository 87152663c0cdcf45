import { fileURLToPath } from 'node:url';

/** The repository root, whatever folder the bench is started from. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The widget bundle `npx vite build` writes, which sites embed. */
export const WIDGET_BUNDLE = fileURLToPath(new URL('../../dist/widget.js', import.meta.url));

/** A file of this repository by its path from the root, e.g. `server/main.ts`. */
export function repoPath(relative: string): string {
  return fileURLToPath(new URL(relative, new URL('../../', import.meta.url)));
}
