import { afterEach, describe, expect, it, vi } from 'vitest';
import { newIdempotencyKey } from './newIdempotencyKey.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

afterEach(() => vi.unstubAllGlobals());

describe('newIdempotencyKey', () => {
  it('is a fresh UUID each time', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(UUID);
    expect(newIdempotencyKey()).not.toBe(a);
  });

  it('still gives a UUID where crypto.randomUUID is missing (plain http pages)', () => {
    vi.stubGlobal('crypto', {});
    URL.createObjectURL = vi.fn(() => 'blob:http://shop.example/0b6e3c3c-8f0a-4d8e-9a57-2f1f4c3b1a2d');
    URL.revokeObjectURL = vi.fn();
    expect(newIdempotencyKey()).toBe('0b6e3c3c-8f0a-4d8e-9a57-2f1f4c3b1a2d');
    expect(URL.revokeObjectURL).toHaveBeenCalled();
  });
});
