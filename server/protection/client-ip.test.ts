import { describe, expect, it } from 'vitest';
import { clientIp, rateLimitKey } from './client-ip.ts';

describe('clientIp', () => {
  it('is the socket address when no proxy is trusted, whatever X-Forwarded-For claims', () => {
    expect(clientIp('203.0.113.9', '1.2.3.4', 0)).toBe('203.0.113.9');
    expect(clientIp('203.0.113.9', null, 2)).toBe('203.0.113.9');
  });

  it('takes the address the outermost trusted proxy saw, from the right', () => {
    // The client wrote "6.6.6.6" itself; proxy 2 saw 198.51.100.7, proxy 1 (the peer) saw proxy 2.
    expect(clientIp('10.0.0.1', '6.6.6.6, 198.51.100.7', 1)).toBe('198.51.100.7');
    expect(clientIp('10.0.0.1', '6.6.6.6, 198.51.100.7, 10.0.0.2', 2)).toBe('198.51.100.7');
  });

  it('does not go further left than the entries there are', () => {
    expect(clientIp('10.0.0.1', '198.51.100.7', 3)).toBe('198.51.100.7');
  });

  it('strips ports and brackets, and stops at an entry that is no address', () => {
    expect(clientIp('10.0.0.1', '198.51.100.7:5555', 1)).toBe('198.51.100.7');
    expect(clientIp('10.0.0.1', '[2001:db8::1]:443', 1)).toBe('2001:db8::1');
    expect(clientIp('10.0.0.1', 'unknown', 1)).toBe('10.0.0.1');
    expect(clientIp('10.0.0.1', '198.51.100.7, garbage', 2)).toBe('10.0.0.1');
  });
});

describe('rateLimitKey', () => {
  it('keeps IPv4 addresses, also IPv4-mapped ones', () => {
    expect(rateLimitKey('203.0.113.9')).toBe('203.0.113.9');
    expect(rateLimitKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
  });

  it('counts an IPv6 /64 as one client', () => {
    const key = rateLimitKey('2001:db8:a:b:1:2:3:4');
    expect(key).toBe('2001:db8:a:b::/64');
    expect(rateLimitKey('2001:0db8:000a:000b:ffff::1')).toBe(key);
    expect(rateLimitKey('2001:db8:a:c::1')).not.toBe(key);
    expect(rateLimitKey('::1')).toBe('0:0:0:0::/64');
    expect(rateLimitKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });
});
