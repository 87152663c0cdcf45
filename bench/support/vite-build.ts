import { build } from 'vite';
import { repoPath } from './paths.ts';

/** Runs a production vite build with one of the repository's configs (e.g. `vite.config.ts`), as `npx vite build --config <it>` does. */
export async function viteBuild(configFile: string): Promise<void> {
  await build({ configFile: repoPath(configFile), root: repoPath('.'), mode: 'production', logLevel: 'warn' });
}
