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
import { readPageScript, widgetPage } from './support/harness-pages.ts';
import { startHarnessServer } from './support/harness-server.ts';
import { isEntryPoint, runAlone, type Part } from './support/part.ts';
import { startSandboxServer } from './support/sandbox-server.ts';
import { median, percentile } from './support/stats.ts';
import { widgetFiles } from './support/widget-files.ts';

const FILES = 500;
const ROUNDS = Math.max(2, Number(process.env.BENCH_METER_ROUNDS ?? 4));
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
      scripts: widgetFiles(widget),
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
    // The first add runs code and styles the page has not used yet: what a customer meets. Later
    // rounds show the steady cost.
    const [firstAdd, ...laterAdds] = adds.map((t) => t.workMs) as [number, ...number[]];
    const laterAdd = median(laterAdds);
    const removalWork = removals.map((t) => t.workMs);
    const row = (figure: string, ours: string, target: string, met: boolean | undefined) =>
      ({ figure, ours, peer: '—', ratio: '—', target, met });
    return {
      rows: [
        row(`meter + file list after adding ${FILES} files, first time`, formatMs(firstAdd), `< ${FRAME_MS} ms`, firstAdd < FRAME_MS),
        row(`meter + file list after adding ${FILES} files, again (median)`, formatMs(laterAdd), `< ${FRAME_MS} ms`, laterAdd < FRAME_MS),
        row(`each removal (of ${FILES}), median / p95`, `${formatMs(median(removalWork))} / ${formatMs(percentile(removalWork, 95))}`, '—', undefined),
      ],
      notes: [
        `${ROUNDS} rounds of adding ${FILES} files (10 MB in all) through the file input and removing them one by one with their remove buttons: ${adds.length} adds, ${removals.length} removals, in one page.`,
        'Each time runs from the action (change event / button click) until the meter and the file list show the change and the layout is done (forced), measured in the page.',
        `Adding, each round: ${adds.map((t) => formatMs(t.workMs)).join(', ')}; until the next frame starts (adds the wait for vsync): ${adds.map((t) => formatMs(t.frameMs)).join(', ')}.`,
      ],
    };
  },
};

if (isEntryPoint(import.meta.url)) await runAlone(meterLoad);
