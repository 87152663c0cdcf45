import type { Logger } from '../log/types.ts';
import type { TomTicketClient } from '../tomticket/types.ts';

/** Asks TomTicket about a refused token now and then, and says when it is accepted again. */
export interface TokenWatch {
  /** Starts asking (at growing intervals) unless already asking; `onAccepted` runs once TomTicket accepts the token. */
  watch(): void;
  /** A delivery went through: the next refusal starts again from the shortest interval. */
  reset(): void;
  /** Stops asking. */
  stop(): void;
}

/** What {@link createTokenWatch} needs. */
export interface TokenWatchOptions {
  client: Pick<TomTicketClient, 'checkToken'>;
  logger: Logger;
  /** The pause before probe number `probes` (1-based): the outbox's own backoff. */
  delayMs(probes: number): number;
  /** Called when the token is accepted again: what was held is due. */
  onAccepted(): void;
}

/**
 * One probe at a time while TomTicket refuses the token: while it does, every try could only be
 * refused too, so the outbox tries nothing and this asks instead, with the cheapest call.
 */
export function createTokenWatch(options: TokenWatchOptions): TokenWatch {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let probes = 0;
  let stopped = false;

  function watch(): void {
    if (timer !== undefined || stopped) return;
    probes++;
    timer = setTimeout(async () => {
      const check = await options.client.checkToken().catch(() => ({ kind: 'unknown' as const }));
      timer = undefined;
      if (stopped) return;
      if (check.kind !== 'accepted') return watch();
      // Not reset here but by a delivery: a token that reads but may not write (API 2.0) is
      // accepted by this probe and refused again by the next try, and must not be probed ever faster.
      options.onAccepted();
    }, options.delayMs(probes)).unref();
  }

  return {
    watch,
    reset() {
      probes = 0;
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
