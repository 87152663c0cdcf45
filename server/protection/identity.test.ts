import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createIdentityVerifier } from './identity.ts';

const SECRET = 'identity-test-secret-0123456789abcdef';
const NOW = 1_700_000_000_000;
const key = (secret = SECRET) => new TextEncoder().encode(secret);
const AUDIENCE = 'tomticket-form';

/** A token as a site's backend mints it; `exp` in seconds from NOW. */
function mint(claims: Record<string, unknown> = {}, options: { expIn?: number; secret?: string; alg?: string } = {}) {
  return new SignJWT({ email: 'ana@example.com', name: 'Ana Souza', aud: AUDIENCE, ...claims })
    .setProtectedHeader({ alg: options.alg ?? 'HS256', typ: 'JWT' })
    .setIssuedAt(NOW / 1000)
    .setExpirationTime(NOW / 1000 + (options.expIn ?? 600))
    .sign(key(options.secret));
}

const verifier = (required = false) =>
  createIdentityVerifier({ secret: SECRET, required, audience: AUDIENCE, maxLifetimeSeconds: 86_400, now: () => NOW });

describe('createIdentityVerifier', () => {
  it('reads the customer from a valid token', async () => {
    const token = await mint({ external_id: 'cus_42' });
    expect(await verifier()(`Bearer ${token}`)).toEqual({
      ok: true,
      identity: { email: 'ana@example.com', name: 'Ana Souza', externalId: 'cus_42' },
    });
    expect(await verifier()(`Bearer ${await mint({ external_id: 42 })}`)).toMatchObject({ identity: { externalId: '42' } });
  });

  it('lets anonymous requests through unless identity is required', async () => {
    expect(await verifier()(null)).toEqual({ ok: true });
    expect(await verifier(true)(null)).toEqual({
      ok: false,
      refusal: { status: 401, code: 'identity_required', message: expect.any(String) },
    });
  });

  it.each([
    ['expired', () => mint({}, { expIn: -60 })],
    ['valid for longer than the maximum lifetime', () => mint({}, { expIn: 2 * 86_400 })],
    ['signed with another secret', () => mint({}, { secret: `${SECRET}-other` })],
    ['signed with HS512', () => mint({}, { alg: 'HS512' })],
    ['unsigned (alg none)', async () => new UnsecuredJWT({ email: 'ana@example.com', name: 'Ana', exp: NOW / 1000 + 60 }).encode()],
    ['without exp', () => new SignJWT({ email: 'ana@example.com', name: 'Ana', aud: AUDIENCE }).setProtectedHeader({ alg: 'HS256' }).sign(key())],
    // The site's own session token, signed with the same secret: e-mail, name, exp, but no audience of ours.
    ['without an audience', () => mint({ aud: undefined })],
    ['for another audience', () => mint({ aud: 'site-session' })],
    ['without an e-mail', () => mint({ email: undefined })],
    ['with a malformed e-mail', () => mint({ email: 'ana@' })],
    ['without a name', () => mint({ name: ' ' })],
    ['not yet valid', () => mint({ nbf: NOW / 1000 + 3600 })],
    ['tampered with', async () => {
      const [header, , signature] = (await mint()).split('.');
      const payload = Buffer.from(JSON.stringify({ email: 'eve@example.com', name: 'Eve', exp: NOW / 1000 + 60 })).toString('base64url');
      return `${header}.${payload}.${signature}`;
    }],
    ['garbage', async () => 'not.a.token'],
  ])('refuses a token %s with 401 identity_invalid', async (_case, token) => {
    expect(await verifier()(`Bearer ${await token()}`)).toMatchObject({ ok: false, refusal: { status: 401, code: 'identity_invalid' } });
  });

  it('refuses a header that is not a Bearer token, and any token without a secret configured', async () => {
    const token = await mint();
    for (const header of [token, `Basic ${token}`, `Bearer ${token} extra`, `Bearer ${'a'.repeat(5000)}.b.c`]) {
      expect({ header: header.slice(0, 12), outcome: await verifier()(header) }).toMatchObject({
        header: header.slice(0, 12),
        outcome: { ok: false, refusal: { code: 'identity_invalid' } },
      });
    }
    const withoutSecret = createIdentityVerifier({ secret: undefined, required: false, audience: AUDIENCE, maxLifetimeSeconds: 86_400, now: () => NOW });
    expect(await withoutSecret(`Bearer ${token}`)).toMatchObject({ ok: false, refusal: { code: 'identity_invalid' } });
  });

  it('forgives a little clock difference', async () => {
    expect(await verifier()(`Bearer ${await mint({}, { expIn: -10 })}`)).toMatchObject({ ok: true });
  });
});
