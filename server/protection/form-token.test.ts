import { describe, expect, it } from 'vitest';
import { createFormTokens } from './form-token.ts';

const SECRET = 'form-token-test-secret-0123456789abcdef';

function tokens(start = 1_700_000_000_000) {
  const state = { time: start };
  const formTokens = createFormTokens({ secret: SECRET, minSeconds: 3, maxAgeSeconds: 3600, now: () => state.time });
  return { formTokens, advance: (ms: number) => (state.time += ms) };
}

describe('createFormTokens', () => {
  it('accepts a token from the minimum age to the maximum age', () => {
    const { formTokens, advance } = tokens();
    const token = formTokens.issue();
    advance(3000);
    expect(formTokens.check(token)).toBeUndefined();
    advance(3600_000 - 3000);
    expect(formTokens.check(token)).toBeUndefined();
    advance(1);
    expect(formTokens.check(token)).toMatchObject({ status: 400, code: 'challenge_failed', message: expect.stringMatching(/expired/) });
  });

  it('refuses a form sent too soon with too_fast and the seconds left', () => {
    const { formTokens, advance } = tokens();
    const token = formTokens.issue();
    advance(1200);
    expect(formTokens.check(token)).toEqual({
      status: 400,
      code: 'too_fast',
      message: expect.stringMatching(/too soon/),
      retryAfterSeconds: 2,
    });
  });

  it('refuses a missing, malformed or forged token', () => {
    const { formTokens, advance } = tokens();
    const token = formTokens.issue();
    advance(10_000);
    const [issuedAt, signature] = token.split('.') as [string, string];
    // Claiming an earlier load time breaks the signature.
    const backdated = `${(parseInt(issuedAt, 36) - 60_000).toString(36)}.${signature}`;
    const otherKey = createFormTokens({ secret: `${SECRET}x`, minSeconds: 0, maxAgeSeconds: 3600, now: () => 0 }).issue();
    for (const bad of [null, '', 'nonsense', backdated, `${token}x`, otherKey, `${issuedAt}.${'A'.repeat(43)}`]) {
      expect(formTokens.check(bad)).toMatchObject({ code: 'challenge_failed' });
    }
  });
});
