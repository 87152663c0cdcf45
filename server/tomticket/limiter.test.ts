import { describe, expect, it } from 'vitest';
import { createRateLimiter, DEFAULT_WINDOW_MS } from './limiter.ts';

/** A clock that only moves when the limiter sleeps; it wakes after pending work has run, like a timer. */
function fakeClock() {
  let time = 0;
  return {
    now: () => time,
    // A sleep ends at its own deadline: one the limiter stopped waiting for does not push time further.
    sleep: (ms: number) => {
      const deadline = time + ms;
      return new Promise<void>((resolve) =>
        setImmediate(() => {
          time = Math.max(time, deadline);
          resolve();
        }),
      );
    },
    advance: (ms: number) => {
      time += ms;
    },
  };
}

/** The most starts found in any window of `windowMs` (closed on the left, open on the right). */
function maxStartsInWindow(starts: number[], windowMs: number): number {
  const sorted = [...starts].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0; i < sorted.length; i++) {
    const first = sorted[i] ?? 0;
    most = Math.max(most, sorted.filter((time) => time >= first && time < first + windowMs).length);
  }
  return most;
}

describe('createRateLimiter', () => {
  it('never starts more than N tasks in any window, and starts each as early as allowed', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ requestsPerSecond: 3, now: clock.now, sleep: clock.sleep });
    const starts: number[] = [];
    await Promise.all(
      Array.from({ length: 10 }, () =>
        limiter.schedule(async () => {
          starts.push(clock.now());
        }),
      ),
    );
    expect(starts).toHaveLength(10);
    expect(maxStartsInWindow(starts, DEFAULT_WINDOW_MS)).toBe(3);
    const w = DEFAULT_WINDOW_MS;
    expect(starts).toEqual([0, 0, 0, w, w, w, 2 * w, 2 * w, 2 * w, 3 * w]);
  });

  it('holds each slot until a window after its task ended: a request sent late can never make four arrivals in one window', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ requestsPerSecond: 3, now: clock.now, sleep: clock.sleep });
    const starts: number[] = [];
    // Each call takes 500 ms (a slow upload, or a loaded machine that sends it late).
    const slowCall = () =>
      limiter.schedule(async () => {
        starts.push(clock.now());
        await clock.sleep(500);
      });
    await Promise.all(Array.from({ length: 4 }, slowCall));
    expect(starts).toEqual([0, 0, 0, 500 + DEFAULT_WINDOW_MS]);
  });

  it('gives back the start of a request that never reached the receiver (a refused connection)', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ requestsPerSecond: 3, now: clock.now, sleep: clock.sleep });
    const starts: number[] = [];
    // Ten calls during an outage: none reaches TomTicket, so none waits for the rate.
    await Promise.all(Array.from({ length: 10 }, () => limiter.schedule(async () => void starts.push(clock.now()), () => true)));
    expect(starts).toEqual(Array(10).fill(0));
    // Calls that did reach it still count: the fourth waits a window.
    const reached: number[] = [];
    await Promise.all(Array.from({ length: 4 }, () => limiter.schedule(async () => void reached.push(clock.now()), () => false)));
    expect(reached.map((start) => start - (reached[0] as number))).toEqual([0, 0, 0, DEFAULT_WINDOW_MS]);
  });

  it('counts a sliding window, not fixed buckets', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ requestsPerSecond: 2, windowMs: 1000, now: clock.now, sleep: clock.sleep });
    const starts: number[] = [];
    const record = () => limiter.schedule(async () => void starts.push(clock.now()));
    await record();
    clock.advance(900);
    await record();
    await record();
    await record();
    // The third may start only when the first leaves the window, the fourth when the second does.
    expect(starts).toEqual([0, 900, 1000, 1900]);
    expect(maxStartsInWindow(starts, 1000)).toBe(2);
  });

  it('starts tasks in the order they were scheduled, whatever their durations', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ requestsPerSecond: 1, now: clock.now, sleep: clock.sleep });
    const order: number[] = [];
    const tasks = [30, 0, 10, 5].map((duration, index) =>
      limiter.schedule(async () => {
        order.push(index);
        await new Promise((resolve) => setTimeout(resolve, duration));
        return index;
      }),
    );
    const late = limiter.schedule(async () => void order.push(4));
    expect(await Promise.all(tasks)).toEqual([0, 1, 2, 3]);
    await late;
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });

  it('passes on a task’s rejection, and a synchronous throw, without stalling the queue', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ requestsPerSecond: 2, now: clock.now, sleep: clock.sleep });
    const failing = limiter.schedule(async () => {
      throw new Error('async failure');
    });
    const throwing = limiter.schedule((() => {
      throw new Error('sync failure');
    }) as () => Promise<never>);
    const after = limiter.schedule(async () => 'still runs');
    await expect(failing).rejects.toThrow('async failure');
    await expect(throwing).rejects.toThrow('sync failure');
    await expect(after).resolves.toBe('still runs');
  });

  it('with 0 requests per second, starts everything at once', async () => {
    const clock = fakeClock();
    let slept = 0;
    const limiter = createRateLimiter({
      requestsPerSecond: 0,
      now: clock.now,
      sleep: async (ms) => {
        slept += ms;
      },
    });
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 50 }, () => limiter.schedule(async () => void starts.push(clock.now()))));
    expect(starts).toHaveLength(50);
    expect(slept).toBe(0);
  });

  it('refuses a negative or fractional rate', () => {
    expect(() => createRateLimiter({ requestsPerSecond: -1 })).toThrow(RangeError);
    expect(() => createRateLimiter({ requestsPerSecond: 1.5 })).toThrow(RangeError);
  });

  it('keeps two limiters independent', async () => {
    const clock = fakeClock();
    const first = createRateLimiter({ requestsPerSecond: 1, now: clock.now, sleep: clock.sleep });
    const second = createRateLimiter({ requestsPerSecond: 1, now: clock.now, sleep: clock.sleep });
    const starts: number[] = [];
    await first.schedule(async () => void starts.push(clock.now()));
    await second.schedule(async () => void starts.push(clock.now()));
    expect(starts).toEqual([0, 0]);
  });

  it('holds the limit in real time', async () => {
    const limiter = createRateLimiter({ requestsPerSecond: 3 });
    const starts: number[] = [];
    const began = Date.now();
    await Promise.all(Array.from({ length: 7 }, () => limiter.schedule(async () => void starts.push(Date.now()))));
    expect(maxStartsInWindow(starts, 1000)).toBeLessThanOrEqual(3);
    // Seven starts at three per window need two full windows, and should not need much more.
    expect(Date.now() - began).toBeGreaterThanOrEqual(2 * DEFAULT_WINDOW_MS - 5);
    expect(Date.now() - began).toBeLessThan(2 * DEFAULT_WINDOW_MS + 1000);
  });
});

describe('createRateLimiter: reportRateLimited', () => {
  it('holds every start for a whole window after a refusal', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ requestsPerSecond: 3, now: clock.now, sleep: clock.sleep });
    const starts: number[] = [];
    const record = () => limiter.schedule(async () => void starts.push(clock.now()));
    await record();
    clock.advance(200);
    limiter.reportRateLimited?.();
    await Promise.all([record(), record()]);
    expect(starts).toEqual([0, 200 + DEFAULT_WINDOW_MS, 200 + DEFAULT_WINDOW_MS]);
  });

  it('holds off an unlimited limiter too, then lets everything through at once', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ requestsPerSecond: 0, now: clock.now, sleep: clock.sleep });
    limiter.reportRateLimited?.();
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 5 }, () => limiter.schedule(async () => void starts.push(clock.now()))));
    expect(starts).toEqual(Array(5).fill(DEFAULT_WINDOW_MS));
    await limiter.schedule(async () => void starts.push(clock.now()));
    expect(starts.at(-1)).toBe(DEFAULT_WINDOW_MS);
  });
});
