import { pathToFileURL } from 'node:url';
import { currentLoad, describeLoad } from './load-average.ts';
import { createScope, type Scope } from './scope.ts';
import { formatTable, type Row } from './table.ts';

/** What one benchmark part measured: its table rows and the details behind them. */
export interface PartResult {
  rows: Row[];
  /** Lines printed under the part's own table (sample counts, secondary figures, caveats). */
  notes: string[];
}

/** A benchmark part: measures, registering everything it starts on `scope` so it is stopped afterwards. */
export interface Part {
  /** Shown as the part's heading, e.g. "Relay memory". */
  title: string;
  /** How to rerun this part alone, e.g. `npx tsx bench/relay-memory.ts`. */
  command: string;
  measure(scope: Scope): Promise<PartResult>;
}

/** Whether the module at `moduleUrl` is the script node was started with (a part run alone). */
export function isEntryPoint(moduleUrl: string): boolean {
  const entry = process.argv[1];
  return entry !== undefined && pathToFileURL(entry).href === moduleUrl;
}

/**
 * Runs `part` inside a scope that is closed on success, failure, Ctrl-C or SIGTERM, so no server,
 * child process or browser outlives it. Resolves with its result (undefined when it failed).
 */
export async function runPart(part: Part): Promise<PartResult | undefined> {
  const scope = createScope();
  const stop = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: stopping what "${part.title}" started…`);
    void scope.close().finally(() => process.exit(130));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const started = performance.now();
  console.log(`\n## ${part.title}  (${part.command})`);
  try {
    const result = await part.measure(scope);
    console.log(`   done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return result;
  } catch (error) {
    console.error(`   FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return undefined;
  } finally {
    await scope.close();
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

/** Runs one part as its own script: its table, its notes, and how to rerun it. */
export async function runAlone(part: Part): Promise<void> {
  const loadBefore = currentLoad();
  const result = await runPart(part);
  if (result === undefined) {
    process.exitCode = 1;
    return;
  }
  console.log(`\n${formatTable(result.rows)}\n`);
  for (const note of result.notes) console.log(`- ${note}`);
  console.log(`- ${describeLoad([loadBefore, currentLoad()])}`);
  console.log(`\nRerun: ${part.command}   (all parts: npm run bench)`);
}
