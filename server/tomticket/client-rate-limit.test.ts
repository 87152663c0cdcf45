import { afterEach, describe, expect, it } from 'vitest';
import { busiestWindow, expectNoToken, startClientFixture, ticket, type ClientFixture } from './client-fixture.ts';
import { createRateLimiter } from './limiter.ts';

let fixture: ClientFixture | undefined;

afterEach(async () => {
  if (fixture) expectNoToken(fixture.logLines);
  await fixture?.close();
  fixture = undefined;
});

describe('createTomTicketClient: the account’s rate limit', () => {
  it('keeps 10 concurrent tickets under 3 requests in any second, as the fake saw them', async () => {
    fixture = await startClientFixture({ createCustomers: true, limiter: createRateLimiter({ requestsPerSecond: 3 }) });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, index) => fixture!.client.createTicket(ticket({ title: `Chamado ${index}` }))),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    expect(fixture.fake.tickets).toHaveLength(10);
    // Customer check, ticket and lookup for each: 30 calls, none refused.
    expect(fixture.fake.requests).toHaveLength(30);
    expect(fixture.fake.requests.filter((request) => request.status === 429)).toEqual([]);
    expect(busiestWindow(fixture.fake.requests.map((request) => request.at), 1000)).toBeLessThanOrEqual(3);
  }, 20_000);

  it('retries through a storm of 429 until every ticket is in', async () => {
    // The server believes in 3 per second, the account allows 1: most calls are refused at first.
    fixture = await startClientFixture(
      {
        limiter: createRateLimiter({ requestsPerSecond: 3 }),
        retry: { attempts: 10, baseDelayMs: 100, maxDelayMs: 1000 },
      },
      { requestsPerSecond: 1 },
    );
    const results = await Promise.all(
      Array.from({ length: 3 }, (_, index) => fixture!.client.createTicket(ticket({ title: `Chamado ${index}` }))),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    expect(fixture.fake.tickets).toHaveLength(3);
    expect(fixture.fake.requests.some((request) => request.status === 429)).toBe(true);
    const refused = fixture.logLines.map((line) => JSON.parse(line)).filter((line) => line.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]).toMatchObject({ level: 'warn', endpoint: expect.any(String), path: expect.stringContaining('/***') });
  }, 25_000);

  it('gives up after the configured attempts and reports unavailable', async () => {
    fixture = await startClientFixture(
      { limiter: createRateLimiter({ requestsPerSecond: 0 }), retry: { attempts: 1, baseDelayMs: 10, maxDelayMs: 10 } },
      { requestsPerSecond: 1 },
    );
    const results = await Promise.all([fixture.client.createTicket(ticket()), fixture.client.createTicket(ticket())]);
    // One of the two arrives first and is created; the other is refused and not tried again.
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([
      { ok: false, kind: 'unavailable', detail: 'criar_chamado answered 429 (rate limited); gave up after 1 try', ticketMayExist: false },
    ]);
  });
});
