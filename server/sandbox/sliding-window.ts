/** Counts arrivals in a sliding window, as TomTicket's per-account rate limit does. */
export interface SlidingWindow {
  /** Records an arrival at `now` (ms) and says whether it is within the limit. */
  admit(now: number): boolean;
}

/**
 * A window allowing `limit` arrivals in any `windowMs`; 0 turns it off. Refused arrivals count
 * too, so a client that keeps hammering stays refused until it backs off for a whole window.
 */
export function createSlidingWindow(limit: number, windowMs: number): SlidingWindow {
  const arrivals: number[] = [];
  return {
    admit(now) {
      if (limit <= 0) return true;
      while (arrivals.length > 0 && (arrivals[0] as number) <= now - windowMs) arrivals.shift();
      arrivals.push(now);
      return arrivals.length <= limit;
    },
  };
}
