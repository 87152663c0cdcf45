import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { REPO_ROOT } from './paths.ts';
import type { Scope } from './scope.ts';

/** A script running in its own Node process, listening on a loopback URL it printed. */
export interface ChildServer {
  /** The process whose memory and reads are measured: node itself, not a wrapper. */
  pid: number;
  url: string;
  child: ChildProcess;
  /** SIGTERM, then SIGKILL after a grace period; resolves once the process is gone. */
  stop(): Promise<void>;
}

/** Options of {@link startChildServer}. */
export interface ChildServerOptions {
  /** The script, from the repository root: TypeScript (`server/main.ts`) or JavaScript (`dist/server/main.js`). */
  script: string;
  /** The environment on top of a minimal one (PATH, HOME, TMPDIR, LANG): nothing else leaks in from the shell. */
  env: Record<string, string>;
  /** Matches the line announcing the server; group 1 is its URL. */
  ready: RegExp;
  /** Adds an IPC channel (for the fake's request counts). */
  ipc?: boolean;
}

const START_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 5_000;
const KEPT_OUTPUT_LINES = 20;

/**
 * Runs `node --import tsx <script>` for TypeScript (the same program `npx tsx <script>` runs, minus
 * the two wrapper processes, npx and tsx's CLI) and `node <script>` for JavaScript, so the pid is
 * the server's own. Its output is drained (a full pipe would stall it); the last lines are kept
 * for error messages. Stopped with `scope`.
 */
export async function startChildServer(scope: Scope, options: ChildServerOptions): Promise<ChildServer> {
  const loader = options.script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...loader, options.script], {
    cwd: REPO_ROOT,
    env: { ...baseEnvironment(), ...options.env },
    stdio: options.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const recent: string[] = [];
  const keep = (line: string) => {
    recent.push(line);
    if (recent.length > KEPT_OUTPUT_LINES) recent.shift();
  };
  createInterface({ input: child.stderr! }).on('line', keep);
  const lines = createInterface({ input: child.stdout! });

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    }
  };
  scope.defer(stop);

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail(`did not announce itself within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`${options.script} ${why}:\n${recent.join('\n')}`));
    };
    child.once('exit', (code, signal) => fail(`exited (${signal ?? code}) before it was ready`));
    lines.on('line', (line) => {
      const match = options.ready.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      } else keep(line);
    });
  });
  if (child.pid === undefined) throw new Error(`${options.script} has no pid`);
  return { pid: child.pid, url, child, stop };
}

function baseEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}
