import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../../contract/index.ts';
import {
  ALLOWED_ORIGIN,
  formOf,
  spoolIsEmpty,
  startHarness,
  TEST_TOKEN,
  textsShowingToken,
  validFields,
  waitFor,
  type Harness,
} from './harness.ts';

const BOUNDARY = 'integration-test-boundary-4f1c';
const MULTIPART = `multipart/form-data; boundary=${BOUNDARY}`;
const encoder = new TextEncoder();

async function encoded(form: FormData): Promise<{ bytes: Uint8Array; contentType: string }> {
  const response = new Response(form);
  return { bytes: new Uint8Array(await response.arrayBuffer()), contentType: response.headers.get('content-type') as string };
}

/** A multipart body opening one file part and then streaming `totalBytes` of its content, never closing. */
function* endlessUpload(totalBytes: number): Iterable<Uint8Array> {
  yield encoder.encode(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="attachments"; filename="huge.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  for (let sent = 0; sent < totalBytes; sent += chunk.length) yield chunk;
}

describe('the HTTP surface', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
    expect((await harness.send('/api/form')).status).toBe(200);
  });
  afterAll(async () => {
    expect(textsShowingToken(harness)).toEqual([]);
    await harness.close();
  });
  beforeEach(() => {
    harness.fake.clearRequests();
  });

  it('refuses a body announced over 25 MB at once, without asking for it', async () => {
    const exchange = await harness.raw('/api/tickets', {
      headers: {
        'Content-Type': MULTIPART,
        'Content-Length': String(LIMITS.requestMaxBytes + 1),
        Expect: '100-continue',
      },
      chunks: () => [],
      end: false,
    });

    expect(exchange.status).toBe(413);
    expect(JSON.parse(exchange.text)).toMatchObject({ ok: false, error: { code: 'request_too_large' } });
    expect(exchange.headers?.connection).toBe('close');
    expect(exchange.continued).toBe(false);
    expect(harness.fake.requests).toEqual([]);
    expect(await spoolIsEmpty(harness)).toBe(true);
  });

  it('stops reading a chunked upload once it passes 25 MB, then serves the next ticket', async () => {
    const exchange = await harness.raw('/api/tickets', {
      headers: { 'Content-Type': MULTIPART, 'Transfer-Encoding': 'chunked' },
      chunks: () => endlessUpload(LIMITS.requestMaxBytes * 2),
    });

    expect(exchange.status).toBe(413);
    expect(JSON.parse(exchange.text)).toMatchObject({ ok: false, error: { code: 'request_too_large' } });
    expect(exchange.headers?.connection).toBe('close');
    // Socket buffers hold a few MB more than the server read; nowhere near the 50 MB offered.
    expect(exchange.bytesWritten).toBeLessThan(LIMITS.requestMaxBytes + 16 * 1024 * 1024);
    expect(harness.fake.requests).toEqual([]);
    expect(await spoolIsEmpty(harness)).toBe(true);

    const next = await harness.send('/api/tickets', { method: 'POST', body: formOf(validFields()) });
    expect(next.status).toBe(201);
    expect(await spoolIsEmpty(harness)).toBe(true);
  });

  it('asks for the body with 100 Continue when the client waits for it (curl does above 1 MB)', async () => {
    const { bytes, contentType } = await encoded(formOf(validFields(), [new File([new Uint8Array(2_000_000)], 'big.bin')]));
    const exchange = await harness.raw('/api/tickets', {
      headers: { 'Content-Type': contentType, 'Content-Length': String(bytes.length), Expect: '100-continue' },
      chunks: () => [bytes],
      waitForContinue: true,
    });
    expect(exchange.continued).toBe(true);
    expect(exchange.status).toBe(201);
  });

  it('never fails or crashes on garbage', async () => {
    const bodies = [
      '--b\r\n\r\n\r\n--b--',
      '--b\r\nContent-Disposition: form-data\r\n\r\nno name\r\n--b--\r\n',
      `--b\r\nContent-Disposition: form-data; name="title"\r\n${'X-Long: y\r\n'.repeat(5000)}\r\nx\r\n--b--\r\n`,
      '--b\r\nContent-Disposition: form-data; name="attachments"; filename="a"\r\n\r\nno end',
      String.fromCharCode(...Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)),
      '',
    ];
    for (const body of bodies) {
      const answer = await harness.send('/api/tickets', {
        method: 'POST',
        headers: { 'Content-Type': 'multipart/form-data; boundary=b' },
        body,
      });
      expect(answer.status).toBe(400);
      expect(harness.json(answer)).toMatchObject({ ok: false });
    }
    expect((await harness.send('/healthz')).status).toBe(200);
    expect(harness.fake.requests).toEqual([]);
    expect(await spoolIsEmpty(harness)).toBe(true);
  });

  it('refuses a body that is not multipart with 415', async () => {
    const answer = await harness.send('/api/tickets', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(validFields()),
    });
    expect(answer.status).toBe(415);
    expect(harness.json(answer)).toMatchObject({ ok: false, error: { code: 'not_multipart' } });
    expect(harness.fake.requests).toEqual([]);
  });

  it.each([
    ['a boundary of 71 characters', `multipart/form-data; boundary=${'b'.repeat(71)}`],
    ['no boundary', 'multipart/form-data'],
  ])('refuses %s with 400 before parsing', async (_case, contentType) => {
    const answer = await harness.send('/api/tickets', {
      method: 'POST',
      headers: { 'Content-Type': contentType },
      body: `--${'b'.repeat(71)}\r\nContent-Disposition: form-data; name="title"\r\n\r\nx\r\n--${'b'.repeat(71)}--\r\n`,
    });
    expect(answer.status).toBe(400);
    expect(harness.json(answer)).toMatchObject({ ok: false, error: { code: 'malformed_body' } });
    expect(harness.fake.requests).toEqual([]);
  });

  it('refuses a truncated body with 400 and keeps nothing of it', async () => {
    const { bytes, contentType } = await encoded(formOf(validFields(), [new File([new Uint8Array(200_000)], 'a.bin')]));
    const answer = await harness.send('/api/tickets', {
      method: 'POST',
      headers: { 'Content-Type': contentType },
      body: bytes.slice(0, 150_000),
    });
    expect(answer.status).toBe(400);
    expect(harness.json(answer)).toMatchObject({ ok: false, error: { code: 'malformed_body' } });
    expect(harness.fake.requests).toEqual([]);
    expect(await spoolIsEmpty(harness)).toBe(true);
  });

  it('cleans the spool when the client goes away mid-upload', async () => {
    let spooling = false;
    await harness.raw('/api/tickets', {
      headers: { 'Content-Type': MULTIPART, 'Content-Length': String(10 * 1024 * 1024) },
      chunks: () => endlessUpload(8 * 1024 * 1024),
      abortAfterBytes: 2 * 1024 * 1024,
      beforeAbort: async () => {
        spooling = await waitFor(async () => (await harness.spoolEntries()).length > 0);
      },
    });
    expect(spooling).toBe(true);
    expect(await waitFor(() => spoolIsEmpty(harness))).toBe(true);
    expect(harness.fake.requests).toEqual([]);
  });

  describe('CORS', () => {
    it('lets an allowed origin read the answer', async () => {
      const answer = await harness.send('/api/tickets', {
        method: 'POST',
        headers: { Origin: ALLOWED_ORIGIN },
        body: formOf(validFields()),
      });
      expect(answer.status).toBe(201);
      expect(answer.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
      expect(answer.headers.get('vary')).toMatch(/Origin/);
    });

    it('refuses a POST from another origin with 403 without reading it or calling TomTicket', async () => {
      const answer = await harness.send('/api/tickets', {
        method: 'POST',
        headers: { Origin: 'https://evil.example' },
        body: formOf(validFields()),
      });
      expect(answer.status).toBe(403);
      expect(harness.json(answer)).toMatchObject({ ok: false, error: { code: 'origin_not_allowed' } });
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
      expect(harness.fake.requests).toEqual([]);
      expect(await spoolIsEmpty(harness)).toBe(true);
    });

    it('refuses loopback origins in live mode unless configured', async () => {
      const answer = await harness.send('/api/form', { headers: { Origin: 'http://localhost:5173' } });
      expect(answer.status).toBe(403);
    });

    it('answers a preflight from an allowed origin', async () => {
      const answer = await harness.send('/api/tickets', {
        method: 'OPTIONS',
        headers: {
          Origin: ALLOWED_ORIGIN,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'idempotency-key',
        },
      });
      expect(answer.status).toBe(204);
      expect(Object.fromEntries(answer.headers)).toMatchObject({
        'access-control-allow-origin': ALLOWED_ORIGIN,
        'access-control-allow-methods': 'GET, POST, OPTIONS',
        'access-control-allow-headers': 'Content-Type, Idempotency-Key, Authorization, Form-Token, Altcha',
        'access-control-max-age': expect.stringMatching(/^\d+$/),
        vary: 'Origin',
      });
    });

    it('refuses a preflight from another origin', async () => {
      const answer = await harness.send('/api/tickets', {
        method: 'OPTIONS',
        headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
      });
      expect(answer.status).toBe(403);
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  it('answers unknown routes with 404 and wrong methods with 405, with the security headers', async () => {
    const missing = await harness.send('/nope');
    expect(missing.status).toBe(404);
    expect(harness.json(missing)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const wrongMethod = await harness.send('/api/tickets');
    expect(wrongMethod.status).toBe(405);
    expect(harness.json(wrongMethod)).toMatchObject({ ok: false, error: { code: 'method_not_allowed' } });
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    for (const answer of [missing, wrongMethod]) {
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });
});
