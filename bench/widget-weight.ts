/**
 * Widget weight: raw, gzip and brotli bytes of dist/widget.js against the weight Sentry's feedback
 * form adds to a page (its whole bundle, since the page has nothing else).
 * Run alone: npx tsx bench/widget-weight.ts
 */
import { buildSentryFeedback, EXAMPLE_DSN } from './peers/build-sentry-feedback.ts';
import { buildWidget } from './support/build-widget.ts';
import { compressedSizes, type CompressedSizes } from './support/compressed-sizes.ts';
import { formatBytes, formatRatio } from './support/format.ts';
import { isEntryPoint, runAlone, type Part } from './support/part.ts';

// The budget: the whole script, everything in it, at most 15 KB gzip (KB = 1024 bytes,
// as widget/bundle-size.test.ts counts it).
const GZIP_BUDGET_BYTES = 15 * 1024;

/** The widget-weight part. */
export const widgetWeight: Part = {
  title: 'Widget weight',
  command: 'npx tsx bench/widget-weight.ts',
  async measure(scope) {
    const ours = await compressedSizes(await buildWidget());
    const peer = await compressedSizes(await buildSentryFeedback(scope, { dsn: EXAMPLE_DSN, variant: 'tree-shaken' }));
    const peerAsDocumented = await compressedSizes(
      await buildSentryFeedback(scope, { dsn: EXAMPLE_DSN, variant: 'docs-default' }),
    );
    const row = (label: keyof CompressedSizes, target: string, met: boolean | undefined) => ({
      figure: `widget.js ${label} bytes (peer: Sentry feedback bundle)`,
      ours: formatBytes(ours[label]),
      peer: formatBytes(peer[label]),
      ratio: formatRatio(peer[label] / ours[label]),
      target,
      met,
    });
    return {
      rows: [
        row('raw', '—', undefined),
        row('gzip', `≤ ${formatBytes(GZIP_BUDGET_BYTES)} and < peer`, ours.gzip <= GZIP_BUDGET_BYTES && ours.gzip < peer.gzip),
        row('brotli', '< peer', ours.brotli < peer.brotli),
      ],
      notes: [
        `widget.js: ${ours.raw} B raw, ${ours.gzip} B gzip -9, ${ours.brotli} B brotli q11 (budget ${GZIP_BUDGET_BYTES} B gzip)`,
        `Sentry feedback (@sentry/browser feedbackIntegration, tree-shaking flags __SENTRY_DEBUG__/__SENTRY_TRACING__ = false): ${peer.raw} B raw, ${peer.gzip} B gzip, ${peer.brotli} B brotli`,
        `Sentry feedback exactly as the setup docs show (no tree-shaking flags): ${peerAsDocumented.raw} B raw, ${peerAsDocumented.gzip} B gzip, ${peerAsDocumented.brotli} B brotli`,
        'Both built with vite build(), minified, one IIFE file, target es2020; the table compares against the smaller (tree-shaken) peer build.',
      ],
    };
  },
};

if (isEntryPoint(import.meta.url)) await runAlone(widgetWeight);
