import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { repoPath } from '../support/paths.ts';
import type { Scope } from '../support/scope.ts';

/** How the peer bundle is built: as the setup docs show, or with the tree-shaking flags Sentry documents. */
export type SentryBuildVariant = 'docs-default' | 'tree-shaken';

/** A DSN shaped like Sentry's examples; the weight does not depend on which host it names. */
export const EXAMPLE_DSN = 'https://examplePublicKey@o0.ingest.sentry.io/0';

// https://docs.sentry.io/platforms/javascript/configuration/tree-shaking/: drop debug logging and
// tracing code. The peer gets its smallest documented build, so the comparison cannot flatter us.
const TREE_SHAKING_FLAGS = { __SENTRY_DEBUG__: 'false', __SENTRY_TRACING__: 'false' };

/**
 * Bundles bench/peers/sentry-feedback-entry.ts with vite's build() into a temp folder (removed by
 * `scope`): minified, one classic script, the same target as widget.js. Returns the file's path.
 */
export async function buildSentryFeedback(
  scope: Scope,
  options: { dsn: string; variant: SentryBuildVariant },
): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'bench-sentry-'));
  scope.defer(() => rm(outDir, { recursive: true, force: true }));
  await build({
    configFile: false,
    root: repoPath('.'),
    mode: 'production',
    logLevel: 'warn',
    publicDir: false,
    define: {
      __BENCH_SENTRY_DSN__: JSON.stringify(options.dsn),
      ...(options.variant === 'tree-shaken' ? TREE_SHAKING_FLAGS : {}),
    },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2020',
      minify: true,
      lib: {
        entry: repoPath('bench/peers/sentry-feedback-entry.ts'),
        name: 'SentryFeedbackBench',
        formats: ['iife'],
        fileName: () => 'sentry-feedback.js',
      },
    },
  });
  return join(outDir, 'sentry-feedback.js');
}
