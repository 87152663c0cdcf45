/** What {@link WindowCounter.take} decided: counted, or refused with the wait until a try can succeed. */
export type TakeOutcome = { ok: true } | { ok: false; retryAfterMs: number };

/** Counts events per key within a sliding window of time. */
export interface WindowCounter {
  /** Counts one event for `key` unless `limit` events are already in the window. */
  take(key: string): TakeOutcome;
  /** Whether an event for `key` would be counted now, without counting it. */
  check(key: string): TakeOutcome;
  /** Keys currently tracked (memory is bounded by `maxKeys`). */
  readonly size: number;
}

/** Options of {@link createWindowCounter}. */
export interface WindowCounterOptions {
  /** Most events per window. */
  limit: number;
  windowMs: number;
  /** Most keys kept; past it, finished windows are dropped first, then the oldest keys. */
  maxKeys?: number;
  now?: () => number;
}

interface Slot {
  /** Start of the current fixed window. */
  start: number;
  /** Events in the previous and in the current fixed window. */
  previous: number;
  current: number;
}

const DEFAULT_MAX_KEYS = 100_000;
const EVICT_TO = 0.9;

/**
 * A sliding-window counter (the previous fixed window's count, weighted by how much of it still
 * overlaps the sliding window, plus the current one's), as Cloudflare and nginx-style limiters
 * count: three numbers per key whatever the limit, where a log of timestamps would hold `limit`.
 * Retry-After is exact for this estimate: the moment enough of the previous window has slid out.
 */
export function createWindowCounter(options: WindowCounterOptions): WindowCounter {
  const { limit, windowMs } = options;
  const maxKeys = options.maxKeys ?? DEFAULT_MAX_KEYS;
  const now = options.now ?? Date.now;
  const slots = new Map<string, Slot>();

  /** The key's counts moved forward to the fixed window `time` falls in. */
  function advance(slot: Slot, time: number): Slot {
    const elapsedWindows = Math.floor((time - slot.start) / windowMs);
    if (elapsedWindows <= 0) return slot;
    return {
      start: slot.start + elapsedWindows * windowMs,
      previous: elapsedWindows === 1 ? slot.current : 0,
      current: 0,
    };
  }

  function decide(key: string, count: boolean): TakeOutcome {
    const time = now();
    const known = slots.get(key);
    const slot = known ? advance(known, time) : { start: time, previous: 0, current: 0 };
    const overlap = 1 - (time - slot.start) / windowMs;
    if (slot.previous * overlap + slot.current + 1 > limit) {
      return { ok: false, retryAfterMs: waitFor(slot, time) };
    }
    if (count) {
      slot.current++;
      // Re-inserted so the Map's order is least recently counted first, for eviction.
      slots.delete(key);
      slots.set(key, slot);
      if (slots.size > maxKeys) evict(time);
    } else if (known && slot !== known) {
      slots.set(key, slot);
    }
    return { ok: true };
  }

  /** How long until one more event fits: within this window once enough of the previous one slid out, else in the next. */
  function waitFor(slot: Slot, time: number): number {
    const room = limit - slot.current - 1;
    if (room >= 0 && slot.previous > 0) {
      // previous * (1 - elapsed / windowMs) <= room, solved for elapsed.
      const elapsed = windowMs * (1 - room / slot.previous);
      return Math.max(1, Math.ceil(slot.start + elapsed - time));
    }
    const nextStart = slot.start + windowMs;
    // In the next window the current count becomes the previous one: current * (1 - e / windowMs) <= limit - 1.
    const elapsed = slot.current > 0 ? windowMs * Math.max(0, 1 - (limit - 1) / slot.current) : 0;
    return Math.max(1, Math.ceil(nextStart + elapsed - time));
  }

  function evict(time: number): void {
    for (const [key, slot] of slots) {
      if (time - slot.start >= 2 * windowMs) slots.delete(key);
    }
    // Still full: the least recently counted keys go (an attacker rotating keys only forgets itself
    // faster), down to 90 % so that the next full scan is many requests away.
    for (const key of slots.keys()) {
      if (slots.size <= maxKeys * EVICT_TO) break;
      slots.delete(key);
    }
  }

  return {
    take: (key) => decide(key, true),
    check: (key) => decide(key, false),
    get size() {
      return slots.size;
    },
  };
}
