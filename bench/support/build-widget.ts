import { buildAndWriteWidget } from '../../scripts/build-widget.ts';
import { WIDGET_BUNDLE } from './paths.ts';

/**
 * Builds dist/widget.js and its parts from the current sources with the project's own build
 * (what `npm run build:widget` does), so every widget figure is taken on the bundle sites would get.
 * BENCH_WIDGET_BUNDLE=<path> measures that file instead, without building (e.g. a candidate fix).
 */
export async function buildWidget(): Promise<string> {
  const candidate = process.env.BENCH_WIDGET_BUNDLE;
  if (candidate) return candidate;
  await buildAndWriteWidget();
  return WIDGET_BUNDLE;
}
