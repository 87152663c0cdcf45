/**
 * Time to a usable form in Chromium: from the mark right before the script tag to the form's first
 * field being focusable, median of many cold page loads, unthrottled and with 4× CPU throttling.
 * Ours loads its schema from the companion server (sandbox mode, demo form); the peer is Sentry's
 * feedback form opened with its documented API (createForm → appendToDom → open).
 * BENCH_BASELINE_BUNDLE=<path of another build's widget.js> adds that build as a third form,
 * loaded in turn with the other two, so a change is compared with the build before it in the same
 * run, on the same machine at the same load.
 * Run alone: npx tsx bench/time-to-usable.ts
 */
import type { Browser } from '@playwright/test';
import { buildSentryFeedback } from './peers/build-sentry-feedback.ts';
import { launchChromium } from './support/browser.ts';
import { buildWidget } from './support/build-widget.ts';
import { formatMs, formatRatio } from './support/format.ts';
import { readPageScript, SCRIPT_PATHS, sentryPage, widgetPage } from './support/harness-pages.ts';
import { startHarnessServer } from './support/harness-server.ts';
import { isEntryPoint, runAlone, type Part } from './support/part.ts';
import { startSandboxServer } from './support/sandbox-server.ts';
import { median, percentile } from './support/stats.ts';
import { widgetFiles } from './support/widget-files.ts';

const LOADS = Number(process.env.BENCH_LOADS ?? 30);
// Loads run and thrown away first: Chromium's own first-use costs are not the form's.
const WARM_UP_LOADS = 3;
const THROTTLE_RATES = [1, 4] as const;
const USABLE_TARGET_MS = 30;
const LOAD_TIMEOUT_MS = 20_000;
const BASELINE_BUNDLE = process.env.BENCH_BASELINE_BUNDLE;

type Subject = 'ours' | 'sentry' | 'baseline';

interface Load {
  usableMs: number;
  readyEventMs?: number;
  /** The field found usable, e.g. `input[name=email]`, to show what each form offered first. */
  field: string;
}

/** The time-to-usable part. */
export const timeToUsable: Part = {
  title: 'Time to a usable form (Chromium)',
  command: 'npx tsx bench/time-to-usable.ts',
  async measure(scope) {
    const widget = await buildWidget();
    const server = await startSandboxServer(scope);
    const probe = await readPageScript('usable-probe');
    const subjects: Subject[] = BASELINE_BUNDLE ? ['ours', 'sentry', 'baseline'] : ['ours', 'sentry'];
    // Each build's widget.js with the parts it loads from beside it.
    const scripts: Record<string, string> = { ...widgetFiles(widget), ...(BASELINE_BUNDLE ? widgetFiles(BASELINE_BUNDLE, '/baseline/') : {}) };
    const harness = await startHarnessServer(scope, {
      pages: {
        '/ours.html': () => widgetPage(server.url, [probe]),
        '/sentry.html': () => sentryPage([probe]),
        '/baseline.html': () => widgetPage(server.url, [probe], '/baseline/widget.js'),
      },
      scripts,
    });
    const dsn = `http://benchPublicKey@${new URL(harness.origin).host}/1`;
    scripts[SCRIPT_PATHS.sentry] = await buildSentryFeedback(scope, { dsn, variant: 'tree-shaken' });
    const browser = await launchChromium(scope);

    const rows = [];
    const firstFields: Record<Subject, string> = { ours: '', sentry: '', baseline: '' };
    const notes = [
      `${LOADS} measured loads per form and throttle (after ${WARM_UP_LOADS} warm-up loads each), alternating forms, each in a fresh browser context (cold cache, no draft).`,
      'Ours: inline <tomticket-form> against the companion server in sandbox mode with its defaults (demo form, proof of work on: the widget fetches /api/challenge and solves it in the background). Sentry: createForm() → appendToDom() → open() right after its script.',
      ...(BASELINE_BUNDLE ? [`Baseline: ${BASELINE_BUNDLE} (and the parts beside it), the same page as ours.`] : []),
    ];
    const spread = (times: number[]) => [10, 50, 90].map((p) => formatMs(percentile(times, p))).join(' / ');
    for (const rate of THROTTLE_RATES) {
      const loads: Record<Subject, Load[]> = { ours: [], sentry: [], baseline: [] };
      for (let i = 0; i < WARM_UP_LOADS + LOADS; i++) {
        // Turning which goes first spreads any drift of the machine over every form.
        const order = [...subjects.slice(i % subjects.length), ...subjects.slice(0, i % subjects.length)];
        for (const subject of order) {
          const load = await loadOnce(browser, `${harness.origin}/${subject}.html`, rate);
          if (i >= WARM_UP_LOADS) loads[subject].push(load);
          firstFields[subject] ||= load.field;
        }
      }
      const [ours, sentry, baseline] = (['ours', 'sentry', 'baseline'] as const).map((s) => loads[s].map((load) => load.usableMs));
      const ourMedian = median(ours!);
      const peerMedian = median(sentry!);
      const label = rate === 1 ? 'unthrottled' : `${rate}× CPU throttling`;
      rows.push({
        figure: `time to usable form, median (${label})`,
        ours: formatMs(ourMedian),
        peer: formatMs(peerMedian),
        ratio: formatRatio(peerMedian / ourMedian),
        target: rate === 1 ? `< ${USABLE_TARGET_MS} ms and < peer` : '< peer',
        met: (rate !== 1 || ourMedian < USABLE_TARGET_MS) && ourMedian < peerMedian,
      });
      if (BASELINE_BUNDLE) {
        const baselineMedian = median(baseline!);
        rows.push({
          figure: `time to usable form, median (${label}), peer: the baseline build`,
          ours: formatMs(ourMedian),
          peer: formatMs(baselineMedian),
          ratio: formatRatio(baselineMedian / ourMedian),
          target: 'not slower',
          met: ourMedian <= baselineMedian,
        });
      }
      const readyEvents = (subject: Subject) =>
        median(loads[subject].flatMap((load) => (load.readyEventMs === undefined ? [] : [load.readyEventMs])));
      // Each round loads every form once, back to back: the difference within a round is free of the machine's drift.
      const paired = baseline!.map((time, round) => ours![round]! - time);
      notes.push(
        `${label}: ours p10/p50/p90 ${spread(ours!)}; Sentry ${spread(sentry!)}; ours' tomticket:ready event at median ${formatMs(readyEvents('ours'))}` +
          (BASELINE_BUNDLE
            ? `; baseline ${spread(baseline!)}, its tomticket:ready at median ${formatMs(readyEvents('baseline'))}; ` +
              `ours − baseline within a round, p25/p50/p75: ${[25, 50, 75].map((p) => formatMs(percentile(paired, p))).join(' / ')}`
            : ''),
      );
    }
    notes.push(
      `First field found usable: ours ${firstFields.ours}, Sentry ${firstFields.sentry}. Chromium ${browser.version()}; Sentry's SDK sent ${harness.envelopes()} envelopes to the local DSN.`,
    );
    return { rows, notes };
  },
};

/** One cold page load in a fresh context: the time to usable, checked by really focusing the field. */
async function loadOnce(browser: Browser, url: string, cpuThrottlingRate: number): Promise<Load> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    if (cpuThrottlingRate !== 1) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottlingRate });
    }
    await page.goto(url);
    await page.waitForFunction('window.benchUsable !== undefined', undefined, { timeout: LOAD_TIMEOUT_MS });
    const result = (await page.evaluate(`(() => {
      const field = window.benchUsableField;
      field.focus();
      return {
        usableMs: window.benchUsable,
        readyEventMs: window.benchReadyEvent,
        field: field.localName + '[name=' + (field.name || field.id) + ']',
        focused: field.getRootNode().activeElement === field,
      };
    })()`)) as Load & { focused: boolean };
    if (!result.focused) throw new Error(`${url}: the field found usable could not take the focus`);
    const { focused: _checked, ...load } = result;
    return load;
  } finally {
    await context.close();
  }
}

if (isEntryPoint(import.meta.url)) await runAlone(timeToUsable);
