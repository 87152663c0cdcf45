import type { Challenge } from 'altcha-lib';
import { describe, expect, it } from 'vitest';
import { PROTECTION } from '../../contract/index.ts';
import { solve } from '../integration/challenge.ts';
import { createFormProofs } from './form-proofs.ts';
import { createFormTokens } from './form-token.ts';
import { createProofOfWork } from './proof-of-work.ts';

const SECRET = 'form-proofs-test-secret-0123456789abcdef';

/** Both protections on, on one clock that `advance` moves. */
function setup(options: { token?: boolean; proof?: boolean } = {}) {
  const state = { time: Date.now() };
  const now = () => state.time;
  const formTokens = options.token === false ? undefined : createFormTokens({ secret: SECRET, minSeconds: 3, maxAgeSeconds: 600, now });
  const proofOfWork = options.proof === false ? undefined : createProofOfWork({ secret: SECRET, maxNumber: 300, maxAgeSeconds: 600, now });
  const proofs = createFormProofs({ ...(formTokens ? { formTokens } : {}), ...(proofOfWork ? { proofOfWork } : {}), now });
  return { proofs, advance: (ms: number) => (state.time += ms) };
}

/** The headers a browser sends after solving what `issue` gave it. */
async function headersOf(issued: { token?: string; challenge?: unknown }): Promise<Headers> {
  const headers = new Headers();
  if (issued.token !== undefined) headers.set(PROTECTION.formTokenHeader, issued.token);
  if (issued.challenge !== undefined) headers.set(PROTECTION.proofHeader, await solve(issued.challenge as Challenge));
  return headers;
}

describe('createFormProofs', () => {
  it('issues a form token bound to the challenge given out with it, and accepts the pair once', async () => {
    const { proofs, advance } = setup();
    const headers = await headersOf(await proofs.issue());
    advance(3000);
    expect(await proofs.spend(headers)).toBeUndefined();
    expect(await proofs.spend(headers)).toMatchObject({ status: 400, code: 'challenge_failed', message: expect.stringMatching(/already used/) });
  });

  it('refuses a token paired with another challenge\'s solution, even both fresh and genuine', async () => {
    const { proofs, advance } = setup();
    const first = await headersOf(await proofs.issue());
    const second = await headersOf(await proofs.issue());
    advance(3000);
    const mixed = new Headers(first);
    mixed.set(PROTECTION.proofHeader, second.get(PROTECTION.proofHeader) as string);
    expect(await proofs.spend(mixed)).toMatchObject({ code: 'challenge_failed', message: expect.stringMatching(/not issued together/) });
    // Refusing the mix spent neither pair.
    expect(await proofs.spend(first)).toBeUndefined();
    expect(await proofs.spend(second)).toBeUndefined();
  });

  it('spends nothing on a form sent too soon, so the customer\'s retry goes through', async () => {
    const { proofs, advance } = setup();
    const headers = await headersOf(await proofs.issue());
    expect(await proofs.spend(headers)).toMatchObject({ code: 'too_fast' });
    advance(3000);
    expect(await proofs.spend(headers)).toBeUndefined();
  });

  it('lets only one of several simultaneous replays through', async () => {
    const { proofs, advance } = setup();
    const headers = await headersOf(await proofs.issue());
    advance(3000);
    const outcomes = await Promise.all([proofs.spend(headers), proofs.spend(headers), proofs.spend(headers)]);
    expect(outcomes.filter((outcome) => outcome === undefined)).toHaveLength(1);
  });

  it('spends the form token alone when the proof of work is off, and the solution alone when the token is off', async () => {
    const tokensOnly = setup({ proof: false });
    const tokenHeaders = await headersOf(await tokensOnly.proofs.issue());
    expect(tokenHeaders.has(PROTECTION.proofHeader)).toBe(false);
    tokensOnly.advance(3000);
    expect(await tokensOnly.proofs.spend(tokenHeaders)).toBeUndefined();
    expect(await tokensOnly.proofs.spend(tokenHeaders)).toMatchObject({ code: 'challenge_failed' });

    const proofOnly = setup({ token: false });
    const proofHeaders = await headersOf(await proofOnly.proofs.issue());
    expect(proofHeaders.has(PROTECTION.formTokenHeader)).toBe(false);
    expect(await proofOnly.proofs.spend(proofHeaders)).toBeUndefined();
    expect(await proofOnly.proofs.spend(proofHeaders)).toMatchObject({ code: 'challenge_failed' });

    const neither = setup({ token: false, proof: false });
    expect(await neither.proofs.issue()).toEqual({});
    expect(await neither.proofs.spend(new Headers())).toBeUndefined();
  });
});
