import { describe, expect, it } from 'vitest';
import { createWindowCounter } from './window-counter.ts';

const HOUR = 60 * 60 * 1000;

function clock(start = 1_000_000) {
  const state = { time: start };
  return { now: () => state.time, advance: (ms: number) => (state.time += ms) };
}

describe('createWindowCounter', () => {
  it('counts up to the limit per key, then refuses with the wait', () => {
    const time = clock();
    const counter = createWindowCounter({ limit: 3, windowMs: HOUR, now: time.now });
    for (let i = 0; i < 3; i++) expect(counter.take('a')).toEqual({ ok: true });
    const refused = counter.take('a');
    expect(refused).toEqual({ ok: false, retryAfterMs: expect.any(Number) });
    expect(counter.take('b')).toEqual({ ok: true });
    // Refused tries are not counted: after the wait one more fits.
    time.advance((refused as { retryAfterMs: number }).retryAfterMs);
    expect(counter.take('a')).toEqual({ ok: true });
    expect(counter.take('a').ok).toBe(false);
  });

  it('slides: events of the previous window count for the part of it still inside the last hour', () => {
    const time = clock(0);
    const counter = createWindowCounter({ limit: 10, windowMs: HOUR, now: time.now });
    for (let i = 0; i < 10; i++) counter.take('a');
    time.advance(HOUR + HOUR / 2);
    // Half of the previous window's 10 still overlap: 5 more fit, not 10.
    for (let i = 0; i < 5; i++) expect(counter.take('a').ok).toBe(true);
    expect(counter.take('a').ok).toBe(false);
    time.advance(2 * HOUR);
    for (let i = 0; i < 10; i++) expect(counter.take('a').ok).toBe(true);
  });

  it('tells a Retry-After after which a try succeeds, and not much earlier', () => {
    const time = clock(0);
    const counter = createWindowCounter({ limit: 20, windowMs: HOUR, now: time.now });
    for (let i = 0; i < 20; i++) counter.take('a');
    time.advance(10 * 60 * 1000);
    const refused = counter.take('a');
    if (refused.ok) throw new Error('expected a refusal');
    // All 20 are in this window: the first slot frees once 1/20 of the next window has passed.
    expect(refused.retryAfterMs).toBe(HOUR - 10 * 60 * 1000 + HOUR / 20);
    time.advance(refused.retryAfterMs - 1000);
    expect(counter.check('a').ok).toBe(false);
    time.advance(1000);
    expect(counter.check('a').ok).toBe(true);
  });

  it('check does not count', () => {
    const counter = createWindowCounter({ limit: 1, windowMs: HOUR });
    expect(counter.check('a').ok).toBe(true);
    expect(counter.check('a').ok).toBe(true);
    expect(counter.take('a').ok).toBe(true);
    expect(counter.check('a').ok).toBe(false);
  });

  it('keeps at most maxKeys keys, forgetting the least recently counted', () => {
    const time = clock();
    const counter = createWindowCounter({ limit: 1, windowMs: HOUR, maxKeys: 100, now: time.now });
    counter.take('first');
    for (let i = 0; i < 1000; i++) counter.take(`key-${i}`);
    expect(counter.size).toBeLessThanOrEqual(100);
    expect(counter.take('key-999').ok).toBe(false);
    expect(counter.take('first').ok).toBe(true);
  });
});
