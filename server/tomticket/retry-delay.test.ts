import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './retry-delay.ts';

const policy = { attempts: 5, baseDelayMs: 500, maxDelayMs: 4000 };

describe('retryDelayMs', () => {
  it('doubles with each attempt, jittered within the upper half', () => {
    expect(retryDelayMs(1, policy, () => 0)).toBe(250);
    expect(retryDelayMs(1, policy, () => 1)).toBe(500);
    expect(retryDelayMs(2, policy, () => 1)).toBe(1000);
    expect(retryDelayMs(3, policy, () => 0.5)).toBe(1500);
  });

  it('never exceeds the cap', () => {
    expect(retryDelayMs(10, policy, () => 1)).toBe(4000);
    expect(retryDelayMs(40, policy, () => 0.999)).toBeLessThanOrEqual(4000);
  });
});
