import { WIDGET_BUNDLE } from './paths.ts';
import { viteBuild } from './vite-build.ts';

/**
 * Builds dist/widget.js from the current sources with the project's own vite config (what
 * `npx vite build` does), so every widget figure is taken on the bundle sites would get.
 * BENCH_WIDGET_BUNDLE=<path> measures that file instead, without building (e.g. a candidate fix).
 */
export async function buildWidget(): Promise<string> {
  const candidate = process.env.BENCH_WIDGET_BUNDLE;
  if (candidate) return candidate;
  await viteBuild('vite.config.ts');
  return WIDGET_BUNDLE;
}
