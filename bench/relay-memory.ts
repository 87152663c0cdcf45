/**
 * Relay memory: peak RSS of the relay's own process while 20 clients each upload a 25 MB ticket at
 * once, in front of the fake TomTicket (its own process, rate limit off). Ours is the compiled
 * server, dist/server/main.js; the peer is bench/peers/buffering-relay.ts (Express + multer
 * memoryStorage + fetch/FormData).
 * Run alone: npx tsx bench/relay-memory.ts
 */
import { bigRelayTicket, BIG_FILE_BYTES } from './support/big-ticket.ts';
import type { ChildServer } from './support/child-process.ts';
import { formatBytes, formatMs, formatRatio } from './support/format.ts';
import { isEntryPoint, runAlone, type Part } from './support/part.ts';
import { postTicket, warmUpRelay } from './support/post-ticket.ts';
import { readMemory, sampleRss } from './support/proc-stats.ts';
import { createScope } from './support/scope.ts';
import { startFakeProcess } from './support/start-fake.ts';
import { startBufferingRelay, startRelay } from './support/start-relay.ts';
import { median } from './support/stats.ts';

const CLIENTS = 20;
const PEAK_TARGET_BYTES = 150 * 1024 * 1024;
const PEER_FACTOR_TARGET = 5;

interface LoadResult {
  baselineRss: number;
  peakRss: number;
  sampledPeakRss: number;
  statuses: number[];
  medianMs: number;
  wallMs: number;
}

/** The relay-memory part. */
export const relayMemory: Part = {
  title: `Relay memory (${CLIENTS} × 25 MB at once)`,
  command: 'npx tsx bench/relay-memory.ts',
  async measure(scope) {
    const fake = await startFakeProcess(scope);
    // Each relay gets a scope of its own so it is stopped before the next starts: alone on the CPU.
    const measureRelay = async (start: (relayScope: typeof scope) => Promise<ChildServer>) => {
      const relayScope = createScope();
      // Also closed with the part's scope, so Ctrl-C or SIGTERM mid-run stops this relay too.
      scope.defer(() => relayScope.close());
      try {
        return await underLoad(await start(relayScope));
      } finally {
        await relayScope.close();
      }
    };
    const ours = await measureRelay((relayScope) => startRelay(relayScope, { apiUrl: fake.url }));
    const peer = await measureRelay((relayScope) => startBufferingRelay(relayScope, fake.url));
    const counts = await fake.counts();

    const ratio = peer.peakRss / ours.peakRss;
    const describe = (name: string, result: LoadResult) =>
      `${name}: RSS ${formatBytes(result.baselineRss)} before, peak ${formatBytes(result.peakRss)} (VmHWM; sampled VmRSS peak ${formatBytes(result.sampledPeakRss)}); ` +
      `answers ${summarize(result.statuses)}; median upload ${formatMs(result.medianMs)}, all ${CLIENTS} done in ${formatMs(result.wallMs)}`;
    return {
      rows: [
        {
          figure: `relay peak RSS, ${CLIENTS} × 25 MB at once (peer: buffering relay)`,
          ours: formatBytes(ours.peakRss),
          peer: formatBytes(peer.peakRss),
          ratio: formatRatio(ratio),
          target: `< ${formatBytes(PEAK_TARGET_BYTES)} and ≥ ${PEER_FACTOR_TARGET}× below peer`,
          met: ours.peakRss < PEAK_TARGET_BYTES && ratio >= PEER_FACTOR_TARGET && allCreated(ours) && allCreated(peer),
        },
      ],
      notes: [
        `Each upload: one attachment of ${BIG_FILE_BYTES} bytes plus the form fields, Content-Length set, streamed from a 64 KiB block (the senders hold no 25 MB buffers).`,
        describe(`ours (${process.env.BENCH_RELAY === 'source' ? 'server/main.ts under tsx' : 'node dist/server/main.js'}, live mode, own rate limiter off)`, ours),
        describe('peer (bench/peers/buffering-relay.ts)', peer),
        `The fake received ${JSON.stringify(counts.byEndpoint)} and holds ${counts.tickets} tickets (warm-up tickets included).`,
        'Memory is the relay process\'s own (node <script>; node --import tsx <script> for TypeScript, as npx tsx runs it without its two wrapper processes); VmHWM includes start-up.',
      ],
    };
  },
};

/** One warm-up ticket, then CLIENTS concurrent 25 MB tickets; the relay's memory before and at its peak. */
async function underLoad(relay: ChildServer): Promise<LoadResult> {
  await warmUpRelay(relay.url);
  const baselineRss = (await readMemory(relay.pid)).rss;
  const sampler = sampleRss(relay.pid);
  const started = performance.now();
  const answers = await Promise.all(
    Array.from({ length: CLIENTS }, () => postTicket(`${relay.url}/api/tickets`, bigRelayTicket())),
  );
  const wallMs = performance.now() - started;
  const sampledPeakRss = await sampler.stop();
  const { peakRss } = await readMemory(relay.pid);
  return {
    baselineRss,
    peakRss,
    sampledPeakRss,
    statuses: answers.map((answer) => answer.status),
    medianMs: median(answers.map((answer) => answer.ms)),
    wallMs,
  };
}

function allCreated(result: LoadResult): boolean {
  return result.statuses.every((status) => status === 201);
}

function summarize(statuses: readonly number[]): string {
  const byStatus = new Map<number, number>();
  for (const status of statuses) byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
  return [...byStatus].map(([status, count]) => `${count}× ${status}`).join(', ');
}

if (isEntryPoint(import.meta.url)) await runAlone(relayMemory);
