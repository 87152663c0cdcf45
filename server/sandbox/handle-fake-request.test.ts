import { readdir } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LIMITS } from '../../contract/index.ts';
import { FAKE_MESSAGES } from './fake-messages.ts';
import {
  createTicketUrl,
  formOf,
  getJson,
  postForm,
  startTestFake,
  TEST_CUSTOMER,
  TEST_TOKEN,
  validTicketFields,
} from './test-kit.ts';
import type { FakeTomTicket } from './types.ts';

const running: FakeTomTicket[] = [];
async function start(...args: Parameters<typeof startTestFake>): Promise<FakeTomTicket> {
  const fake = await startTestFake(...args);
  running.push(fake);
  return fake;
}
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(running.splice(0).map((fake) => fake.close()));
});

const departmentsUrl = (fake: FakeTomTicket, token = TEST_TOKEN) => `${fake.url}/departamentos/${token}`;

/** Sends raw bytes with full control of the headers, resolving with the first answer. */
function rawPost(
  url: string,
  headers: Record<string, string>,
  body: Iterable<Uint8Array | string> | AsyncIterable<Uint8Array | string>,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { method: 'POST', headers });
    // The fake may close the connection while we are still sending: that is the point.
    outgoing.on('error', () => undefined);
    outgoing.on('response', (response: IncomingMessage) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      response.on('error', reject);
    });
    Readable.from(body).pipe(outgoing);
  });
}

describe('the token', () => {
  it.each([
    ['erro_200', 200],
    ['http_4xx', 401],
  ] as const)('refuses a wrong token (%s: HTTP %i) and never shows the right one', async (refusals, status) => {
    const fake = await start({ variants: { refusals } });
    const response = await fetch(departmentsUrl(fake, 'not-the-token'));
    expect(response.status).toBe(status);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ erro: true, mensagem: FAKE_MESSAGES.invalidToken });
    expect(text).not.toContain(TEST_TOKEN);
  });

  it('refuses a wrong token on ticket creation without storing anything', async () => {
    const fake = await start({ variants: { refusals: 'http_4xx' } });
    const { status, body } = await postForm(createTicketUrl(fake, TEST_CUSTOMER.email, 'wrong'), formOf(validTicketFields()));
    expect(status).toBe(401);
    expect(body.erro).toBe(true);
    expect(fake.tickets).toHaveLength(0);
  });

  it('refuses the old token once setToken replaced it, and redacts both', async () => {
    const fake = await start();
    fake.setToken('a-new-token-1234');
    expect((await getJson(departmentsUrl(fake, TEST_TOKEN))).body.erro).toBe(true);
    expect((await getJson(departmentsUrl(fake, 'a-new-token-1234'))).body.erro).toBe(false);
    expect(JSON.stringify(fake.requests)).not.toMatch(/a-new-token-1234|test-token/);
  });

  it('records every request with the token replaced by ***', async () => {
    const fake = await start();
    await postForm(createTicketUrl(fake), formOf(validTicketFields()));
    await getJson(`${fake.url}/cliente/${TEST_TOKEN}/${encodeURIComponent(TEST_CUSTOMER.email)}?tipo_identificador=E`);
    await getJson(departmentsUrl(fake, 'wrong-token'));
    await getJson(`${fake.url}/somewhere/${TEST_TOKEN}`);

    expect(fake.requests.map(({ method, path, endpoint, status }) => ({ method, path, endpoint, status }))).toEqual([
      { method: 'POST', path: '/criar_chamado/***/ana%40example.com', endpoint: 'criar_chamado', status: 200 },
      { method: 'GET', path: '/cliente/***/ana%40example.com?tipo_identificador=E', endpoint: 'cliente', status: 200 },
      { method: 'GET', path: '/departamentos/***', endpoint: 'departamentos', status: 200 },
      { method: 'GET', path: '/somewhere/***', endpoint: 'unknown', status: 404 },
    ]);
    expect(JSON.stringify(fake.requests)).not.toContain(TEST_TOKEN);
  });

  it('forgets recorded requests on clearRequests but keeps tickets', async () => {
    const fake = await start();
    await postForm(createTicketUrl(fake), formOf(validTicketFields()));
    fake.clearRequests();
    expect(fake.requests).toHaveLength(0);
    expect(fake.tickets).toHaveLength(1);
  });
});

describe('routing', () => {
  it('answers 404 with erro true for an unknown path', async () => {
    const fake = await start();
    const { status, body } = await getJson(`${fake.url}/criar_ticket/${TEST_TOKEN}/x`);
    expect(status).toBe(404);
    expect(body.erro).toBe(true);
  });

  it('answers 405 for the wrong method on a known endpoint', async () => {
    const fake = await start();
    const response = await fetch(createTicketUrl(fake));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(await response.json()).toMatchObject({ erro: true });
  });
});

describe('the rate limit', () => {
  it('answers exactly one of 4 simultaneous requests with 429 and no Retry-After', async () => {
    const fake = await start({ requestsPerSecond: 3 });
    const responses = await Promise.all(Array.from({ length: 4 }, () => fetch(departmentsUrl(fake))));
    const limited = responses.filter((response) => response.status === 429);
    expect(responses.map((response) => response.status).sort()).toEqual([200, 200, 200, 429]);
    expect(limited[0]!.headers.has('retry-after')).toBe(false);
    expect(await limited[0]!.json()).toEqual({ erro: true, mensagem: FAKE_MESSAGES.rateLimited });
    expect(fake.requests.map((record) => record.status).sort()).toEqual([200, 200, 200, 429]);
  });

  it('admits requests again once a second has passed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const fake = await start({ requestsPerSecond: 3 });
    for (let i = 0; i < 3; i++) expect((await fetch(departmentsUrl(fake))).status).toBe(200);
    expect((await fetch(departmentsUrl(fake))).status).toBe(429);
    vi.setSystemTime(Date.now() + 1001);
    expect((await fetch(departmentsUrl(fake))).status).toBe(200);
  });

  it('limits ticket creation like every other call', async () => {
    const fake = await start({ requestsPerSecond: 3 });
    const results = await Promise.all(
      Array.from({ length: 4 }, () => postForm(createTicketUrl(fake), formOf(validTicketFields()))),
    );
    expect(results.map((result) => result.status).sort()).toEqual([200, 200, 200, 429]);
    expect(fake.tickets).toHaveLength(3);
  });

  it('does not count requests with a wrong token against the account', async () => {
    const fake = await start({ requestsPerSecond: 3 });
    await Promise.all(Array.from({ length: 5 }, () => fetch(departmentsUrl(fake, 'wrong'))));
    const statuses = await Promise.all(Array.from({ length: 3 }, async () => (await fetch(departmentsUrl(fake))).status));
    expect(statuses).toEqual([200, 200, 200]);
  });

  it('is off when requestsPerSecond is 0', async () => {
    const fake = await start({ requestsPerSecond: 0 });
    const statuses = await Promise.all(Array.from({ length: 12 }, async () => (await fetch(departmentsUrl(fake))).status));
    expect(statuses.every((status) => status === 200)).toBe(true);
  });
});

describe('faults', () => {
  it("'reject' refuses ticket creation with the given text and stores nothing", async () => {
    const fake = await start();
    fake.setFault('reject', 'Departamento fechado para novos chamados');
    const form = formOf(validTicketFields());
    form.append('anexos[0]', new Blob(['conteúdo']), 'a.txt');
    const { status, body } = await postForm(createTicketUrl(fake), form);
    expect(status).toBe(200);
    expect(body).toEqual({ erro: true, mensagem: 'Departamento fechado para novos chamados' });
    expect(fake.tickets).toHaveLength(0);
    // Other calls still work: only ticket creation is refused.
    expect((await getJson(departmentsUrl(fake))).body.erro).toBe(false);
  });

  it("'reject' without a text still answers a non-empty mensagem", async () => {
    const fake = await start();
    fake.setFault('reject');
    const { body } = await postForm(createTicketUrl(fake), formOf(validTicketFields()));
    expect(body).toEqual({ erro: true, mensagem: FAKE_MESSAGES.simulatedRejection });
  });

  it("'http_500' answers every call with an HTML 500 page", async () => {
    const fake = await start();
    fake.setFault('http_500');
    for (const response of [await fetch(departmentsUrl(fake)), await fetch(createTicketUrl(fake), { method: 'POST', body: formOf(validTicketFields()) })]) {
      expect(response.status).toBe(500);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      await expect(response.clone().json()).rejects.toThrow();
      expect(await response.text()).toContain('Internal Server Error');
    }
    expect(fake.tickets).toHaveLength(0);
  });

  it("'invalid_json' answers 200 with a body that is not JSON", async () => {
    const fake = await start();
    fake.setFault('invalid_json');
    const response = await fetch(createTicketUrl(fake), { method: 'POST', body: formOf(validTicketFields()) });
    expect(response.status).toBe(200);
    await expect(response.json()).rejects.toThrow();
    expect(fake.tickets).toHaveLength(0);
  });

  it("'no_answer' never answers, and close() still finishes quickly", async () => {
    const fake = await start();
    fake.setFault('no_answer');
    const hanging = fetch(createTicketUrl(fake), {
      method: 'POST',
      body: formOf(validTicketFields()),
      signal: AbortSignal.timeout(300),
    });
    await expect(hanging).rejects.toThrow();
    const stillOpen = fetch(departmentsUrl(fake)).catch((error: unknown) => error);
    await vi.waitFor(() => expect(fake.requests).toHaveLength(2));
    expect(fake.requests.map((record) => record.status)).toEqual([0, 0]);

    const startedAt = Date.now();
    await fake.close();
    expect(Date.now() - startedAt).toBeLessThan(1000);
    expect(await stillOpen).toBeInstanceOf(Error);
  });

  it("'none' restores the faithful service", async () => {
    const fake = await start();
    fake.setFault('http_500');
    fake.setFault('none');
    expect((await postForm(createTicketUrl(fake), formOf(validTicketFields()))).body.erro).toBe(false);
  });
});

describe('hostile and oversized bodies', () => {
  const multipartHeaders = { 'Content-Type': 'multipart/form-data; boundary=xyz' };

  it('refuses a body announced over 25 MB before reading it', async () => {
    const fake = await start();
    const answer = await rawPost(
      createTicketUrl(fake),
      { ...multipartHeaders, 'Content-Length': String(LIMITS.requestMaxBytes + 1) },
      // Far less than announced: the answer must not wait for the rest.
      ['--xyz\r\n'],
    );
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text)).toEqual({ erro: true, mensagem: FAKE_MESSAGES.requestTooLarge });
    expect(fake.tickets).toHaveLength(0);
  });

  it('refuses a chunked body once it streams past 25 MB, and keeps serving', async () => {
    const fake = await start();
    const chunk = new Uint8Array(1024 * 1024).fill(97);
    let sentBytes = 0;
    async function* body() {
      yield '--xyz\r\nContent-Disposition: form-data; name="anexos[0]"; filename="big.bin"\r\n\r\n';
      for (let i = 0; i < 40; i++) {
        sentBytes += chunk.length;
        yield chunk;
      }
      yield '\r\n--xyz--\r\n';
    }
    const answer = await rawPost(createTicketUrl(fake), multipartHeaders, body());
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text)).toMatchObject({ erro: true });
    expect(sentBytes).toBeLessThan(40 * chunk.length);
    expect(fake.tickets).toHaveLength(0);
    expect((await getJson(departmentsUrl(fake))).body.erro).toBe(false);
  });

  it.each([
    ['an unfinished form', '--xyz\r\nContent-Disposition: form-data; name="titulo"\r\n\r\nOi'],
    ['a malformed part header', '--xyz\r\nContent-Disposition form-data name titulo\r\n\r\nOi\r\n--xyz--\r\n'],
    ['garbage', '\u0000\u0001garbage without any boundary'],
  ])('answers %s with 400 erro true and keeps serving', async (_name, body) => {
    const fake = await start();
    const answer = await rawPost(createTicketUrl(fake), multipartHeaders, [body]);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).toEqual({ erro: true, mensagem: FAKE_MESSAGES.malformedBody });
    expect(fake.tickets).toHaveLength(0);
    expect((await getJson(departmentsUrl(fake))).body.erro).toBe(false);
  });

  it('refuses a boundary longer than RFC 2046 allows', async () => {
    const fake = await start();
    const boundary = 'b'.repeat(252);
    const answer = await rawPost(createTicketUrl(fake), { 'Content-Type': `multipart/form-data; boundary=${boundary}` }, [
      `--${boundary}\r\nContent-Disposition: form-data; name="titulo"\r\n\r\nOi\r\n--${boundary}--\r\n`,
    ]);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).toMatchObject({ erro: true });
  });

  it('refuses a multipart type without a boundary', async () => {
    const fake = await start();
    const answer = await rawPost(createTicketUrl(fake), { 'Content-Type': 'multipart/form-data' }, ['x']);
    expect(answer.status).toBe(400);
  });

  it('deletes the partial file of a client that disconnects mid-upload, and keeps serving', async () => {
    const fake = await start();
    const storedFiles = () => readdir(fake.storageDir as string);
    const outgoing = httpRequest(createTicketUrl(fake), { method: 'POST', headers: multipartHeaders });
    outgoing.on('error', () => undefined);
    outgoing.write('--xyz\r\nContent-Disposition: form-data; name="anexos[0]"; filename="a.bin"\r\n\r\n');
    outgoing.write(new Uint8Array(64 * 1024));
    await vi.waitFor(async () => expect(await storedFiles()).toHaveLength(1));
    outgoing.destroy();
    await vi.waitFor(async () => expect(await storedFiles()).toHaveLength(0));
    // Nobody is left to answer: the record says so with status 0.
    expect(fake.requests[0]?.status).toBe(0);
    expect(fake.tickets).toHaveLength(0);
    expect((await getJson(departmentsUrl(fake))).body.erro).toBe(false);
  });
});
