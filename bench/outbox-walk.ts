/**
 * Measuring the outbox for OUTBOX_MAX_MB: the walk that sums its files (every minute, and at every
 * /healthz) over the largest outbox the global cap lets build up before tickets go dead, 600
 * tickets an hour for 72 hours, a quarter of them with a file.
 * Run alone: npx tsx bench/outbox-walk.ts
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOutboxDiskUsage } from '../server/outbox/outbox-disk-usage.ts';
import { formatCount, formatMs } from './support/format.ts';
import { isEntryPoint, runAlone, type Part } from './support/part.ts';
import { median } from './support/stats.ts';

const TICKETS = 600 * 72;
const WALKS = 5;
// It runs every minute in the background: a walk must stay a small part of that.
const TARGET_MS = 5000;
const ITEM_JSON = JSON.stringify({ ticket: { title: 'Chamado', message: 'm'.repeat(900) } }).padEnd(2048);

/** The outbox-walk part. */
export const outboxWalk: Part = {
  title: 'Measuring a full outbox (OUTBOX_MAX_MB)',
  command: 'npx tsx bench/outbox-walk.ts',
  async measure(scope) {
    const root = await mkdtemp(join(tmpdir(), 'bench-outbox-walk-'));
    scope.defer(() => rm(root, { recursive: true, force: true }));
    await mkdir(join(root, 'outbox'));
    for (let i = 0; i < TICKETS; i++) {
      const folder = join(root, 'outbox', `TT-${String(i).padStart(8, '0')}`);
      await mkdir(folder);
      await writeFile(join(folder, 'item.json'), ITEM_JSON);
      if (i % 4 === 0) {
        await mkdir(join(folder, 'files'));
        await writeFile(join(folder, 'files', '0'), 'x'.repeat(1024));
      }
    }
    const usage = createOutboxDiskUsage({ root, maxBytes: Number.MAX_SAFE_INTEGER });
    const times: number[] = [];
    let bytes = 0;
    for (let walk = 0; walk < WALKS; walk++) {
      const started = performance.now();
      bytes = await usage.measure();
      times.push(performance.now() - started);
    }
    const ms = median(times);
    return {
      rows: [
        {
          figure: `one walk of a 72 h outbox (${formatCount(TICKETS)} tickets)`,
          ours: formatMs(ms),
          peer: '—',
          ratio: '—',
          target: `≤ ${formatMs(TARGET_MS)}`,
          met: ms <= TARGET_MS,
        },
      ],
      notes: [`median of ${WALKS} walks (the first reads a cold cache); ${formatCount(bytes)} bytes counted; walks: ${times.map(formatMs).join(', ')}`],
    };
  },
};

if (isEntryPoint(import.meta.url)) await runAlone(outboxWalk);
