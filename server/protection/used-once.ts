/** Remembers ids until they expire, so each one is accepted once. */
export interface UsedOnce {
  /** Records `id` as used until `expiresAtMs`; false when it already was. */
  use(id: string, expiresAtMs: number): boolean;
  readonly size: number;
}

/**
 * A bounded record of used ids. Past `maxEntries` expired ids are dropped first, then the oldest:
 * replaying an evicted id would take an attacker `maxEntries` fresh solutions first.
 */
export function createUsedOnce(maxEntries: number, now: () => number = Date.now): UsedOnce {
  const used = new Map<string, number>();
  return {
    use(id, expiresAtMs) {
      if (used.has(id)) return false;
      used.set(id, expiresAtMs);
      if (used.size > maxEntries) {
        const time = now();
        for (const [key, expiry] of used) if (expiry < time) used.delete(key);
        for (const key of used.keys()) {
          if (used.size <= maxEntries) break;
          used.delete(key);
        }
      }
      return true;
    },
    get size() {
      return used.size;
    },
  };
}
