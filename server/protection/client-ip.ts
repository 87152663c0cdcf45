import { isIP } from 'node:net';

/**
 * The client's IP address: the socket's peer, or with `trustProxy` proxies in front (TRUST_PROXY)
 * the address the outermost trusted proxy saw, read from the right end of X-Forwarded-For. Entries
 * further left were written by the client itself and prove nothing. An unparsable entry where a
 * trusted proxy should have written one falls back to the nearest address that is known.
 */
export function clientIp(remoteAddress: string, forwardedFor: string | null, trustProxy: number): string {
  if (trustProxy === 0 || forwardedFor === null) return remoteAddress;
  // Nearest first: the socket's peer (the last proxy), then what each proxy appended, right to left.
  const hops = forwardedFor.split(',').map((entry) => entry.trim()).reverse();
  let client = remoteAddress;
  for (const hop of hops.slice(0, trustProxy)) {
    if (isIP(stripPort(hop)) === 0) break;
    client = stripPort(hop);
  }
  return client;
}

/** Some proxies write `1.2.3.4:5678` or `[2001:db8::1]:443`. */
function stripPort(entry: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  if (bracketed) return bracketed[1] as string;
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(entry);
  return v4WithPort ? (v4WithPort[1] as string) : entry;
}

/**
 * The key a client is rate-limited by: an IPv4 address as is (also when IPv4-mapped, `::ffff:1.2.3.4`),
 * an IPv6 address by its /64 network, since one subscriber gets a whole /64 and can rotate freely in it.
 */
export function rateLimitKey(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1] as string;
  if (isIP(ip) !== 6) return ip;
  return `${expandIpv6(ip).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, `::` expanded, zone index dropped. */
function expandIpv6(ip: string): string[] {
  const [head = '', tail] = ip.split('%')[0]!.toLowerCase().split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = 8 - left.length - right.length;
  return [...left, ...Array<string>(Math.max(0, missing)).fill('0'), ...right].map((group) => group.replace(/^0+(?=.)/, ''));
}
