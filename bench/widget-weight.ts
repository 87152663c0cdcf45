/**
 * Widget weight: raw, gzip and brotli bytes of dist/widget.js (all an inline page downloads for a
 * usable form) against the weight Sentry's feedback form adds to a page (its whole bundle, since
 * the page has nothing else); what every form loads after its first render (the send part), and
 * so what an inline page downloads in all; what a page whose forms are all launchers downloads
 * before the customer shows intent (launcher.js) and then (the form part and the send part); and
 * what a launcher costs a page that loads widget.js (the launcher part).
 * Run alone: npx tsx bench/widget-weight.ts
 */
import { access } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PART_FILES } from '../widget/part/partFiles.ts';
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
    // Beside widget.js (a BENCH_WIDGET_BUNDLE from an older build may have none of them).
    const beside = async (file: string) => {
      const path = join(dirname(widgetPath), file);
      return access(path).then(() => compressedSizes(path), () => undefined);
    };
    const launcher = await beside('launcher.js');
    const formPart = await beside(PART_FILES.form);
    const sendPart = await beside(PART_FILES.send);
    const launcherPart = await beside(PART_FILES.launcher);
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
    const gzipRow = (figure: string, bytes: number, target = '—', met?: boolean, withPeer = false) => ({
      figure,
      ours: formatBytes(bytes),
      peer: withPeer ? formatBytes(peer.gzip) : '—',
      ratio: withPeer ? formatRatio(peer.gzip / bytes) : '—',
      target,
      met,
    });
    const split = launcher && formPart && sendPart && launcherPart;
    return {
      rows: [
        row('raw', '—', undefined),
        row('gzip', `≤ ${formatBytes(GZIP_BUDGET_BYTES)} and < peer`, ours.gzip <= GZIP_BUDGET_BYTES && ours.gzip < peer.gzip),
        row('brotli', '< peer', ours.brotli < peer.brotli),
        ...(split
          ? [
              gzipRow(`inline page after the first render, beside the schema: the send part (${PART_FILES.send}) gzip bytes`, sendPart.gzip),
              gzipRow('inline page in all: widget.js + the send part, gzip bytes (peer: Sentry feedback bundle)', ours.gzip + sendPart.gzip, '< peer', ours.gzip + sendPart.gzip < peer.gzip, true),
              gzipRow(
                'launcher-only page before intent: launcher.js gzip bytes (peer: Sentry feedback bundle)',
                launcher.gzip,
                `≤ ${formatBytes(LAUNCHER_GZIP_BUDGET_BYTES)}`,
                launcher.gzip <= LAUNCHER_GZIP_BUDGET_BYTES,
                true,
              ),
              gzipRow(`launcher-only page on intent: the rest (${PART_FILES.form} + ${PART_FILES.send}) gzip bytes`, formPart.gzip + sendPart.gzip),
              gzipRow(`a launcher on a widget.js page: the launcher part (${PART_FILES.launcher}) gzip bytes`, launcherPart.gzip),
            ]
          : []),
      ],
      notes: [
        `widget.js (inline pages, before the form is usable): ${ours.raw} B raw, ${ours.gzip} B gzip -9, ${ours.brotli} B brotli q11 (budget ${GZIP_BUDGET_BYTES} B gzip)`,
        split
          ? [
              `${PART_FILES.send} (every form, after its first render, side by side with GET /api/form): ${sendPart.raw} B raw, ${sendPart.gzip} B gzip, ${sendPart.brotli} B brotli`,
              `launcher.js (launcher-only pages, before intent): ${launcher.raw} B raw, ${launcher.gzip} B gzip, ${launcher.brotli} B brotli (budget ${LAUNCHER_GZIP_BUDGET_BYTES} B gzip); then ${PART_FILES.form} on the pointer over the button, its focus or a click: ${formPart.raw} B raw, ${formPart.gzip} B gzip, ${formPart.brotli} B brotli, and the send part after it`,
              `${PART_FILES.launcher} (a widget.js page with a launcher, when the launcher is first drawn): ${launcherPart.raw} B raw, ${launcherPart.gzip} B gzip, ${launcherPart.brotli} B brotli`,
            ].join('; ')
          : `launcher.js and the parts were not all found beside ${widgetPath}: no launcher or part figures`,
        `Sentry feedback (@sentry/browser feedbackIntegration, tree-shaking flags __SENTRY_DEBUG__/__SENTRY_TRACING__ = false): ${peer.raw} B raw, ${peer.gzip} B gzip, ${peer.brotli} B brotli`,
        `Sentry feedback exactly as the setup docs show (no tree-shaking flags): ${peerAsDocumented.raw} B raw, ${peerAsDocumented.gzip} B gzip, ${peerAsDocumented.brotli} B brotli`,
        'Both built with vite build(), minified, one IIFE file, target es2020; the table compares against the smaller (tree-shaken) peer build.',
      ],
    };
  },
};

if (isEntryPoint(import.meta.url)) await runAlone(widgetWeight);
