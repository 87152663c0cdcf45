/**
 * `npm run bench`: every benchmark part in turn (each alone on the machine, everything it started
 * stopped before the next), then ONE table: figure | ours | peer | ratio | target | met?
 * Each part also runs alone: npx tsx bench/<part>.ts.
 */
import { meterLoad } from './meter-load.ts';
import { outboxWalk } from './outbox-walk.ts';
import { oversize } from './oversize.ts';
import { relayMemory } from './relay-memory.ts';
import { relayThroughput } from './relay-throughput.ts';
import { currentLoad, describeLoad } from './support/load-average.ts';
import { describeMachine } from './support/machine.ts';
import { runPart, type Part } from './support/part.ts';
import { formatTable, type Row } from './support/table.ts';
import { timeToUsable } from './time-to-usable.ts';
import { widgetWeight } from './widget-weight.ts';

const PARTS: readonly Part[] = [widgetWeight, timeToUsable, meterLoad, relayMemory, relayThroughput, oversize, outboxWalk];

/** Runs the parts in order and prints the machine, the one table and each part's details. */
async function main(): Promise<void> {
  const started = performance.now();
  const machine = await describeMachine();
  const rows: Row[] = [];
  const details: string[] = [];
  const loads = [currentLoad()];
  let failures = 0;
  for (const part of PARTS) {
    const result = await runPart(part);
    loads.push(currentLoad());
    if (result === undefined) {
      failures++;
      rows.push({ figure: `${part.title}: FAILED (see above)`, ours: '—', peer: '—', ratio: '—', target: '—', met: false });
      continue;
    }
    rows.push(...result.rows);
    details.push(`\n### ${part.title}\nRerun alone: \`${part.command}\`\n`);
    details.push(...result.notes.map((note) => `- ${note}`));
  }

  console.log('\n# Benchmark results\n');
  console.log(machine.map((line) => `- ${line}`).join('\n'));
  console.log(`- ${describeLoad(loads)}`);
  console.log(`- Whole run: ${((performance.now() - started) / 60_000).toFixed(1)} min\n`);
  console.log(formatTable(rows));
  console.log('\nratio = how many times better ours is (peer ÷ ours for bytes, times and memory; ours ÷ peer for requests per second); below 1 the peer is better.');
  console.log(details.join('\n'));
  if (failures > 0) process.exitCode = 1;
}

await main();
