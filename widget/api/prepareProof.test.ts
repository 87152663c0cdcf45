import { afterEach, describe, expect, it, vi } from 'vitest';
import { PROTECTION } from '../../contract/index.ts';
import { createFormProofs } from '../../server/protection/form-proofs.ts';
import { createFormTokens } from '../../server/protection/form-token.ts';
import { createProofOfWork } from '../../server/protection/proof-of-work.ts';
import { prepareProof } from './prepareProof.ts';

const SECRET = 'widget-proof-test-secret-0123456789abcdef';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

/** `fetch` answering /api/challenge as the companion server does. */
function serveChallenge(body: unknown) {
  const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => ({ ok: true, json: async () => body }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('prepareProof', () => {
  it('solves the server’s challenge so that the server accepts it, once', async () => {
    const proofs = createFormProofs({ proofOfWork: createProofOfWork({ secret: SECRET, maxNumber: 3000, maxAgeSeconds: 600 }) });
    const fetchMock = serveChallenge(await proofs.issue());

    const proof = await prepareProof('https://s.example', new AbortController().signal);

    expect(fetchMock).toHaveBeenCalledWith('https://s.example/api/challenge', expect.anything());
    expect(Object.keys(proof)).toEqual([PROTECTION.proofHeader]);
    expect(await proofs.spend(new Headers(proof))).toBeUndefined();
    expect(await proofs.spend(new Headers(proof))).toMatchObject({ code: 'challenge_failed' });
  });

  it('passes the form token on once the form is old enough', async () => {
    let now = 1_700_000_000_000;
    const tokens = createFormTokens({ secret: SECRET, minSeconds: 3, maxAgeSeconds: 600, now: () => now });
    serveChallenge({ token: tokens.issue(), minSeconds: 3 });
    vi.useFakeTimers({ now, toFake: ['setTimeout', 'Date'] });

    let proof: Record<string, string> | undefined;
    void prepareProof('', new AbortController().signal).then((ready) => (proof = ready));
    await vi.advanceTimersByTimeAsync(2900);
    expect(proof).toBeUndefined();
    await vi.advanceTimersByTimeAsync(100);
    expect(proof).toEqual({ [PROTECTION.formTokenHeader]: expect.any(String) });
    now += 3000;
    expect(tokens.read(proof![PROTECTION.formTokenHeader]!)).toMatchObject({ ok: true });
  });

  it('keeps the page responsive: the search yields to timers while it runs', async () => {
    const pow = createProofOfWork({ secret: SECRET, maxNumber: 3000, maxAgeSeconds: 600 });
    serveChallenge({ challenge: await pow.issue() });
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 0);
    await prepareProof('', new AbortController().signal);
    clearInterval(ticker);
    expect(ticks).toBeGreaterThan(0);
  });

  it('gives no proof, without failing, when there is no challenge or no server', async () => {
    serveChallenge({});
    expect(await prepareProof('', new AbortController().signal)).toEqual({});
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    expect(await prepareProof('', new AbortController().signal)).toEqual({});
  });

  it('stops searching when aborted', async () => {
    const pow = createProofOfWork({ secret: SECRET, maxNumber: 10_000_000, maxAgeSeconds: 600 });
    serveChallenge({ challenge: await pow.issue() });
    const controller = new AbortController();
    const proving = prepareProof('', controller.signal);
    setTimeout(() => controller.abort(), 20);
    expect(await proving).toEqual({});
  });
});
