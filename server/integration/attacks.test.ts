import { connect } from 'node:net';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { PROTECTION } from '../../contract/index.ts';
import { ConfigError, readConfig } from '../config/read-config.ts';
import { createProofSupply } from './challenge.ts';
import { ALLOWED_ORIGIN, formOf, startHarness, validFields, type Harness } from './harness.ts';
import { sendRawBytes } from './raw-socket.ts';

/**
 * The second security review's findings, each tried against the running server as an attacker
 * would, then the answer: every case here was answered the attacker's way before the fix.
 */

const IDENTITY_SECRET = 'attacks-identity-secret-0123456789abcdef';
const FORM_SECRET = 'attacks-form-secret-0123456789abcdefghij';

const mint = (claims: Record<string, unknown>) =>
  new SignJWT({ email: 'ceo@victim.example', name: 'The CEO', aud: 'tomticket-form', ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(IDENTITY_SECRET));

/** A ticket from the allowed origin, with `headers` and `fields` over the valid ones. */
function post(harness: Harness, headers: Record<string, string> = {}, fields: Record<string, string> = {}, files: File[] = []) {
  return harness.send('/api/tickets', {
    method: 'POST',
    headers: { Origin: ALLOWED_ORIGIN, ...headers },
    body: formOf({ ...validFields(), ...fields }, files),
  });
}

const codeOf = (harness: Harness, answer: { text: string }) => (harness.json(answer as never) as { error?: { code: string } }).error?.code;

async function withHarness(env: Record<string, string>, run: (harness: Harness) => Promise<void>): Promise<void> {
  const harness = await startHarness({ TOMTICKET_REQUESTS_PER_SECOND: '0', ...env }, 0);
  try {
    await run(harness);
  } finally {
    await harness.close();
  }
}

describe('TRUST_PROXY=1 believed X-Forwarded-For from any peer', () => {
  it('no longer starts with a hop count, and says what to write instead', () => {
    expect(() => readConfig({ SANDBOX: 'true', TRUST_PROXY: '1' })).toThrow(ConfigError);
    expect(() => readConfig({ SANDBOX: 'true', TRUST_PROXY: '1' })).toThrow(/TRUST_PROXY=127\.0\.0\.1 for nginx or Caddy on this machine/);
  });

  it('limits a client that reaches the port directly by its own address, whatever X-Forwarded-For it writes', async () => {
    // The proxy is elsewhere (10.0.0.1); the attacker connects straight from 127.0.0.1.
    await withHarness({ RATE_LIMIT_IP_HOUR: '3', TRUST_PROXY: '10.0.0.1' }, async (harness) => {
      const statuses = [];
      for (let i = 1; i <= 4; i++) statuses.push((await post(harness, { 'X-Forwarded-For': `203.0.113.${i}` })).status);
      expect(statuses).toEqual([201, 201, 201, 429]);
    });
  });
});

describe('a form token passed for 24 h on any number of tickets', () => {
  it('is spent by its ticket: the same token, old enough, sent twice, is taken once', async () => {
    await withHarness({ MIN_SUBMIT_SECONDS: '1', FORM_SECRET }, async (harness) => {
      const proofs = await createProofSupply(harness.server.url, ALLOWED_ORIGIN, 1)();
      expect(Object.keys(proofs)).toEqual([PROTECTION.formTokenHeader]);
      expect((await post(harness, proofs)).status).toBe(201);
      const replay = await post(harness, proofs);
      expect([replay.status, codeOf(harness, replay)]).toEqual([400, 'challenge_failed']);
      expect(harness.fake.tickets).toHaveLength(1);
    });
  });

  it('is tied to the proof-of-work challenge it was issued with: a token paired with another solution is refused', async () => {
    await withHarness({ MIN_SUBMIT_SECONDS: '1', PROOF_OF_WORK: '', PROOF_OF_WORK_MAX_NUMBER: '200', FORM_SECRET }, async (harness) => {
      const supply = createProofSupply(harness.server.url, ALLOWED_ORIGIN, 2);
      const [first, second] = [await supply(), await supply()];
      // One aged token reused with a fresh solution each time: what made the token free to replay.
      const mixed = { ...first, [PROTECTION.proofHeader]: second[PROTECTION.proofHeader] as string };
      const answer = await post(harness, mixed);
      expect([answer.status, codeOf(harness, answer)]).toEqual([400, 'challenge_failed']);
      expect((await post(harness, first)).status).toBe(201);
    });
  });
});

describe('no stranger locks a customer out', () => {
  it('keeps a signed-in customer\'s counter apart from anonymous tickets typed with their e-mail', async () => {
    await withHarness({ RATE_LIMIT_EMAIL_HOUR: '4', IDENTITY_SECRET }, async (harness) => {
      const typed = { email: 'ceo@victim.example', name: 'Not the CEO' };
      for (let i = 0; i < 4; i++) expect((await post(harness, {}, typed)).status).toBe(201);
      expect((await post(harness, {}, typed)).status).toBe(429);
      const owner = await post(harness, { Authorization: `Bearer ${await mint({})}` });
      expect(owner.status).toBe(201);
    });
  });

  it('keeps a share of the global cap for signed-in customers when anonymous tickets fill it from many addresses', async () => {
    await withHarness({ RATE_LIMIT_GLOBAL_HOUR: '10', IDENTITY_SECRET, TRUST_PROXY: '127.0.0.1' }, async (harness) => {
      const anonymous = [];
      for (let i = 1; i <= 9; i++) anonymous.push((await post(harness, { 'X-Forwarded-For': `198.51.100.${i}` }, { email: `bot${i}@example.com` })).status);
      // 80 % of the cap for anonymous tickets, the rest kept for signed-in customers.
      expect(anonymous).toEqual([201, 201, 201, 201, 201, 201, 201, 201, 429]);
      const signedIn = await post(harness, { 'X-Forwarded-For': '192.0.2.7', Authorization: `Bearer ${await mint({})}` });
      expect(signedIn.status).toBe(201);
    });
  });

  it('limits IPv6 clients per /56 and /48 too: rotating through the /64s of one /56 meets a limit', async () => {
    await withHarness({ RATE_LIMIT_IP_HOUR: '2', TRUST_PROXY: '127.0.0.1' }, async (harness) => {
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await post(harness, { 'X-Forwarded-For': `2001:db8:7:10${i}::1` })).status);
      // A /64 may send 2, its /56 twice as many.
      expect(statuses).toEqual([201, 201, 201, 201, 429, 429]);
      expect((await post(harness, { 'X-Forwarded-For': '2001:db8:8::1' })).status).toBe(201);
    });
  });
});

describe('an identity token was accepted with no audience', () => {
  it('refuses the site\'s own session token signed with the same secret (email, name, exp, no aud of ours)', async () => {
    await withHarness({ IDENTITY_SECRET }, async (harness) => {
      const session = await post(harness, { Authorization: `Bearer ${await mint({ aud: undefined })}` });
      expect([session.status, codeOf(harness, session)]).toEqual([401, 'identity_invalid']);
      const otherUse = await post(harness, { Authorization: `Bearer ${await mint({ aud: 'https://app.example.com' })}` });
      expect(otherUse.status).toBe(401);
      expect((await post(harness, { Authorization: `Bearer ${await mint({})}` })).status).toBe(201);
      expect(harness.fake.tickets).toHaveLength(1);
    });
  });
});

describe('connections, headers and refusals were unbounded', () => {
  it('counts header lines as sent: 1500 repeated lines get 431', async () => {
    await withHarness({}, async (harness) => {
      const answer = await sendRawBytes(harness.server.url, [`GET /healthz HTTP/1.1\r\nHost: x\r\n${'X-A: 1\r\n'.repeat(1500)}Connection: close\r\n\r\n`]);
      expect(answer.status).toBe(431);
      // Sent chunked: the JSON is read from inside the framing.
      expect(answer.body).toContain('"code":"request_too_large"');
    });
  });

  it('closes connections past MAX_CONNECTIONS unanswered, and serves again once they go', async () => {
    await withHarness({ MAX_CONNECTIONS: '3' }, async (harness) => {
      const { port } = new URL(harness.server.url);
      const held = Array.from({ length: 3 }, () => connect(Number(port), '127.0.0.1'));
      for (const socket of held) socket.on('error', () => undefined);
      await Promise.all(held.map((socket) => new Promise((resolve) => socket.once('connect', resolve))));
      await new Promise((resolve) => setTimeout(resolve, 100));
      const refused = await sendRawBytes(harness.server.url, ['GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'], { maxMs: 3000 });
      expect([refused.status, refused.closed]).toEqual([undefined, true]);
      for (const socket of held) socket.destroy();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await sendRawBytes(harness.server.url, ['GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'])).status).toBe(200);
    });
  });

  it('counts refused requests (403, 429): past RATE_LIMIT_REFUSED_MINUTE a client gets 429 at once, its upload cut off', async () => {
    await withHarness({ RATE_LIMIT_REFUSED_MINUTE: '5', ALLOW_NO_ORIGIN: '' }, async (harness) => {
      // Headers announcing 20 MB from a page not allowed, then nothing: each refusal used to keep its socket 5 s.
      const flood = `POST /api/tickets HTTP/1.1\r\nHost: x\r\nOrigin: https://evil.example\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: ${20 * 1024 * 1024}\r\n\r\n`;
      const refusals = [];
      for (let i = 0; i < 5; i++) refusals.push((await sendRawBytes(harness.server.url, [flood], { maxMs: 300 })).status);
      expect(refusals).toEqual([403, 403, 403, 403, 403]);
      const cutOff = await sendRawBytes(harness.server.url, [flood], { maxMs: 3000 });
      expect(cutOff.status).toBe(429);
      expect(cutOff.body).toMatch(/"code":"rate_limited".*refused requests/);
      // Closed as soon as it was answered, not kept for the client (3 s of waiting would have shown it open).
      expect(cutOff.closed).toBe(true);
      // The same client's honest-looking ticket waits too: its budget is spent.
      const next = await post(harness);
      expect(next.status).toBe(429);
      expect(Number(next.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(harness.fake.tickets).toHaveLength(0);
    });
  });
});

describe('nothing bounded the outbox on disk', () => {
  it('refuses tickets with files 503 past OUTBOX_MAX_MB while text-only tickets are still queued, and shows the figure on /healthz', async () => {
    await withHarness({ OUTBOX_MAX_MB: '1', DELIVERY_WAIT_MS: '0' }, async (harness) => {
      // The form's departments are known from before the outage.
      expect((await harness.send('/api/form')).status).toBe(200);
      await harness.fake.setFault('down');
      const file = () => new File([new Uint8Array(700 * 1024).fill(7)], 'captura.bin');
      expect((await post(harness, {}, {}, [file()])).status).toBe(202);
      const full = await post(harness, {}, {}, [file()]);
      expect(full.status).toBe(503);
      expect(harness.json(full)).toMatchObject({ ok: false, error: { code: 'attachments_unavailable', field: 'attachments' } });
      expect((await post(harness)).status).toBe(202);
      const health = harness.json(await harness.send('/healthz')) as { outbox: { queued: number; usedMb: number; maxMb: number } };
      expect(health.outbox).toMatchObject({ queued: 2, maxMb: 1 });
      expect(health.outbox.usedMb).toBeGreaterThan(0.6);
    });
  });
});

describe('the file deny list missed disk images and other carriers', () => {
  const extensions = 'iso img vhd vhdx one html htm mht mhtml docm xlsm pptm xll iqy slk cab chm msc appx msix library-ms settingcontent-ms'.split(' ');

  it(`refuses ${extensions.length} carrier extensions and disk images by their bytes, forwarding nothing`, async () => {
    await withHarness({}, async (harness) => {
      const refusedByName = [];
      for (const extension of extensions) {
        const answer = await post(harness, {}, {}, [new File(['harmless text'], `documento.${extension}`)]);
        refusedByName.push([extension, answer.status, codeOf(harness, answer)]);
      }
      expect(refusedByName).toEqual(extensions.map((extension) => [extension, 400, 'file_type_denied']));
      const iso = new Uint8Array(0x9000);
      iso.set(new TextEncoder().encode('CD001'), 0x8001);
      const byContent = await post(harness, {}, {}, [new File([iso], 'fatura.pdf', { type: 'application/pdf' })]);
      expect([byContent.status, codeOf(harness, byContent)]).toEqual([400, 'file_type_denied']);
      expect(harness.json(byContent)).toMatchObject({ error: { message: expect.stringMatching(/disk image \(ISO 9660\)/) } });
      expect(harness.ticketCalls()).toEqual([]);
    });
  });
});
