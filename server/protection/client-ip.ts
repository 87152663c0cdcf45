import { isIP } from 'node:net';
import proxyAddr from 'proxy-addr';

/** Finds a request's client address from its socket peer and X-Forwarded-For. */
export type ClientIpOf = (remoteAddress: string, forwardedFor: string | null) => string;

/**
 * The client's IP address, given the proxies trusted by address (TRUST_PROXY: addresses, CIDR
 * ranges, `loopback`…): the socket's peer when it is not one of them; else X-Forwarded-For walked
 * from the right past every trusted address, with proxy-addr (what Express uses), to the first one
 * that is not trusted. Entries further left were written by the client and prove nothing, and a
 * client that reaches the port directly cannot choose its address at all. With nothing trusted,
 * always the socket's peer.
 */
export function createClientIp(trusted: readonly string[]): ClientIpOf {
  if (trusted.length === 0) return (remoteAddress) => remoteAddress;
  const trust = proxyAddr.compile([...trusted]);
  return (remoteAddress, forwardedFor) => {
    if (forwardedFor === null || !trust(remoteAddress, 0)) return remoteAddress;
    // Some proxies write `1.2.3.4:5678` or `[2001:db8::1]:443`; proxy-addr only reads bare addresses.
    const entries = forwardedFor.split(',').map((entry) => stripPort(entry.trim())).join(', ');
    const hops = proxyAddr.all({ socket: { remoteAddress }, headers: { 'x-forwarded-for': entries } } as never, trust);
    // The last hop is the first untrusted one; a trusted proxy that wrote no address ("unknown")
    // leaves the nearest known one.
    for (let i = hops.length - 1; i >= 0; i--) if (isIP(hops[i] as string) !== 0) return hops[i] as string;
    return remoteAddress;
  };
}

/**
 * Throws a TypeError naming the entry when `trusted` holds something that is neither an address,
 * a CIDR range nor one of proxy-addr's names (`loopback`, `linklocal`, `uniquelocal`).
 */
export function checkTrustedProxies(trusted: readonly string[]): void {
  for (const entry of trusted) proxyAddr.compile(entry);
}

function stripPort(entry: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  if (bracketed) return bracketed[1] as string;
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(entry);
  return v4WithPort ? (v4WithPort[1] as string) : entry;
}

/** How much more than one client an IPv6 network of each size may send: a /56 or /48 holds many subscribers' /64s. */
export const NETWORK_ALLOWANCE = { 64: 1, 56: 2, 48: 4 } as const;

/**
 * The networks a client is rate-limited by, narrowest first: an IPv4 address alone (also when
 * IPv4-mapped, `::ffff:1.2.3.4`); an IPv6 address by its /64 (one subscriber gets a whole /64 and
 * can rotate freely in it), its /56 and its /48 (a home or an office often gets one of those, and a
 * client rotating through its /64s must still meet a limit).
 */
export function clientNetworks(ip: string): string[] {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return [mapped[1] as string];
  if (isIP(ip) !== 6) return [ip];
  const groups = expandIpv6(ip);
  const fourth = (parseInt(groups[3] as string, 16) & 0xff00).toString(16);
  return [
    `${groups.slice(0, 4).join(':')}::/64`,
    `${[...groups.slice(0, 3), fourth].join(':')}::/56`,
    `${groups.slice(0, 3).join(':')}::/48`,
  ];
}

/** The eight 16-bit groups of an IPv6 address, `::` expanded, zone index dropped. */
function expandIpv6(ip: string): string[] {
  const [head = '', tail] = ip.split('%')[0]!.toLowerCase().split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = 8 - left.length - right.length;
  return [...left, ...Array<string>(Math.max(0, missing)).fill('0'), ...right].map((group) => group.replace(/^0+(?=.)/, ''));
}
