import { join } from 'node:path';
import { serveFile } from './serve-file.ts';

/**
 * What the demo page (`/`, index.html) loads besides the widget, by route: its stylesheet, its
 * script (the theme builder, built into dist/demo/ by `npm run build`) and the site's icon. Only
 * the demo page uses them; a site embedding the form never does.
 */
export const DEMO_FILES = {
  '/demo/demo.css': { file: 'demo/demo.css', type: 'text/css; charset=utf-8' },
  '/demo/demo.js': { file: 'dist/demo/demo.js', type: 'text/javascript; charset=utf-8' },
  '/favicon.ico': { file: 'demo/favicon.ico', type: 'image/x-icon' },
} as const;

/** One of {@link DEMO_FILES}' routes. */
export type DemoRoute = keyof typeof DEMO_FILES;

/**
 * `GET <route>` for one of {@link DEMO_FILES}: the file from `root`, streamed, revalidated on each
 * visit (`no-cache`, like the page itself, so an edit or a rebuild shows at once); 503 with the
 * build command while it is not built.
 */
export function createDemoRoute(root: string, route: DemoRoute): () => Promise<Response> {
  const { file, type } = DEMO_FILES[route];
  const headers = { 'Content-Type': type, 'Cache-Control': 'no-cache' };
  return () => serveFile(join(root, file), headers, { file, what: "the demo page's files" });
}
