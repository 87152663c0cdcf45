import { describe, expect, it } from 'vitest';
import { checkTrustedProxies, clientNetworks, createClientIp } from './client-ip.ts';

describe('createClientIp', () => {
  it('is the socket address when no proxy is trusted, whatever X-Forwarded-For claims', () => {
    const clientIp = createClientIp([]);
    expect(clientIp('203.0.113.9', '1.2.3.4')).toBe('203.0.113.9');
    expect(clientIp('203.0.113.9', null)).toBe('203.0.113.9');
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy: a client reaching the port directly cannot choose its address', () => {
    const clientIp = createClientIp(['10.0.0.1']);
    expect(clientIp('203.0.113.9', '198.51.100.7')).toBe('203.0.113.9');
    expect(clientIp('127.0.0.1', '198.51.100.7')).toBe('127.0.0.1');
  });

  it('walks from the right past every trusted address, to the first that is not', () => {
    const clientIp = createClientIp(['127.0.0.1', '10.0.0.0/8']);
    // The client wrote "6.6.6.6" itself; the load balancer 10.0.0.2 saw 198.51.100.7; nginx on 127.0.0.1 saw the balancer.
    expect(clientIp('127.0.0.1', '6.6.6.6, 198.51.100.7, 10.0.0.2')).toBe('198.51.100.7');
    expect(clientIp('127.0.0.1', '198.51.100.7')).toBe('198.51.100.7');
    // Every entry trusted: the leftmost one is as far as anyone can tell.
    expect(clientIp('127.0.0.1', '10.9.9.9, 10.0.0.2')).toBe('10.9.9.9');
  });

  it('takes IPv4-mapped peers and the loopback shorthand', () => {
    const clientIp = createClientIp(['loopback']);
    expect(clientIp('::ffff:127.0.0.1', '198.51.100.7')).toBe('198.51.100.7');
    expect(clientIp('::1', '2001:db8::7')).toBe('2001:db8::7');
    expect(clientIp('::ffff:203.0.113.9', '198.51.100.7')).toBe('::ffff:203.0.113.9');
  });

  it('strips ports and brackets, and falls back to the nearest address when a proxy wrote none', () => {
    const clientIp = createClientIp(['10.0.0.1']);
    expect(clientIp('10.0.0.1', '198.51.100.7:5555')).toBe('198.51.100.7');
    expect(clientIp('10.0.0.1', '[2001:db8::1]:443')).toBe('2001:db8::1');
    expect(clientIp('10.0.0.1', 'unknown')).toBe('10.0.0.1');
    expect(clientIp('10.0.0.1', '')).toBe('10.0.0.1');
  });
});

describe('checkTrustedProxies', () => {
  it('takes addresses, ranges and proxy-addr names, and throws naming anything else', () => {
    expect(() => checkTrustedProxies(['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8', 'loopback', 'uniquelocal'])).not.toThrow();
    expect(() => checkTrustedProxies(['nginx'])).toThrow(/nginx/);
    expect(() => checkTrustedProxies(['10.0.0.0/40'])).toThrow(/10\.0\.0\.0\/40/);
  });
});

describe('clientNetworks', () => {
  it('keeps IPv4 addresses, also IPv4-mapped ones', () => {
    expect(clientNetworks('203.0.113.9')).toEqual(['203.0.113.9']);
    expect(clientNetworks('::ffff:203.0.113.9')).toEqual(['203.0.113.9']);
  });

  it('names an IPv6 address by its /64, /56 and /48', () => {
    const networks = clientNetworks('2001:db8:a:b1c:1:2:3:4');
    expect(networks).toEqual(['2001:db8:a:b1c::/64', '2001:db8:a:b00::/56', '2001:db8:a::/48']);
    expect(clientNetworks('2001:0db8:000a:0b1c:ffff::1')).toEqual(networks);
    // Another /64 of the same /56, another /56 of the same /48.
    expect(clientNetworks('2001:db8:a:b2c::1')).toEqual(['2001:db8:a:b2c::/64', '2001:db8:a:b00::/56', '2001:db8:a::/48']);
    expect(clientNetworks('2001:db8:a:c00::1')[2]).toBe('2001:db8:a::/48');
    expect(clientNetworks('::1')[0]).toBe('0:0:0:0::/64');
    expect(clientNetworks('fe80::1%eth0')[0]).toBe('fe80:0:0:0::/64');
  });
});
