import { SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROTECTION } from '../../contract/index.ts';
import { createProofSupply, solveServerChallenge } from './challenge.ts';
import {
  ALLOWED_ORIGIN,
  formOf,
  PROTECTIONS_ON,
  spoolIsEmpty,
  startHarness,
  TEST_CUSTOMER,
  TEST_TOKEN,
  textsShowingToken,
  validFields,
  type Harness,
} from './harness.ts';

const IDENTITY_SECRET = 'integration-identity-secret-0123456789';
const FORM_SECRET = 'integration-form-secret-0123456789abcd';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

/** A ticket from the allowed origin with `headers` (proofs, identity) and `files`. */
function post(harness: Harness, fields: Record<string, string>, options: { headers?: Record<string, string>; files?: File[] } = {}) {
  return harness.send('/api/tickets', {
    method: 'POST',
    headers: { Origin: ALLOWED_ORIGIN, ...options.headers },
    body: formOf(fields, options.files),
  });
}

function errorOf(harness: Harness, answer: { text: string }) {
  return (harness.json({ text: answer.text } as never) as { error: Record<string, unknown> }).error;
}

function expectNoTokenIn(harness: Harness) {
  expect(textsShowingToken(harness)).toEqual([]);
}

const mint = (claims: Record<string, unknown>, expiresIn = '10m') =>
  new SignJWT({ email: 'bia@example.com', name: 'Bia Lima', aud: 'tomticket-form', ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(IDENTITY_SECRET));

describe('every protection on, as by default', () => {
  let harness: Harness;
  /** A form token old enough to be accepted and its solved proof of work: each pair is spent by one ticket. */
  let proofs: () => Promise<Record<string, string>>;
  beforeAll(async () => {
    harness = await startHarness({
      ...PROTECTIONS_ON,
      MIN_SUBMIT_SECONDS: '1',
      PROOF_OF_WORK_MAX_NUMBER: '500',
      FORM_SECRET,
      IDENTITY_SECRET,
      RATE_LIMIT_IP_HOUR: '1000',
      RATE_LIMIT_IP_DAY: '1000',
      RATE_LIMIT_EMAIL_HOUR: '1000',
      RATE_LIMIT_EMAIL_DAY: '1000',
    });
    proofs = createProofSupply(harness.server.url, ALLOWED_ORIGIN);
  });
  afterAll(async () => {
    expectNoTokenIn(harness);
    await harness.close();
  });
  beforeEach(() => harness.fake.clearRequests());
  afterEach(async () => expect(await spoolIsEmpty(harness)).toBe(true));

  it('takes a ticket that passed them all', async () => {
    const answer = await post(harness, validFields(), { headers: await proofs() });
    expect(answer.status).toBe(201);
  });

  it('serves challenges uncached, only to allowed origins', async () => {
    const answer = await harness.send('/api/challenge', { headers: { Origin: ALLOWED_ORIGIN } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(harness.json(answer)).toEqual({
      // Issued for the challenge beside it: the token names the challenge's nonce.
      token: expect.stringMatching(/^[0-9a-z]+\.[0-9a-f]{32}\.[\w-]{43}$/),
      minSeconds: 1,
      challenge: { parameters: expect.objectContaining({ algorithm: 'SHA-256' }), signature: expect.any(String) },
    });
    expect((await harness.send('/api/challenge', { headers: { Origin: 'https://evil.example' } })).status).toBe(403);
  });

  it('refuses a ticket without an Origin header before reading it', async () => {
    const answer = await harness.send('/api/tickets', { method: 'POST', headers: await proofs(), body: formOf(validFields()) });
    expect(answer.status).toBe(403);
    expect(errorOf(harness, answer)).toMatchObject({ code: 'origin_required' });
    expect(harness.fake.requests).toEqual([]);
  });

  it('names the challenge it was issued with in the form token', async () => {
    const body = harness.json(await harness.send('/api/challenge', { headers: { Origin: ALLOWED_ORIGIN } })) as { token: string; challenge: { parameters: { nonce: string } } };
    expect(body.token.split('.')[1]).toBe(body.challenge.parameters.nonce);
  });

  it('refuses a missing, reused or wrong proof of work', async () => {
    const headers = await proofs();
    const { [PROTECTION.proofHeader]: _proof, ...withoutProof } = headers;
    const missing = await post(harness, validFields(), { headers: withoutProof });
    expect([missing.status, errorOf(harness, missing).code]).toEqual([400, 'challenge_failed']);
    expect((await post(harness, validFields(), { headers })).status).toBe(201);
    const reused = await post(harness, validFields(), { headers });
    expect([reused.status, errorOf(harness, reused).code]).toEqual([400, 'challenge_failed']);
    expect(errorOf(harness, reused).message).toMatch(/already used/);
  });

  it('refuses a form sent right after it was loaded, saying how long to wait', async () => {
    const fresh = await solveServerChallenge(harness.server.url, ALLOWED_ORIGIN);
    const answer = await post(harness, validFields(), { headers: fresh.headers });
    expect(answer.status).toBe(400);
    expect(errorOf(harness, answer)).toMatchObject({ code: 'too_fast', retryAfterSeconds: 1 });
    expect(answer.headers.get('retry-after')).toBe('1');
    expect(harness.fake.requests).toEqual([]);
  });

  it('refuses a filled honeypot without telling which check failed, and forwards nothing', async () => {
    const answer = await post(harness, { ...validFields(), [PROTECTION.honeypotField]: 'https://spam.example' }, { headers: await proofs() });
    expect(answer.status).toBe(400);
    expect(errorOf(harness, answer)).toEqual({ code: 'bot_suspected', message: 'The submission was refused.' });
    expect(harness.fake.requests).toEqual([]);
  });

  it('takes an empty honeypot as a person left it', async () => {
    const answer = await post(harness, { ...validFields(), [PROTECTION.honeypotField]: '' }, { headers: await proofs() });
    expect(answer.status).toBe(201);
  });

  it('opens the ticket for the customer a valid identity token names, whatever was typed', async () => {
    const token = await mint({ external_id: 'site-user-7' });
    const fields = { ...validFields(), email: 'typed@example.com', name: 'Typed Name' };
    const answer = await post(harness, fields, { headers: { ...(await proofs()), Authorization: `Bearer ${token}` } });
    expect(answer.status).toBe(201);
    expect(harness.fake.tickets.at(-1)?.customerEmail).toBe('bia@example.com');
    expect(harness.fake.customers.find((customer) => customer.email === 'bia@example.com')).toMatchObject({
      id: 'site-user-7',
      name: 'Bia Lima',
    });
    expect(harness.fake.customers.some((customer) => customer.email === 'typed@example.com')).toBe(false);
  });

  it('needs no typed e-mail or name with an identity token', async () => {
    const { email: _email, name: _name, ...fields } = validFields();
    const answer = await post(harness, fields, { headers: { ...(await proofs()), Authorization: `Bearer ${await mint({})}` } });
    expect(answer.status).toBe(201);
  });

  it.each([
    ['expired', () => mint({}, '-5m')],
    ['valid for days', () => mint({}, '30d')],
    ['signed with another secret', () =>
      new SignJWT({ email: 'bia@example.com', name: 'Bia' }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('5m').sign(new TextEncoder().encode(`${IDENTITY_SECRET}!`))],
  ])('refuses an identity token %s with 401 before reading the body', async (_case, token) => {
    const answer = await post(harness, validFields(), { headers: { ...(await proofs()), Authorization: `Bearer ${await token()}` } });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBe('Bearer');
    expect(errorOf(harness, answer)).toMatchObject({ code: 'identity_invalid' });
    expect(harness.fake.requests).toEqual([]);
  });

  it('refuses programs and fake images, forwarding nothing', async () => {
    const cases: Array<[File, string]> = [
      [new File(['MZ\x90\x00'], 'setup.exe'), 'file_type_denied'],
      [new File(['MZ\x90\x00 disguised'], 'fatura.pdf', { type: 'application/pdf' }), 'file_type_denied'],
      [new File(['#!/bin/sh\necho'], 'foto.jpg', { type: 'image/jpeg' }), 'file_type_denied'],
      [new File(['<html>not a picture'], 'foto.png', { type: 'image/png' }), 'file_not_image'],
    ];
    for (const [file, code] of cases) {
      const answer = await post(harness, validFields(), { headers: await proofs(), files: [new File([PNG], 'ok.png', { type: 'image/png' }), file] });
      expect([file.name, answer.status, errorOf(harness, answer)]).toEqual([file.name, 400, expect.objectContaining({ code, field: 'attachments' })]);
    }
    expect(harness.fake.requests).toEqual([]);
  });

  it('sends security headers on every answer, and a page policy on the demo page', async () => {
    const api = await harness.send('/api/form', { headers: { Origin: ALLOWED_ORIGIN } });
    const page = await harness.send('/');
    for (const answer of [api, page]) {
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('x-frame-options')).toBe('DENY');
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
    }
    expect(api.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(api.headers.get('access-control-expose-headers')).toBe('Retry-After');
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
  });
});

describe('rate limits', () => {
  let harness: Harness;
  beforeAll(async () => {
    // Only the limits on (PROTECTIONS_OFF otherwise), the proxy trusted so tests can be several clients.
    harness = await startHarness(
      { RATE_LIMIT_IP_HOUR: '', RATE_LIMIT_IP_DAY: '', RATE_LIMIT_EMAIL_HOUR: '1000', TRUST_PROXY: '127.0.0.1', TOMTICKET_REQUESTS_PER_SECOND: '0' },
      0,
    );
  });
  afterAll(async () => {
    expectNoTokenIn(harness);
    await harness.close();
  });

  const from = (ip: string, fields = validFields()) => post(harness, fields, { headers: { 'X-Forwarded-For': ip } });

  it('answers the 21st ticket from one IP within the hour 429 with Retry-After; other IPs go on', async () => {
    for (let i = 1; i <= 20; i++) expect([i, (await from('198.51.100.1')).status]).toEqual([i, 201]);
    harness.fake.clearRequests();
    const refused = await from('198.51.100.1');
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(2 * 60 * 60);
    expect(errorOf(harness, refused)).toMatchObject({
      code: 'rate_limited',
      retryAfterSeconds: retryAfter,
      message: expect.stringMatching(/Try again in \d+ minutes/),
    });
    expect(harness.fake.requests).toEqual([]);
    expect((await from('198.51.100.2')).status).toBe(201);
    // The client wrote its own X-Forwarded-For entry; only the trusted proxy's last entry counts.
    expect((await from('6.6.6.6, 198.51.100.1')).status).toBe(429);
  });
});

describe('rate limits per e-mail and for the whole server', () => {
  it('refuses an e-mail over its limit, from any IP, and every ticket over the global cap', async () => {
    const harness = await startHarness({ RATE_LIMIT_EMAIL_HOUR: '2', RATE_LIMIT_GLOBAL_HOUR: '3', TRUST_PROXY: '127.0.0.1' }, 0);
    try {
      const send = (ip: string, email: string) =>
        post(harness, { ...validFields(), email }, { headers: { 'X-Forwarded-For': ip } });
      expect((await send('198.51.100.1', TEST_CUSTOMER.email)).status).toBe(201);
      expect((await send('198.51.100.2', TEST_CUSTOMER.email.toUpperCase())).status).toBe(201);
      const perEmail = await send('198.51.100.3', TEST_CUSTOMER.email);
      expect([perEmail.status, errorOf(harness, perEmail).message]).toEqual([429, expect.stringMatching(/this e-mail/)]);
      expect((await send('198.51.100.3', 'novo@example.com')).status).toBe(201);
      const global = await send('198.51.100.4', 'outro@example.com');
      expect([global.status, errorOf(harness, global).message]).toEqual([429, expect.stringMatching(/server accepts/)]);
    } finally {
      await harness.close();
    }
  });
});

describe('each protection switched off', () => {
  it('takes a plain request with origin, token, proof and rate checks off, and ignores the honeypot and file types when told', async () => {
    const harness = await startHarness({ HONEYPOT: 'false', FILE_TYPE_CHECKS: 'false' });
    try {
      const answer = await harness.send('/api/tickets', {
        method: 'POST',
        body: formOf({ ...validFields(), [PROTECTION.honeypotField]: 'filled' }, [new File(['MZ'], 'tool.exe'), new File(['x'], 'a.png', { type: 'image/png' })]),
      });
      expect(answer.status).toBe(201);
      expect(harness.fake.tickets.at(-1)?.attachments.map((file) => file.fileName)).toEqual(['tool.exe', 'a.png']);
      expect(harness.json(await harness.send('/api/challenge'))).toEqual({});
    } finally {
      await harness.close();
    }
  });
});

describe('identity required, or anonymous tickets for one fixed customer', () => {
  it('refuses anonymous tickets with 401 identity_required', async () => {
    const harness = await startHarness({ IDENTITY_SECRET, IDENTITY_REQUIRED: 'true' });
    try {
      const anonymous = await post(harness, validFields());
      expect([anonymous.status, errorOf(harness, anonymous).code]).toEqual([401, 'identity_required']);
      const signedIn = await post(harness, validFields(), { headers: { Authorization: `Bearer ${await mint({})}` } });
      expect(signedIn.status).toBe(201);
    } finally {
      await harness.close();
    }
  });

  it('sends anonymous tickets as the fixed customer, asking no e-mail or name', async () => {
    const harness = await startHarness({ ANONYMOUS_CUSTOMER: TEST_CUSTOMER.email, IDENTITY_SECRET });
    try {
      const schema = harness.json(await harness.send('/api/form')) as { customer: unknown };
      expect(schema.customer).toEqual({ emailRequired: false, nameRequired: false });
      const { email: _email, name: _name, ...fields } = validFields();
      expect((await post(harness, fields)).status).toBe(201);
      // A typed e-mail does not choose the customer either: nobody can open a ticket as someone else.
      expect((await post(harness, { ...fields, email: 'eve@example.com' })).status).toBe(201);
      expect(harness.fake.customers.some((customer) => customer.email === 'eve@example.com')).toBe(false);
      // A signed-in customer is still themselves.
      expect((await post(harness, fields, { headers: { Authorization: `Bearer ${await mint({})}` } })).status).toBe(201);
      expect(harness.fake.tickets.map((ticket) => ticket.customerEmail)).toEqual([TEST_CUSTOMER.email, TEST_CUSTOMER.email, 'bia@example.com']);
    } finally {
      await harness.close();
    }
  });
});

describe('per-file limit', () => {
  it('refuses a file over MAX_FILE_MB with 413 on attachments', async () => {
    const harness = await startHarness({ MAX_FILE_MB: '1' });
    try {
      const answer = await post(harness, validFields(), { files: [new File([new Uint8Array(1024 * 1024 + 1)], 'big.bin')] });
      expect(answer.status).toBe(413);
      expect(errorOf(harness, answer)).toMatchObject({ code: 'request_too_large', field: 'attachments' });
      expect(harness.fake.requests.filter((call) => call.endpoint !== 'departamentos')).toEqual([]);
      expect((await post(harness, validFields(), { files: [new File([new Uint8Array(1024 * 1024)], 'fits.bin')] })).status).toBe(201);
    } finally {
      await harness.close();
    }
  });
});
