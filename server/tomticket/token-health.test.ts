import { describe, expect, it } from 'vitest';
import { createTokenHealth } from './token-health.ts';

describe('createTokenHealth', () => {
  it('is unknown until an answer, keeps when the refusal began, and forgets it once accepted', () => {
    let clock = Date.parse('2025-01-01T00:00:00Z');
    const health = createTokenHealth({ now: () => clock });
    expect(health.current()).toEqual({ state: 'unknown' });
    health.refused();
    clock += 60_000;
    health.refused();
    expect(health.current()).toEqual({ state: 'refused', since: '2025-01-01T00:00:00.000Z', checkedAt: '2025-01-01T00:01:00.000Z' });
    health.accepted();
    expect(health.current()).toEqual({ state: 'accepted', checkedAt: '2025-01-01T00:01:00.000Z' });
  });
});
