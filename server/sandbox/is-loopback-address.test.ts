import { describe, expect, it } from 'vitest';
import { isLoopbackAddress } from './is-loopback-address.ts';

describe('isLoopbackAddress', () => {
  it('accepts 127.0.0.0/8, ::1 and mapped loopback only', () => {
    for (const address of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) expect(isLoopbackAddress(address)).toBe(true);
    for (const address of ['10.0.0.1', '192.168.1.2', '::ffff:10.0.0.1', 'fe80::1', '', '127.0.0.1.example.com', '1270::1']) {
      expect(isLoopbackAddress(address)).toBe(false);
    }
  });
});
