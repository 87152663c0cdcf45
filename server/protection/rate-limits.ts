import type { ProtectionConfig } from '../config/types.ts';
import { NETWORK_ALLOWANCE } from './client-ip.ts';
import type { Refusal } from './types.ts';
import { createWindowCounter, type WindowCounter } from './window-counter.ts';

/** The server's ticket rate limits; every method counts only when all of its limits have room. */
export interface RateLimits {
  /** Counts a ticket attempt from a client (its networks, narrowest first: see clientNetworks), before its body is read. */
  admitClient(networks: readonly string[]): Refusal | undefined;
  /** Whether the server-wide hourly cap has room for a ticket of this kind, without counting (checked before the body is read). */
  checkGlobal(signedIn: boolean): Refusal | undefined;
  /**
   * Counts a valid ticket for its customer's e-mail (undefined: the fixed anonymous customer) and
   * server-wide. A signed-in customer's e-mail (from a verified identity token) is counted apart
   * from the same e-mail typed into anonymous tickets, so strangers typing it cannot lock them out.
   */
  admitTicket(email: string | undefined, signedIn: boolean): Refusal | undefined;
  /** A 429 when the client had too many requests refused lately (RATE_LIMIT_REFUSED_MINUTE); nothing is counted. */
  checkRefused(networks: readonly string[]): Refusal | undefined;
  /** Counts a request of the client that was refused (403, 429). */
  countRefused(networks: readonly string[]): void;
}

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
// Narrowest first, as clientNetworks lists them: an IPv4 address or IPv6 /64, then the /56 and /48.
const ALLOWANCES = [NETWORK_ALLOWANCE[64], NETWORK_ALLOWANCE[56], NETWORK_ALLOWANCE[48]] as const;
const NETWORK_NAMES = ['this network address', 'this IPv6 /56 network', 'this IPv6 /48 network'] as const;

/** One limit: a counter and what a refusal says. */
interface Limit {
  counter: WindowCounter;
  what: string;
}

/** The limits of `config` (a limit of 0 is off), each counter its own state; `now` for tests. */
export function createRateLimits(config: ProtectionConfig['rateLimits'], now: () => number = Date.now): RateLimits {
  const limit = (count: number, windowMs: number, what: string): Limit[] =>
    count > 0 ? [{ counter: createWindowCounter({ limit: count, windowMs, now }), what }] : [];
  /** Per network size: the counters of `perWindow` scaled by the size's allowance. */
  const perNetwork = (perWindow: ReadonlyArray<[count: number, windowMs: number, what: string]>) =>
    ALLOWANCES.map((allowance, level) =>
      perWindow.flatMap(([count, windowMs, what]) => limit(count * allowance, windowMs, `more than ${count * allowance} ${what} from ${NETWORK_NAMES[level]}`)),
    );
  const client = perNetwork([
    [config.ipPerHour, HOUR_MS, 'tickets an hour'],
    [config.ipPerDay, DAY_MS, 'tickets a day'],
  ]);
  const refused = perNetwork([[config.refusedPerMinute, MINUTE_MS, 'refused requests a minute']]);
  const email = [
    ...limit(config.emailPerHour, HOUR_MS, `more than ${config.emailPerHour} tickets an hour for this e-mail`),
    ...limit(config.emailPerDay, DAY_MS, `more than ${config.emailPerDay} tickets a day for this e-mail`),
  ];
  const everyone = limit(config.globalPerHour, HOUR_MS, 'more tickets this hour than the server accepts');
  // Anonymous tickets stop short of the cap, so that a flood of them leaves signed-in customers room.
  const anonymousShare = Math.max(1, Math.floor((config.globalPerHour * (100 - config.globalSignedInPercent)) / 100));
  const anonymous =
    config.globalPerHour > 0 && config.globalSignedInPercent > 0
      ? limit(anonymousShare, HOUR_MS, 'more anonymous tickets this hour than the server accepts')
      : [];
  const global = (signedIn: boolean) => [...everyone, ...(signedIn ? [] : anonymous)].map((limit) => ({ limit, key: '' }));
  const ofNetworks = (levels: Limit[][], networks: readonly string[]) =>
    networks.flatMap((network, level) => (levels[level] ?? []).map((limit) => ({ limit, key: network })));

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
    admitClient: (networks) => admit(ofNetworks(client, networks), true),
    checkGlobal: (signedIn) => admit(global(signedIn), false),
    admitTicket: (address, signedIn) =>
      admit(
        [
          // E-mails are case-insensitive in practice: Ana@ and ana@ are one customer.
          ...(address === undefined ? [] : email.map((limit) => ({ limit, key: `${signedIn ? 'signed-in' : 'typed'}:${address.toLowerCase()}` }))),
          ...global(signedIn),
        ],
        true,
      ),
    checkRefused: (networks) => admit(ofNetworks(refused, networks), false),
    countRefused(networks) {
      for (const { limit, key } of ofNetworks(refused, networks)) limit.counter.take(key);
    },
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
