import { describe, expect, it } from 'vitest';
import type { Challenge } from 'altcha-lib';
import { solve } from '../integration/challenge.ts';
import { createProofOfWork } from './proof-of-work.ts';

const SECRET = 'proof-of-work-test-secret-0123456789abcdef';

function proofOfWork(now = () => Date.now()) {
  return createProofOfWork({ secret: SECRET, maxNumber: 2000, maxAgeSeconds: 600, now });
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');
const decode = (payload: string) => JSON.parse(Buffer.from(payload, 'base64').toString()) as {
  challenge: Challenge;
  solution: { counter: number; derivedKey: string };
};

describe('createProofOfWork', () => {
  it('issues signed SHA-256 challenges whose number lies between a tenth of the maximum and the maximum', async () => {
    const pow = proofOfWork();
    const challenge = await pow.issue();
    expect(challenge.parameters).toMatchObject({ algorithm: 'SHA-256', cost: 1, keyLength: 32 });
    expect(challenge.signature).toMatch(/^[0-9a-f]{64}$/);
    const { solution } = decode(await solve(challenge as Challenge));
    expect(solution.counter).toBeGreaterThanOrEqual(200);
    expect(solution.counter).toBeLessThanOrEqual(2000);
  });

  it('verifies a solution, naming its challenge by nonce and expiry (spending it is form-proofs.ts\'s)', async () => {
    const pow = proofOfWork();
    const challenge = await pow.issue();
    const payload = await solve(challenge as Challenge);
    expect(await pow.verify(payload)).toEqual({
      ok: true,
      proof: { nonce: challenge.parameters.nonce, expiresAtMs: (challenge.parameters.expiresAt as number) * 1000 },
    });
  });

  it('refuses wrong answers, tampered or foreign challenges and garbage', async () => {
    const pow = proofOfWork();
    const { challenge, solution } = decode(await solve((await pow.issue()) as Challenge));
    const foreign = await solve((await createProofOfWork({ secret: `${SECRET}x`, maxNumber: 100, maxAgeSeconds: 600 }).issue()) as Challenge);
    const easier = { ...challenge, parameters: { ...challenge.parameters, keyPrefix: '00' } };
    const cases = [
      null,
      '',
      'not base64 json',
      encode({ challenge }),
      encode({ challenge, solution: { ...solution, derivedKey: '00'.repeat(32) } }),
      encode({ challenge: easier, solution }),
      encode({ challenge: { ...challenge, parameters: { ...challenge.parameters, algorithm: 'SHA-1' } }, solution }),
      encode({ challenge: { ...challenge, signature: undefined }, solution }),
      encode({ challenge: { ...challenge, parameters: { ...challenge.parameters, salt: 'zz' } }, solution }),
      foreign,
      'x'.repeat(5000),
    ];
    for (const [index, payload] of cases.entries()) {
      expect({ index, outcome: await pow.verify(payload) }).toMatchObject({ index, outcome: { ok: false, refusal: { code: 'challenge_failed' } } });
    }
    expect(await pow.verify(encode({ challenge, solution }))).toMatchObject({ ok: true });
  });

  it('refuses a challenge past its expiry', async () => {
    let time = Date.now();
    const pow = proofOfWork(() => time);
    const payload = await solve((await pow.issue()) as Challenge);
    time += 601_000;
    expect(await pow.verify(payload)).toMatchObject({ ok: false, refusal: { code: 'challenge_failed', message: expect.stringMatching(/expired/) } });
  });
});
