import { viteBuild } from './vite-build.ts';

/** The compiled companion server, from the repository root: what `npm start` runs with node. */
export const SERVER_BUILD = 'dist/server/main.js';

/**
 * Builds dist/server/main.js from the current sources with vite.server.config.ts (what
 * `npm run build:server` does), so the relay figures are taken on the program production runs.
 */
export async function buildServer(): Promise<string> {
  await viteBuild('vite.server.config.ts');
  return SERVER_BUILD;
}
