/**
 * Relay throughput and latency: small tickets (no files) through our relay against straight to the
 * fake TomTicket (its own process, rate limit off), with autocannon on loopback; then one 25 MB
 * ticket end to end each way. The relay makes several upstream calls per ticket (customer check,
 * creation for a new customer, the ticket, the detail lookup for its protocol number): the fake's
 * own count of calls is reported beside each figure, and TOMTICKET_CREATE_CUSTOMERS=false gives the
 * like-for-like case.
 * Run alone: npx tsx bench/relay-throughput.ts
 */
import { randomUUID } from 'node:crypto';
import { createTicketPath, relayTicketFields, upstreamTicketFields } from './support/bench-account.ts';
import { bigRelayTicket, bigUpstreamTicket } from './support/big-ticket.ts';
import { formatCount, formatMs, formatRatio } from './support/format.ts';
import { loadTest, type FixedRequest, type LoadRun } from './support/load-test.ts';
import { textFormBody, type StreamedBody } from './support/multipart.ts';
import { isEntryPoint, runAlone, type Part } from './support/part.ts';
import { postTicket } from './support/post-ticket.ts';
import { createScope } from './support/scope.ts';
import { startFakeProcess, type FakeProcess } from './support/start-fake.ts';
import { startRelay } from './support/start-relay.ts';
import { median } from './support/stats.ts';
import type { Row } from './support/table.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;
const SINGLE_SECONDS = Math.max(2, Math.round(SECONDS / 2));
const WARM_UP_SECONDS = 2;
const BIG_RUNS = 3;
const ADDED_TARGET_MS = 2;

interface Measured {
  loaded: LoadRun;
  single: LoadRun;
  /** Upstream calls per created ticket, from the fake's own log, e.g. "3.00 (cliente 1, criar_chamado 1, chamado 1)". */
  calls: string;
}

/** The relay-throughput part. */
export const relayThroughput: Part = {
  title: 'Relay throughput and latency',
  command: 'npx tsx bench/relay-throughput.ts',
  async measure(scope) {
    const fake = await startFakeProcess(scope);
    const direct = withBody(`${fake.url}${createTicketPath()}`, textFormBody(upstreamTicketFields()));
    const straight = await measureTarget(fake, direct);
    const bigStraight = await timeBigTicket(`${fake.url}${createTicketPath()}`, bigUpstreamTicket);

    // One relay at a time, each stopped before the next starts, so it has the machine to itself.
    const relayScope = createScope();
    // Also closed with the part's scope, so Ctrl-C or SIGTERM mid-run stops this relay too.
    scope.defer(() => relayScope.close());
    let knownCustomer: Measured;
    let newCustomer: Measured;
    let bigRelay: number;
    try {
      const relay = await startRelay(relayScope, { apiUrl: fake.url });
      const tickets = `${relay.url}/api/tickets`;
      knownCustomer = await measureTarget(fake, withBody(tickets, textFormBody(relayTicketFields())));
      newCustomer = await measureTarget(fake, newCustomerPerTicket(tickets), { loaded: false });
      bigRelay = await timeBigTicket(tickets, bigRelayTicket);
    } finally {
      await relayScope.close();
    }
    const noCustomerScope = createScope();
    scope.defer(() => noCustomerScope.close());
    let likeForLike: Measured;
    try {
      const relay = await startRelay(noCustomerScope, { apiUrl: fake.url, createCustomers: false });
      likeForLike = await measureTarget(fake, withBody(`${relay.url}/api/tickets`, textFormBody(relayTicketFields())));
    } finally {
      await noCustomerScope.close();
    }

    const addedRow = (label: string, ours: LoadRun, baseline: LoadRun): Row => ({
      figure: label,
      ours: `${formatMs(ours.p50)} (+${formatMs(ours.p50 - baseline.p50)})`,
      peer: formatMs(baseline.p50),
      ratio: formatRatio(baseline.p50 / ours.p50),
      target: `< +${ADDED_TARGET_MS} ms`,
      met: ours.p50 - baseline.p50 < ADDED_TARGET_MS && ours.failed === 0,
    });
    const rateRow = (label: string, ours: LoadRun): Row => ({
      figure: label,
      ours: `${formatCount(ours.requestsPerSecond)} req/s`,
      peer: `${formatCount(straight.loaded.requestsPerSecond)} req/s`,
      ratio: formatRatio(ours.requestsPerSecond / straight.loaded.requestsPerSecond),
      target: '—',
      met: undefined,
    });
    const tailRow = (label: string, ours: LoadRun): Row => ({
      figure: label,
      ours: `${formatMs(ours.p50)} / ${formatMs(ours.p99)}`,
      peer: `${formatMs(straight.loaded.p50)} / ${formatMs(straight.loaded.p99)}`,
      ratio: formatRatio(straight.loaded.p50 / ours.p50),
      target: '—',
      met: undefined,
    });
    const describe = (name: string, m: Measured) =>
      `${name}: upstream calls per ticket ${m.calls}; ${CONNECTIONS} connections: ${formatCount(m.loaded.ok)} tickets, ${m.loaded.failed} failed; 1 connection: ${formatCount(m.single.ok)} tickets, ${m.single.failed} failed`;
    return {
      rows: [
        addedRow('small ticket p50, 1 connection, default (returning customer: ticket + detail)', knownCustomer.single, straight.single),
        addedRow('small ticket p50, 1 connection, new customer (+ check + creation)', newCustomer.single, straight.single),
        addedRow('small ticket p50, 1 connection, CREATE_CUSTOMERS=false', likeForLike.single, straight.single),
        addedRow(`small ticket p50, ${CONNECTIONS} connections, default`, knownCustomer.loaded, straight.loaded),
        addedRow(`small ticket p50, ${CONNECTIONS} connections, CREATE_CUSTOMERS=false`, likeForLike.loaded, straight.loaded),
        tailRow(`small ticket p50 / p99, ${CONNECTIONS} connections, default`, knownCustomer.loaded),
        rateRow(`small tickets per second, ${CONNECTIONS} connections, default`, knownCustomer.loaded),
        rateRow(`small tickets per second, ${CONNECTIONS} connections, CREATE_CUSTOMERS=false`, likeForLike.loaded),
        {
          figure: '25 MB ticket end to end, median',
          ours: formatMs(bigRelay),
          peer: formatMs(bigStraight),
          ratio: formatRatio(bigStraight / bigRelay),
          target: '—',
          met: undefined,
        },
      ],
      notes: [
        `peer column = straight to the fake's criar_chamado (1 call per ticket): ${describe('straight', straight)}.`,
        describe('relay, default', knownCustomer),
        describe('relay, new customer per ticket (1 connection only)', newCustomer),
        describe('relay, TOMTICKET_CREATE_CUSTOMERS=false', likeForLike),
        `${CONNECTIONS}-connection runs last ${SECONDS} s, 1-connection runs ${SINGLE_SECONDS} s, each after ${WARM_UP_SECONDS} s of warm-up; latencies are autocannon's per-response times. Relay and fake are separate processes, autocannon runs in the bench process: 3 busy processes on this machine's cores.`,
        `25 MB ticket: median of ${BIG_RUNS} sequential uploads each way, from the first byte sent to the last byte of the answer; through the relay it is received, spooled, checked, then sent on.`,
      ],
    };
  },
};

// A fixed boundary for bodies built per request, so the Content-Type header can stay the same.
const BOUNDARY = '----BenchFormBoundaryPerRequest0123456789';

/** Small tickets each from an e-mail the fake has never seen, so the relay must create the customer. */
function newCustomerPerTicket(url: string): FixedRequest {
  const run = randomUUID().slice(0, 8);
  let count = 0;
  const body = () => textFormBody(relayTicketFields(`new-${run}-${count++}@example.com`), BOUNDARY).body;
  return { url, headers: { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}` }, body: body(), nextBody: body };
}

function withBody(url: string, form: { contentType: string; body: Buffer }): FixedRequest {
  return { url, headers: { 'Content-Type': form.contentType }, body: form.body };
}

/** Warm-up, then the loaded and single-connection runs, with the fake's count of calls per ticket. */
async function measureTarget(fake: FakeProcess, target: FixedRequest, options = { loaded: true }): Promise<Measured> {
  await loadTest(target, CONNECTIONS, WARM_UP_SECONDS);
  await fake.clear();
  const loaded = options.loaded ? await loadTest(target, CONNECTIONS, SECONDS) : emptyRun();
  const single = await loadTest(target, 1, SINGLE_SECONDS);
  const counts = await fake.counts();
  // Per ticket the fake created, by its own log: requests still in flight when autocannon stopped count on both sides.
  const tickets = counts.byEndpoint.criar_chamado ?? 0;
  const total = Object.values(counts.byEndpoint).reduce((sum, n) => sum + n, 0);
  const parts = Object.entries(counts.byEndpoint).map(([endpoint, n]) => `${endpoint} ${(n / tickets).toFixed(2)}`);
  return { loaded, single, calls: `${(total / tickets).toFixed(2)} (${parts.join(', ')})` };
}

function emptyRun(): LoadRun {
  return { requestsPerSecond: Number.NaN, p50: Number.NaN, p99: Number.NaN, ok: 0, failed: 0 };
}

/** Median end-to-end time of BIG_RUNS sequential 25 MB tickets; throws when one is not created. */
async function timeBigTicket(url: string, ticket: () => StreamedBody): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < BIG_RUNS; run++) {
    const answer = await postTicket(url, ticket());
    if (answer.status !== 200 && answer.status !== 201) throw new Error(`25 MB ticket to ${url}: ${answer.status} ${answer.body}`);
    if (answer.body.includes('"erro":true')) throw new Error(`25 MB ticket refused by the fake: ${answer.body}`);
    times.push(answer.ms);
  }
  return median(times);
}

if (isEntryPoint(import.meta.url)) await runAlone(relayThroughput);
