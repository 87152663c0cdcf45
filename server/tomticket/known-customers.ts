/** E-mails TomTicket recently said it knows, so a returning customer's ticket skips the `cliente` check. */
export interface KnownCustomers {
  /** Whether `email` was checked or created within the time to live. */
  has(email: string): boolean;
  /** Notes that TomTicket knows `email` (it answered the check, or created the customer). */
  remember(email: string): void;
  /** Drops `email`, e.g. when a ticket sent on its strength was refused. */
  forget(email: string): void;
}

/** Options of {@link createKnownCustomers}. */
export interface KnownCustomersOptions {
  /** How long an e-mail is trusted without asking again. */
  ttlMs: number;
  /** The most e-mails kept; the least recently confirmed goes first. */
  maxEntries: number;
  now?: () => number;
}

/** An in-memory, size-bounded record of known customers: one per client, never shared. */
export function createKnownCustomers(options: KnownCustomersOptions): KnownCustomers {
  const now = options.now ?? Date.now;
  // Insertion order is confirmation order: the first key is always the oldest.
  const confirmedAt = new Map<string, number>();

  return {
    has(email) {
      const at = confirmedAt.get(email);
      if (at === undefined) return false;
      if (now() - at < options.ttlMs) return true;
      confirmedAt.delete(email);
      return false;
    },
    remember(email) {
      confirmedAt.delete(email);
      confirmedAt.set(email, now());
      while (confirmedAt.size > options.maxEntries) {
        const oldest = confirmedAt.keys().next();
        if (oldest.done) break;
        confirmedAt.delete(oldest.value);
      }
    },
    forget(email) {
      confirmedAt.delete(email);
    },
  };
}
