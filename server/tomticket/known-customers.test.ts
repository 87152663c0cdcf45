import { describe, expect, it } from 'vitest';
import { createKnownCustomers } from './known-customers.ts';

describe('createKnownCustomers', () => {
  it('knows an e-mail for the time to live, then asks again', () => {
    let clock = 1_000;
    const known = createKnownCustomers({ ttlMs: 60_000, maxEntries: 10, now: () => clock });
    expect(known.has('ana@example.com')).toBe(false);
    known.remember('ana@example.com');
    clock += 59_999;
    expect(known.has('ana@example.com')).toBe(true);
    clock += 1;
    expect(known.has('ana@example.com')).toBe(false);
  });

  it('keeps at most maxEntries, dropping the least recently confirmed first', () => {
    const known = createKnownCustomers({ ttlMs: 60_000, maxEntries: 2, now: () => 0 });
    known.remember('a@example.com');
    known.remember('b@example.com');
    known.remember('a@example.com');
    known.remember('c@example.com');
    expect(['a', 'b', 'c'].map((name) => known.has(`${name}@example.com`))).toEqual([true, false, true]);
  });

  it('forgets an e-mail on demand', () => {
    const known = createKnownCustomers({ ttlMs: 60_000, maxEntries: 10 });
    known.remember('ana@example.com');
    known.forget('ana@example.com');
    expect(known.has('ana@example.com')).toBe(false);
  });
});
