import { readFile } from 'node:fs/promises';
import { availableParallelism, totalmem } from 'node:os';
import { launchChromium } from './browser.ts';
import { createScope } from './scope.ts';

/** The machine a run was taken on, as Markdown list lines: CPU, cores, memory, Node, Chromium. */
export async function describeMachine(): Promise<string[]> {
  const cpuinfo = await readFile('/proc/cpuinfo', 'utf8').catch(() => '');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? 'unknown';
  return [
    `CPU: ${model} (/proc/cpuinfo), ${availableParallelism()} cores available`,
    `Memory: ${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    `Node ${process.version}, Chromium ${await chromiumVersion()}`,
  ];
}

async function chromiumVersion(): Promise<string> {
  const scope = createScope();
  try {
    return (await launchChromium(scope)).version();
  } catch {
    return 'not found';
  } finally {
    await scope.close();
  }
}
