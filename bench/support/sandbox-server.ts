import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../../server/config/read-config.ts';
import { startServer, type RunningServer } from '../../server/start-server.ts';
import type { Scope } from './scope.ts';

/**
 * The companion server in sandbox mode inside the bench process, on a free loopback port: what the
 * widget fetches its schema from. Its log lines are dropped; the schema is fetched once so every
 * measured page load is served from the warm cache, as on a running site.
 */
export async function startSandboxServer(scope: Scope): Promise<RunningServer> {
  // Its outbox and spool, never the repository's .data/.
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-sandbox-data-'));
  scope.defer(() => rm(dataDir, { recursive: true, force: true }));
  const server = await startServer({
    config: readConfig({ SANDBOX: 'true', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir }),
    log: () => undefined,
  });
  scope.defer(() => server.close());
  const warmUp = await fetch(`${server.url}/api/form`);
  if (!warmUp.ok) throw new Error(`the sandbox server answered /api/form with ${warmUp.status}`);
  await warmUp.arrayBuffer();
  return server;
}
