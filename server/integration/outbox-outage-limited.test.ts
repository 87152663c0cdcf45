import { describe, expect, it } from 'vitest';
import { patternedBytes, sha256Of } from '../sandbox/test-kit.ts';
import { APIS, formOf, startHarness, textsShowingToken, validFields, type Harness } from './harness.ts';

// outbox-outage.test.ts with both limits on, as production runs: the server's limiter (3 calls in
// any 1.1 s) and the fake's own rule (429 past 3 in any second). TomTicket comes back with 100
// tickets queued while new customers keep sending: every ticket arrives once, no call is ever over
// the limit, and the new customers are still answered while the queue drains.
const QUEUED = 100;
const ARRIVALS = 10;
const ARRIVAL_EVERY_MS = 700;
const DELIVERY_WAIT_MS = 15_000;

/** The most requests the fake saw in any window of `windowMs` starting at one of them. */
function busiestWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (j < sorted.length && (sorted[j] as number) - (sorted[i] as number) < windowMs) j++;
    most = Math.max(most, j - i);
  }
  return most;
}

// Both APIs at once: each has its own fake, whose 3 calls a second is the whole cost of the wait.
describe.concurrent(`TomTicket back after an outage with ${QUEUED} tickets queued, with the rate limits on`, () => {
  it.each(APIS)('through $name: delivers every ticket once, never over the limit, and still answers customers arriving meanwhile', async ({ name, env }) => {
    const harness: Harness = await startHarness({ ...env, OUTBOX_RETRY_BASE_MS: '200', OUTBOX_RETRY_MAX_MS: '1000', DELIVERY_WAIT_MS: String(DELIVERY_WAIT_MS) }, 3);
    const send = (title: string, key: string, files: File[] = []) =>
      harness.send('/api/tickets', { method: 'POST', body: formOf({ ...validFields(), title }, files), headers: { 'Idempotency-Key': key } });
    try {
      expect((await harness.send('/api/form')).status).toBe(200);
      await harness.fake.setFault('down');
      const attached = new Map<string, string>();
      const queued = await Promise.all(
        Array.from({ length: QUEUED }, (_, i) => {
          const files = i % 10 === 0 ? [new File([patternedBytes(10_000 + i)], `queda-${i}.bin`)] : [];
          if (files.length > 0) attached.set(`Na fila ${i}`, sha256Of(patternedBytes(10_000 + i)));
          return send(`Na fila ${i}`, `limited-outage-${i}`, files);
        }),
      );
      expect(queued.map((answer) => answer.status)).toEqual(Array(QUEUED).fill(202));
      // Connections refused reached nobody: the outage spent none of the account's rate.
      expect(harness.fake.tickets).toHaveLength(0);
      harness.fake.clearRequests();

      await harness.fake.setFault('none');
      const recoveredAt = Date.now();
      const arrivals: Array<{ status: number; waitedMs: number }> = [];
      for (let i = 0; i < ARRIVALS; i++) {
        const sentAt = Date.now();
        const answer = await send(`Chegou durante a recuperação ${i}`, `limited-arrival-${i}`);
        arrivals.push({ status: answer.status, waitedMs: Date.now() - sentAt });
        await new Promise((resolve) => setTimeout(resolve, ARRIVAL_EVERY_MS));
      }
      const deadline = Date.now() + 90_000;
      while (harness.fake.tickets.length < QUEUED + ARRIVALS || (harness.json(await harness.send('/healthz')).outbox as { queued: number }).queued > 0) {
        if (Date.now() > deadline) throw new Error(`${harness.fake.tickets.length} of ${QUEUED + ARRIVALS} delivered`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const drainMs = Date.now() - recoveredAt;

      // Every customer arriving during the drain got an answer, within the wait: created or received.
      for (const arrival of arrivals) {
        expect([201, 202]).toContain(arrival.status);
        expect(arrival.waitedMs).toBeLessThan(DELIVERY_WAIT_MS + 2000);
      }
      // Each ticket exactly once, its attachment intact.
      const titles = harness.fake.tickets.map((ticket) => ticket.title);
      expect(new Set(titles).size).toBe(titles.length);
      expect(titles).toHaveLength(QUEUED + ARRIVALS);
      for (const [title, digest] of attached) {
        expect(harness.fake.tickets.find((ticket) => ticket.title === title)?.attachments.map((file) => file.sha256)).toEqual([digest]);
      }
      // Never over the limit: no 429, never more than 3 calls in any second as TomTicket saw them.
      expect(harness.fake.requests.filter((request) => request.status === 429)).toEqual([]);
      expect(busiestWindow(harness.fake.requests.map((request) => request.at), 1000)).toBeLessThanOrEqual(3);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(harness.fake.tickets).toHaveLength(QUEUED + ARRIVALS);

      const created = arrivals.filter((arrival) => arrival.status === 201).length;
      const slowest = Math.max(...arrivals.map((arrival) => arrival.waitedMs));
      console.log(
        `[outage, limits on, ${name}] queued ${QUEUED}, arrivals ${ARRIVALS} (${created} answered 201, slowest answer ${slowest} ms), ` +
          `delivered ${titles.length} once each, upstream calls ${harness.fake.requests.length}, 429s 0, drain ${drainMs} ms`,
      );
      expect(textsShowingToken(harness)).toEqual([]);
    } finally {
      await harness.close();
    }
  }, 150_000);
});
