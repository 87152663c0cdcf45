import { describe, expect, it } from 'vitest';
import { createSlidingWindow } from './sliding-window.ts';

describe('createSlidingWindow', () => {
  it('admits the limit within a window and refuses the next arrival', () => {
    const window = createSlidingWindow(3, 1000);
    expect([0, 10, 20, 30].map((at) => window.admit(at))).toEqual([true, true, true, false]);
  });

  it('admits again once the earliest arrivals leave the window', () => {
    const window = createSlidingWindow(3, 1000);
    for (const at of [0, 500, 600]) window.admit(at);
    expect(window.admit(999)).toBe(false);
    // 0 and 500 have left by 1500 (the window is (500, 1500]); 600 and 999 remain.
    expect(window.admit(1500)).toBe(true);
  });

  it('counts refused arrivals, so hammering keeps being refused', () => {
    const window = createSlidingWindow(1, 1000);
    expect(window.admit(0)).toBe(true);
    expect(window.admit(900)).toBe(false);
    expect(window.admit(1200)).toBe(false);
    expect(window.admit(2199)).toBe(false);
    expect(window.admit(3200)).toBe(true);
  });

  it('never refuses when the limit is 0', () => {
    const window = createSlidingWindow(0, 1000);
    expect(Array.from({ length: 50 }, () => window.admit(5)).every(Boolean)).toBe(true);
  });
});
