/**
 * Meter under load: the time for the size meter and the file list to show 500 files added at once
 * (one change of the widget's file input, from a DataTransfer built in the page), then each of
 * the 500 removals, one by one with each file's remove button. Sentry's form has no file list, so
 * there is no peer.
 * Run alone: npx tsx bench/meter-load.ts
 */
import { launchChromium } from './support/browser.ts';
import { buildWidget } from './support/build-widget.ts';
import { formatMs } from './support/format.ts';
import { readPageScript, SCRIPT_PATHS, widgetPage } from './support/harness-pages.ts';
import { startHarnessServer } from './support/harness-server.ts';
import { isEntryPoint, runAlone, type Part } from './support/part.ts';
import { startSandboxServer } from './support/sandbox-server.ts';
import { median, percentile } from './support/stats.ts';

const FILES = 500;
const ROUNDS = Number(process.env.BENCH_METER_ROUNDS ?? 3);
const FRAME_MS = 16;

interface Timing {
  workMs: number;
  frameMs: number;
}

/** The meter-load part. */
export const meterLoad: Part = {
  title: 'Size meter under load (Chromium)',
  command: 'npx tsx bench/meter-load.ts',
  async measure(scope) {
    const widget = await buildWidget();
    const server = await startSandboxServer(scope);
    const probe = await readPageScript('meter-probe');
    const harness = await startHarnessServer(scope, {
      pages: { '/meter.html': () => widgetPage(server.url, [probe]) },
      scripts: { [SCRIPT_PATHS.ours]: widget },
    });
    const browser = await launchChromium(scope);
    const context = await browser.newContext();
    scope.defer(() => context.close());
    const page = await context.newPage();
    await page.goto(`${harness.origin}/meter.html`);
    await page.waitForFunction('window.benchReady === true');

    const adds: Timing[] = [];
    const removals: Timing[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      adds.push((await page.evaluate(`window.benchMeter.addFiles(${FILES})`)) as Timing);
      removals.push(...((await page.evaluate('window.benchMeter.removeAll()')) as Timing[]));
    }
    const addWork = median(adds.map((t) => t.workMs));
    const removalWork = removals.map((t) => t.workMs);
    const p95Removal = percentile(removalWork, 95);
    const row = (figure: string, ours: string, target: string, met: boolean | undefined) =>
      ({ figure, ours, peer: '—', ratio: '—', target, met });
    return {
      rows: [
        row(`meter + file list after adding ${FILES} files, median`, formatMs(addWork), `< ${FRAME_MS} ms`, addWork < FRAME_MS),
        row(`each removal (of ${FILES}), median / p95`, `${formatMs(median(removalWork))} / ${formatMs(p95Removal)}`, '—', undefined),
      ],
      notes: [
        `${ROUNDS} rounds of adding ${FILES} files (10 MB in all) and removing them one by one: ${adds.length} adds, ${removals.length} removals.`,
        'Times run from the action (input change event / remove button click) until the meter and the file list show the change and the layout is done (forced), in the page.',
        `Adding: each round ${adds.map((t) => formatMs(t.workMs)).join(', ')}; until the next frame starts (includes waiting for vsync): median ${formatMs(median(adds.map((t) => t.frameMs)))}.`,
        `Removal until the next frame starts: median ${formatMs(median(removals.map((t) => t.frameMs)))}, p95 ${formatMs(percentile(removals.map((t) => t.frameMs), 95))}.`,
      ],
    };
  },
};

if (isEntryPoint(import.meta.url)) await runAlone(meterLoad);
