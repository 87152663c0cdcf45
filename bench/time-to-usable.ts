/**
 * Time to a usable form in Chromium: from the mark right before the script tag to the form's first
 * field being focusable, median of many cold page loads, unthrottled and with 4× CPU throttling.
 * Ours loads its schema from the companion server (sandbox mode, demo form); the peer is Sentry's
 * feedback form opened with its documented API (createForm → appendToDom → open).
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

const LOADS = Number(process.env.BENCH_LOADS ?? 30);
// Loads run and thrown away first: Chromium's own first-use costs are not the form's.
const WARM_UP_LOADS = 3;
const THROTTLE_RATES = [1, 4] as const;
const USABLE_TARGET_MS = 30;
const LOAD_TIMEOUT_MS = 20_000;

type Subject = 'ours' | 'sentry';

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
    const scripts: Record<string, string> = { [SCRIPT_PATHS.ours]: widget };
    const harness = await startHarnessServer(scope, {
      pages: { '/ours.html': () => widgetPage(server.url, [probe]), '/sentry.html': () => sentryPage([probe]) },
      scripts,
    });
    const dsn = `http://benchPublicKey@${new URL(harness.origin).host}/1`;
    scripts[SCRIPT_PATHS.sentry] = await buildSentryFeedback(scope, { dsn, variant: 'tree-shaken' });
    const browser = await launchChromium(scope);

    const rows = [];
    const firstFields: Record<Subject, string> = { ours: '', sentry: '' };
    const notes = [
      `${LOADS} measured loads per form and throttle (after ${WARM_UP_LOADS} warm-up loads each), alternating forms, each in a fresh browser context (cold cache, no draft).`,
      'Ours: inline <tomticket-form> against the companion server in sandbox mode with its defaults (demo form, proof of work on: the widget fetches /api/challenge and solves it in the background). Sentry: createForm() → appendToDom() → open() right after its script.',
    ];
    for (const rate of THROTTLE_RATES) {
      const loads: Record<Subject, Load[]> = { ours: [], sentry: [] };
      for (let i = 0; i < WARM_UP_LOADS + LOADS; i++) {
        // Alternating which goes first spreads any drift of the machine over both.
        const order: Subject[] = i % 2 === 0 ? ['ours', 'sentry'] : ['sentry', 'ours'];
        for (const subject of order) {
          const load = await loadOnce(browser, `${harness.origin}/${subject}.html`, rate);
          if (i >= WARM_UP_LOADS) loads[subject].push(load);
          firstFields[subject] ||= load.field;
        }
      }
      const ours = loads.ours.map((load) => load.usableMs);
      const sentry = loads.sentry.map((load) => load.usableMs);
      const ourMedian = median(ours);
      const peerMedian = median(sentry);
      const label = rate === 1 ? 'unthrottled' : `${rate}× CPU throttling`;
      rows.push({
        figure: `time to usable form, median (${label})`,
        ours: formatMs(ourMedian),
        peer: formatMs(peerMedian),
        ratio: formatRatio(peerMedian / ourMedian),
        target: rate === 1 ? `< ${USABLE_TARGET_MS} ms and < peer` : '< peer',
        met: (rate !== 1 || ourMedian < USABLE_TARGET_MS) && ourMedian < peerMedian,
      });
      const readyEvents = loads.ours.flatMap((load) => (load.readyEventMs === undefined ? [] : [load.readyEventMs]));
      notes.push(
        `${label}: ours p10/p50/p90 ${[10, 50, 90].map((p) => formatMs(percentile(ours, p))).join(' / ')}; ` +
          `Sentry ${[10, 50, 90].map((p) => formatMs(percentile(sentry, p))).join(' / ')}; ` +
          `ours' tomticket:ready event at median ${formatMs(median(readyEvents))}`,
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
