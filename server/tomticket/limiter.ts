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
 * A FIFO limiter: at most `requestsPerSecond` tasks in any window of `windowMs`. A task holds its
 * slot from its start until `windowMs` after it ends, not after it starts: a request can reach
 * the receiver any time before its answer ends the task (a loaded machine may send it late), so
 * counting from the end is the only count that holds whatever the delays. Four arrivals inside one
 * window would need a fourth task started while three slots were held, which never happens. The
 * price is a little throughput: slots come back `windowMs` after each answer instead of after
 * each start.
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

  const waiting: Array<() => void> = [];
  /** Tasks started and not ended: each holds a slot. */
  let running = 0;
  /** When the slots of ended tasks come back (end + window), soonest first. */
  const heldUntil: number[] = [];
  let draining = false;
  let pausedUntil = Number.NEGATIVE_INFINITY;
  // Wakes a drain that waits for a slot when a task ends (its slot may come back at once).
  let slotChanged: (() => void) | undefined;

  async function drain(): Promise<void> {
    draining = true;
    try {
      while (waiting.length > 0) {
        const time = now();
        while (heldUntil.length > 0 && (heldUntil[0] as number) <= time) heldUntil.shift();
        const full = limit > 0 && running + heldUntil.length >= limit;
        // Full with every slot held by a running task: only an end can free one.
        const freedAt = full ? (heldUntil[0] ?? Number.POSITIVE_INFINITY) : time;
        const wait = Math.max(freedAt - time, pausedUntil - time);
        if (wait > 0) {
          const changed = new Promise<void>((resolve) => (slotChanged = resolve));
          await (Number.isFinite(wait) ? Promise.race([sleep(wait), changed]) : changed);
          slotChanged = undefined;
          continue;
        }
        if (limit > 0) running++;
        waiting.shift()?.();
      }
    } finally {
      draining = false;
    }
  }

  /** A task ended: its slot is held for one more window, or given back at once when it reached nobody. */
  function ended(reachedNobody: boolean): void {
    running--;
    if (!reachedNobody) heldUntil.push(now() + windowMs);
    slotChanged?.();
  }

  return {
    schedule<T>(task: () => Promise<T>, neverSent?: (result: T) => boolean): Promise<T> {
      // Unlimited and not held off: no queue, no clock, no delay.
      if (limit === 0 && waiting.length === 0 && now() >= pausedUntil) return runTask(task);
      return new Promise<void>((start) => {
        waiting.push(start);
        if (!draining) void drain();
      }).then(async () => {
        let reachedNobody = false;
        try {
          const result = await runTask(task);
          reachedNobody = neverSent?.(result) === true;
          return result;
        } finally {
          if (limit > 0) ended(reachedNobody);
        }
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
