/**
 * The fake TomTicket as a process of its own, so what it spends (storing 25 MB uploads, answering
 * thousands of calls) is neither charged to nor taken from the process being measured.
 * Prints `fake TomTicket on <url>`; answers IPC messages {@link FakeQuery} with {@link FakeCounts}.
 * Started by start-fake.ts; not meant to be run by hand.
 */
import { startFakeTomTicket } from '../../server/sandbox/fake-tomticket.ts';
import { BENCH_CUSTOMER, BENCH_DEPARTMENT, BENCH_TOKEN } from './bench-account.ts';

/** What the bench asks the fake process. */
export type FakeQuery = { type: 'counts' } | { type: 'clear' };

/** The calls the fake received since the last clear, by endpoint, and the tickets it holds. */
export interface FakeCounts {
  type: 'counts';
  byEndpoint: Record<string, number>;
  statuses: Record<string, number>;
  tickets: number;
}

const fake = await startFakeTomTicket({
  token: BENCH_TOKEN,
  departments: [BENCH_DEPARTMENT],
  customers: [BENCH_CUSTOMER],
  // The benchmark measures our relay, not TomTicket's 3 calls per second.
  requestsPerSecond: 0,
});

process.on('message', (query: FakeQuery) => {
  if (query.type === 'clear') fake.clearRequests();
  const byEndpoint: Record<string, number> = {};
  const statuses: Record<string, number> = {};
  for (const record of fake.requests) {
    byEndpoint[record.endpoint] = (byEndpoint[record.endpoint] ?? 0) + 1;
    statuses[record.status] = (statuses[record.status] ?? 0) + 1;
  }
  const counts: FakeCounts = { type: 'counts', byEndpoint, statuses, tickets: fake.tickets.length };
  process.send?.(counts);
});

const stop = () => void fake.close().finally(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
// The bench went away without stopping us (killed): go too.
process.once('disconnect', stop);
console.log(`fake TomTicket on ${fake.url}`);
