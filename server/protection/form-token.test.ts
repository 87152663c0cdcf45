import { describe, expect, it } from 'vitest';
import { createFormTokens } from './form-token.ts';

const SECRET = 'form-token-test-secret-0123456789abcdef';
const NONCE = 'd1c5e01965ab380a60b454c9b33fc4bb';

function tokens(start = 1_700_000_000_000) {
  const state = { time: start };
  const formTokens = createFormTokens({ secret: SECRET, minSeconds: 3, maxAgeSeconds: 3600, now: () => state.time });
  return { formTokens, advance: (ms: number) => (state.time += ms), start };
}

describe('createFormTokens', () => {
  it('reads a token from the minimum age to the maximum age, with what it was issued for and when it expires', () => {
    const { formTokens, advance, start } = tokens();
    const token = formTokens.issue(NONCE);
    advance(3000);
    expect(formTokens.read(token)).toEqual({ ok: true, token: { id: NONCE, expiresAtMs: start + 3600_000 } });
    advance(3600_000 - 3000);
    expect(formTokens.read(token)).toMatchObject({ ok: true });
    advance(1);
    expect(formTokens.read(token)).toMatchObject({ ok: false, refusal: { status: 400, code: 'challenge_failed', message: expect.stringMatching(/expired/) } });
  });

  it('gives a token issued without a challenge an id of its own, different every time', () => {
    const { formTokens, advance } = tokens();
    const [first, second] = [formTokens.issue(), formTokens.issue()];
    advance(3000);
    const ids = [first, second].map((token) => {
      const read = formTokens.read(token);
      return read.ok ? read.token.id : undefined;
    });
    expect(ids[0]).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(ids[1]).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('refuses a form sent too soon with too_fast and the seconds left', () => {
    const { formTokens, advance } = tokens();
    const token = formTokens.issue(NONCE);
    advance(1200);
    expect(formTokens.read(token)).toEqual({
      ok: false,
      refusal: { status: 400, code: 'too_fast', message: expect.stringMatching(/too soon/), retryAfterSeconds: 2 },
    });
  });

  it('refuses a missing, malformed or forged token, and one moved to another challenge', () => {
    const { formTokens, advance } = tokens();
    const token = formTokens.issue(NONCE);
    advance(10_000);
    const [issuedAt, id, signature] = token.split('.') as [string, string, string];
    // Claiming an earlier load time, or another challenge, breaks the signature.
    const backdated = `${(parseInt(issuedAt, 36) - 60_000).toString(36)}.${id}.${signature}`;
    const moved = `${issuedAt}.${'e'.repeat(32)}.${signature}`;
    const otherKey = createFormTokens({ secret: `${SECRET}x`, minSeconds: 0, maxAgeSeconds: 3600, now: () => 0 }).issue(NONCE);
    for (const bad of [null, '', 'nonsense', backdated, moved, `${token}x`, otherKey, `${issuedAt}.${id}.${'A'.repeat(43)}`, `${issuedAt}.${signature}`]) {
      expect(formTokens.read(bad)).toMatchObject({ ok: false, refusal: { code: 'challenge_failed' } });
    }
  });
});
