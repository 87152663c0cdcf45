import { build } from 'vite';
import { repoPath, WIDGET_BUNDLE } from './paths.ts';

/**
 * Builds dist/widget.js from the current sources with the project's own vite config (what
 * `npx vite build` does), so every widget figure is taken on the bundle sites would get.
 */
export async function buildWidget(): Promise<string> {
  await build({
    configFile: repoPath('vite.config.ts'),
    root: repoPath('.'),
    mode: 'production',
    logLevel: 'warn',
  });
  return WIDGET_BUNDLE;
}
