import { spawn } from 'node:child_process';
import { chown, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** An nginx started by {@link runNginx}. */
export interface RunningNginx {
  /** e.g. http://127.0.0.1:47803 */
  readonly url: string;
  /** What nginx wrote to its error log (stderr) so far. */
  errorLog(): string;
  /** Stops it and removes its folder. */
  close(): Promise<void>;
}

/** Options of {@link runNginx}. */
export interface RunNginxOptions {
  /** The nginx binary. */
  nginx: string;
  /** A site's configuration (upstream and server blocks), as in /etc/nginx/sites-available. */
  site: string;
  /** Where it listens: the site's `listen` lines must name it. */
  port: number;
}

// nobody:nogroup on Debian: when the tests run as root, nginx does not.
const UNPRIVILEGED = 65534;

/**
 * Runs nginx in the foreground with `site` inside a minimal http block, as an unprivileged process
 * (nobody, when the tests run as root) with its pid file, temp folders and logs in a fresh folder
 * of its own: nothing of the machine's nginx (/etc/nginx, /var/log/nginx, its service) is used.
 * Resolves once it answers on `port`; rejects with its error log when it does not start.
 */
export async function runNginx(options: RunNginxOptions): Promise<RunningNginx> {
  const folder = await mkdtemp(join(tmpdir(), 'tt-nginx-'));
  const path = (name: string) => join(folder, name);
  await writeFile(path('site.conf'), options.site);
  await writeFile(
    path('nginx.conf'),
    [
      'daemon off;',
      'worker_processes 1;',
      `pid ${path('nginx.pid')};`,
      'error_log stderr warn;',
      'events { worker_connections 256; }',
      'http {',
      '    access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((temp) => `    ${temp}_temp_path ${path(temp)};`),
      `    include ${path('site.conf')};`,
      '}',
      '',
    ].join('\n'),
  );
  const root = process.getuid?.() === 0;
  if (root) await chownAll(folder, UNPRIVILEGED);
  let log = '';
  // -e: the log nginx opens before reading its configuration, /var/log/nginx/error.log otherwise.
  const child = spawn(options.nginx, ['-p', folder, '-c', path('nginx.conf'), '-e', 'stderr'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    ...(root ? { uid: UNPRIVILEGED, gid: UNPRIVILEGED } : {}),
  });
  child.stderr.setEncoding('utf8').on('data', (text: string) => (log += text));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${options.port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    await rm(folder, { recursive: true, force: true });
  };

  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`nginx did not start:\n${log}`);
    }
    const up = await fetch(`${url}/healthz`).then(() => true, () => false);
    if (up) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`nginx did not answer on ${url} within 10 s:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { url, errorLog: () => log, close: stop };
}

async function chownAll(folder: string, id: number): Promise<void> {
  await chown(folder, id, id);
  for (const name of await readdir(folder)) await chown(join(folder, name), id, id);
}
