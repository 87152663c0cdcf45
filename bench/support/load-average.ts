import { availableParallelism, loadavg } from 'node:os';

/** The 1-minute load average, to tell a quiet run from one that shared the machine with other work. */
export function currentLoad(): number {
  return loadavg()[0] ?? 0;
}

/** A line about the load seen during a run: quiet, or busy enough that the timings are pessimistic. */
export function describeLoad(loads: readonly number[]): string {
  const cores = availableParallelism();
  const highest = Math.max(...loads);
  const verdict = highest > cores / 2 ? 'the machine was shared with other work: timings are pessimistic' : 'quiet';
  return `1-minute load average ${Math.min(...loads).toFixed(2)}–${highest.toFixed(2)} on ${cores} cores during the run (${verdict})`;
}
