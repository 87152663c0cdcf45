import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The protections that need a browser or a human (an Origin, a form token at least 3 s old, a
// solved proof of work) or that refuse floods: off, as the integration suites run; the benchmark
// is one client flooding from loopback. File-type, honeypot and text checks stay on.
import { PROTECTIONS_OFF } from '../../server/integration/harness.ts';
import { BENCH_TOKEN } from './bench-account.ts';
import { buildServer } from './build-server.ts';
import { startChildServer, type ChildServer } from './child-process.ts';
import type { Scope } from './scope.ts';

/** Options of {@link startRelay}. */
export interface RelayOptions {
  /** The fake TomTicket's URL (TOMTICKET_API_URL). */
  apiUrl: string;
  /** TOMTICKET_CREATE_CUSTOMERS; default true, the server's own default. */
  createCustomers?: boolean;
}

/**
 * Our companion server as production runs it, `node dist/server/main.js` built from the current
 * sources first (BENCH_RELAY=source runs `server/main.ts` under tsx instead, to compare), in live
 * mode against the fake: TOMTICKET_TOKEN=bench-token, no FORM_CONFIG (the form is the fake's
 * departments), its own rate limiter off (the fake's is off too), {@link PROTECTIONS_OFF}, a data
 * folder (outbox, spool) of its own removed afterwards. Stopped with `scope`.
 */
export async function startRelay(scope: Scope, options: RelayOptions): Promise<ChildServer> {
  const script = process.env.BENCH_RELAY === 'source' ? 'server/main.ts' : await buildServer();
  // Its outbox, spool and idempotency records, never the repository's .data/.
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-relay-data-'));
  scope.defer(() => rm(dataDir, { recursive: true, force: true }));
  const relay = await startChildServer(scope, {
    script,
    env: {
      ...PROTECTIONS_OFF,
      TOMTICKET_TOKEN: BENCH_TOKEN,
      TOMTICKET_API_URL: options.apiUrl,
      TOMTICKET_REQUESTS_PER_SECOND: '0',
      TOMTICKET_CREATE_CUSTOMERS: String(options.createCustomers ?? true),
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
    },
    // "TomTicket form server (live mode: …) — open http://localhost:<port>"
    ready: / open (http:\/\/\S+)$/,
  });
  return { ...relay, url: relay.url.replace('//localhost:', '//127.0.0.1:') };
}

/** The buffering peer relay (bench/peers/buffering-relay.ts) against the same fake, stopped with `scope`. */
export function startBufferingRelay(scope: Scope, apiUrl: string): Promise<ChildServer> {
  return startChildServer(scope, {
    script: 'bench/peers/buffering-relay.ts',
    env: { TOMTICKET_TOKEN: BENCH_TOKEN, TOMTICKET_API_URL: apiUrl, HOST: '127.0.0.1', PORT: '0' },
    ready: /^buffering relay on (http:\/\/\S+)$/,
  });
}
