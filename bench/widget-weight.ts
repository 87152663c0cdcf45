/**
 * Widget weight: raw, gzip and brotli bytes of dist/widget.js (all an inline page downloads)
 * against the weight Sentry's feedback form adds to a page (its whole bundle, since the page has
 * nothing else); and what a page whose forms are all launchers downloads before the customer shows
 * intent (launcher.js) and then (the form part).
 * Run alone: npx tsx bench/widget-weight.ts
 */
import { access } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PART_FILES } from '../widget/part/partFiles.ts';

const FORM_PART_FILE = PART_FILES.form;
import { buildSentryFeedback, EXAMPLE_DSN } from './peers/build-sentry-feedback.ts';
import { buildWidget } from './support/build-widget.ts';
import { compressedSizes, type CompressedSizes } from './support/compressed-sizes.ts';
import { formatBytes, formatRatio } from './support/format.ts';
import { isEntryPoint, runAlone, type Part } from './support/part.ts';

// The budgets widget/bundle-size.test.ts enforces (KB = 1024 bytes): everything an inline page
// downloads for a usable form, and what a launcher-only page downloads before intent.
const GZIP_BUDGET_BYTES = 18 * 1024;
const LAUNCHER_GZIP_BUDGET_BYTES = 5 * 1024;

/** The widget-weight part. */
export const widgetWeight: Part = {
  title: 'Widget weight',
  command: 'npx tsx bench/widget-weight.ts',
  async measure(scope) {
    const widgetPath = await buildWidget();
    const ours = await compressedSizes(widgetPath);
    // Beside widget.js (a BENCH_WIDGET_BUNDLE from an older build may have neither).
    const beside = async (file: string) => {
      const path = join(dirname(widgetPath), file);
      return access(path).then(() => compressedSizes(path), () => undefined);
    };
    const launcher = await beside('launcher.js');
    const rest = await beside(FORM_PART_FILE);
    const peer = await compressedSizes(await buildSentryFeedback(scope, { dsn: EXAMPLE_DSN, variant: 'tree-shaken' }));
    const peerAsDocumented = await compressedSizes(
      await buildSentryFeedback(scope, { dsn: EXAMPLE_DSN, variant: 'docs-default' }),
    );
    const row = (label: keyof CompressedSizes, target: string, met: boolean | undefined) => ({
      figure: `inline page: widget.js ${label} bytes (peer: Sentry feedback bundle)`,
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
        ...(launcher && rest
          ? [
              {
                figure: 'launcher-only page before intent: launcher.js gzip bytes (peer: Sentry feedback bundle)',
                ours: formatBytes(launcher.gzip),
                peer: formatBytes(peer.gzip),
                ratio: formatRatio(peer.gzip / launcher.gzip),
                target: `≤ ${formatBytes(LAUNCHER_GZIP_BUDGET_BYTES)}`,
                met: launcher.gzip <= LAUNCHER_GZIP_BUDGET_BYTES,
              },
              {
                figure: `launcher-only page on intent: the rest (${FORM_PART_FILE}) gzip bytes`,
                ours: formatBytes(rest.gzip),
                peer: '—',
                ratio: '—',
                target: '—',
                met: undefined,
              },
            ]
          : []),
      ],
      notes: [
        `widget.js (inline pages): ${ours.raw} B raw, ${ours.gzip} B gzip -9, ${ours.brotli} B brotli q11 (budget ${GZIP_BUDGET_BYTES} B gzip)`,
        launcher && rest
          ? `launcher.js (launcher-only pages, before intent): ${launcher.raw} B raw, ${launcher.gzip} B gzip, ${launcher.brotli} B brotli (budget ${LAUNCHER_GZIP_BUDGET_BYTES} B gzip); then ${FORM_PART_FILE} on the pointer over the button, its focus or a click: ${rest.raw} B raw, ${rest.gzip} B gzip, ${rest.brotli} B brotli`
          : `launcher.js and ${FORM_PART_FILE} were not found beside ${widgetPath}: no launcher figures`,
        `Sentry feedback (@sentry/browser feedbackIntegration, tree-shaking flags __SENTRY_DEBUG__/__SENTRY_TRACING__ = false): ${peer.raw} B raw, ${peer.gzip} B gzip, ${peer.brotli} B brotli`,
        `Sentry feedback exactly as the setup docs show (no tree-shaking flags): ${peerAsDocumented.raw} B raw, ${peerAsDocumented.gzip} B gzip, ${peerAsDocumented.brotli} B brotli`,
        'Both built with vite build(), minified, one IIFE file, target es2020; the table compares against the smaller (tree-shaken) peer build.',
      ],
    };
  },
};

if (isEntryPoint(import.meta.url)) await runAlone(widgetWeight);
