/** Paces calls to TomTicket so the whole server stays under the account's rate limit. */
export interface RateLimiter {
  /**
   * Runs `task` once the limit allows, in the order tasks were scheduled; settles as the task does.
   * When `neverSent(result)` says the request never reached the receiver (a refused connection),
   * its start is given back: the receiver counted nothing, so an outage does not eat the budget.
   */
  schedule<T>(task: () => Promise<T>, neverSent?: (result: T) => boolean): Promise<T>;
  /**
   * The receiver refused a call for its rate (429): start nothing for one whole window from now,
   * so its count empties (a receiver may count refused calls too). Applies even when unlimited.
   * Optional, so a stand-in limiter need not implement it.
   */
  reportRateLimited?(): void;
}

/** Options of {@link createRateLimiter}. */
export interface RateLimiterOptions {
  /** Task starts allowed per second; 0 means unlimited. */
  requestsPerSecond: number;
  /** The window the starts are counted in; default {@link DEFAULT_WINDOW_MS}. */
  windowMs?: number;
  /** A monotonic clock in ms; tests pass a fake one. */
  now?: () => number;
  /** Waits `ms`; tests pass one that moves the fake clock. */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * TomTicket counts requests per second as they arrive, and network delivery jitters: two
 * requests sent 1000 ms apart can land 950 ms apart. Counting in 1100 ms keeps the receiver's
 * view of any 1000 ms under the limit.
 */
export const DEFAULT_WINDOW_MS = 1100;

/**
 * A FIFO limiter: at most `requestsPerSecond` task starts in any window of `windowMs`
 * (a sliding window over the last starts, not fixed one-second buckets that allow 2N at a seam).
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const limit = options.requestsPerSecond;
  if (!Number.isInteger(limit) || limit < 0) {
    throw new RangeError(`requestsPerSecond must be a whole number ≥ 0, got ${limit}`);
  }
  const windowMs = options.windowMs ?? DEFAULT_WINDOW_MS;
  // A monotonic clock: a wall-clock step (NTP) must not open or close the window.
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  const waiting: Array<(start: number) => void> = [];
  /** Start times of the last `limit` tasks, oldest first. */
  const recentStarts: number[] = [];
  let draining = false;
  let pausedUntil = Number.NEGATIVE_INFINITY;
  // Wakes a drain that waits for a slot when a start is given back.
  let slotFreed: (() => void) | undefined;

  async function drain(): Promise<void> {
    draining = true;
    try {
      while (waiting.length > 0) {
        const oldest = limit === 0 || recentStarts.length < limit ? undefined : recentStarts[0];
        const time = now();
        const wait = Math.max(oldest === undefined ? 0 : oldest + windowMs - time, pausedUntil - time);
        if (wait > 0) {
          await Promise.race([sleep(wait), new Promise<void>((resolve) => (slotFreed = resolve))]);
          slotFreed = undefined;
          continue;
        }
        if (limit > 0) {
          recentStarts.push(time);
          if (recentStarts.length > limit) recentStarts.shift();
        }
        waiting.shift()?.(time);
      }
    } finally {
      draining = false;
    }
  }

  /** Gives a start back: the request it let go never reached the receiver. */
  function giveBack(start: number): void {
    const index = recentStarts.lastIndexOf(start);
    if (index === -1) return;
    recentStarts.splice(index, 1);
    slotFreed?.();
  }

  return {
    schedule<T>(task: () => Promise<T>, neverSent?: (result: T) => boolean): Promise<T> {
      // Unlimited and not held off: no queue, no clock, no delay.
      if (limit === 0 && waiting.length === 0 && now() >= pausedUntil) return runTask(task);
      return new Promise<number>((start) => {
        waiting.push(start);
        if (!draining) void drain();
      }).then(async (start) => {
        const result = await runTask(task);
        if (neverSent?.(result)) giveBack(start);
        return result;
      });
    },
    reportRateLimited() {
      pausedUntil = Math.max(pausedUntil, now() + windowMs);
    },
  };
}

/** Runs a task so that a synchronous throw rejects like an asynchronous one. */
function runTask<T>(task: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve) => resolve(task()));
}
