import type { ProtectionConfig } from '../config/types.ts';
import type { Refusal } from './types.ts';
import { createWindowCounter, type WindowCounter } from './window-counter.ts';

/** The server's ticket rate limits; every method counts only when all of its limits have room. */
export interface RateLimits {
  /** Counts a ticket attempt from a client (rate-limit key of its IP), before its body is read. */
  admitClient(clientKey: string): Refusal | undefined;
  /** Whether the server-wide hourly cap has room, without counting (checked before the body is read). */
  checkGlobal(): Refusal | undefined;
  /** Counts a valid ticket for its customer's e-mail (undefined: the fixed anonymous customer) and server-wide. */
  admitTicket(email: string | undefined): Refusal | undefined;
}

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** One limit: a counter and what a refusal says. */
interface Limit {
  counter: WindowCounter;
  what: string;
}

/** The limits of `config` (a limit of 0 is off), each counter its own state; `now` for tests. */
export function createRateLimits(config: ProtectionConfig['rateLimits'], now: () => number = Date.now): RateLimits {
  const limit = (count: number, windowMs: number, what: string): Limit[] =>
    count > 0 ? [{ counter: createWindowCounter({ limit: count, windowMs, now }), what }] : [];
  const client = [
    ...limit(config.ipPerHour, HOUR_MS, `more than ${config.ipPerHour} tickets an hour from this network address`),
    ...limit(config.ipPerDay, DAY_MS, `more than ${config.ipPerDay} tickets a day from this network address`),
  ];
  const email = [
    ...limit(config.emailPerHour, HOUR_MS, `more than ${config.emailPerHour} tickets an hour for this e-mail`),
    ...limit(config.emailPerDay, DAY_MS, `more than ${config.emailPerDay} tickets a day for this e-mail`),
  ];
  const global = limit(config.globalPerHour, HOUR_MS, 'more tickets this hour than the server accepts');

  /** Refused by the limit that frees up last, or counted by every one of them. */
  function admit(limits: ReadonlyArray<{ limit: Limit; key: string }>, count: boolean): Refusal | undefined {
    let refusal: { wait: number; what: string } | undefined;
    for (const { limit: { counter, what }, key } of limits) {
      const outcome = counter.check(key);
      if (!outcome.ok && (refusal === undefined || outcome.retryAfterMs > refusal.wait)) {
        refusal = { wait: outcome.retryAfterMs, what };
      }
    }
    if (refusal !== undefined) return rateLimited(refusal.what, refusal.wait);
    if (count) for (const { limit, key } of limits) limit.counter.take(key);
    return undefined;
  }

  return {
    admitClient: (clientKey) => admit(client.map((limit) => ({ limit, key: clientKey })), true),
    checkGlobal: () => admit(global.map((limit) => ({ limit, key: '' })), false),
    admitTicket: (address) =>
      admit(
        [
          // E-mails are case-insensitive in practice: Ana@ and ana@ are one customer.
          ...(address === undefined ? [] : email.map((limit) => ({ limit, key: address.toLowerCase() }))),
          ...global.map((limit) => ({ limit, key: '' })),
        ],
        true,
      ),
  };
}

function rateLimited(what: string, waitMs: number): Refusal {
  const retryAfterSeconds = Math.ceil(waitMs / 1000);
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return {
    status: 429,
    code: 'rate_limited',
    message: `Too many requests: ${what}. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    retryAfterSeconds,
  };
}
