import { createServer, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../log/create-logger.ts';
import { FAKE_MESSAGES } from '../sandbox/fake-messages.ts';
import { createTomTicketClient } from './client.ts';
import { expectNoToken, spoolFiles, startClientFixture, ticket, TOKEN, type ClientFixture } from './client-fixture.ts';
import { createRateLimiter } from './limiter.ts';

let fixture: ClientFixture | undefined;

afterEach(async () => {
  if (fixture) expectNoToken(fixture.logLines);
  await fixture?.close();
  fixture = undefined;
});

/** Resolves with the rejection of `promise`, failing the test if it fulfils. */
async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(Error);
  return outcome as Error;
}

describe('createTomTicketClient: failures as values', () => {
  it('passes on TomTicket’s refusal (erro: true) as rejected, with its message', async () => {
    fixture = await startClientFixture();
    fixture.fake.setFault('reject', 'Departamento em manutenção até amanhã');
    expect(await fixture.client.createTicket(ticket())).toEqual({
      ok: false,
      kind: 'rejected',
      message: 'Departamento em manutenção até amanhã',
    });
    fixture.fake.setFault('none');
    // The fake's own validation refuses an unknown department the same way.
    expect(await fixture.client.createTicket(ticket({ departmentId: 'nope' }))).toEqual({
      ok: false,
      kind: 'rejected',
      message: FAKE_MESSAGES.departmentNotFound,
    });
  });

  it('maps an HTTP 500 to unavailable without retrying', async () => {
    fixture = await startClientFixture();
    fixture.fake.setFault('http_500');
    const result = await fixture.client.createTicket(ticket());
    expect(result).toMatchObject({ ok: false, kind: 'unavailable', detail: expect.stringContaining('500') });
    expect(fixture.fake.requests).toHaveLength(1);
  });

  it('maps a body that is not JSON to unavailable', async () => {
    fixture = await startClientFixture();
    fixture.fake.setFault('invalid_json');
    expect(await fixture.client.createTicket(ticket())).toMatchObject({ ok: false, kind: 'unavailable' });
  });

  it('maps no answer within timeoutMs to timeout, and does not send the ticket twice', async () => {
    fixture = await startClientFixture({ timeoutMs: 300 });
    const spooled = await spoolFiles([{ fileName: 'a.bin', type: 'application/octet-stream', bytes: Buffer.alloc(50_000, 1) }]);
    fixture.fake.setFault('no_answer');
    const started = Date.now();
    try {
      expect(await fixture.client.createTicket(ticket({ attachments: spooled.files }))).toEqual({ ok: false, kind: 'timeout' });
    } finally {
      await spooled.remove();
    }
    expect(Date.now() - started).toBeLessThan(2000);
    expect(fixture.fake.requests.map((request) => request.endpoint)).toEqual(['criar_chamado']);
  });

  it('maps failures of the customer check and creation the same way', async () => {
    fixture = await startClientFixture({ createCustomers: true, timeoutMs: 300 });
    fixture.fake.setFault('http_500');
    expect(await fixture.client.createTicket(ticket())).toMatchObject({ ok: false, kind: 'unavailable' });
    fixture.fake.setFault('no_answer');
    expect(await fixture.client.createTicket(ticket())).toEqual({ ok: false, kind: 'timeout' });
    fixture.fake.setFault('none');
    // The fake refuses an e-mail without a domain when creating the customer.
    const refused = await fixture.client.createTicket(ticket({ customer: { email: 'sem-dominio@localhost' } }));
    expect(refused).toEqual({ ok: false, kind: 'rejected', message: FAKE_MESSAGES.invalidEmail });
    expect(fixture.fake.tickets).toHaveLength(0);
  });

  it('maps a wrong token (401) to unavailable, without the token in any message', async () => {
    fixture = await startClientFixture({ token: `${TOKEN}-wrong` });
    const result = await fixture.client.createTicket(ticket());
    expect(result).toMatchObject({ ok: false, kind: 'unavailable', detail: expect.stringContaining('401') });
    expectNoToken([JSON.stringify(result)]);
    const error = await rejectionOf(fixture.client.listDepartments());
    expectNoToken([error.message, String(error.stack)]);
  });

  it('retries a refused connection, then reports unavailable', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const pauses: number[] = [];
    const logLines: string[] = [];
    const client = createTomTicketClient({
      apiUrl: `http://127.0.0.1:${port}`,
      token: TOKEN,
      timeoutMs: 1000,
      createCustomers: false,
      limiter: createRateLimiter({ requestsPerSecond: 0 }),
      logger: createLogger({ secrets: [TOKEN], write: (line) => logLines.push(line) }),
      retry: { attempts: 3, baseDelayMs: 10, maxDelayMs: 20 },
      sleep: async (ms) => void pauses.push(ms),
    });
    const result = await client.createTicket(ticket());
    expect(result).toMatchObject({ ok: false, kind: 'unavailable', detail: expect.stringContaining('ECONNREFUSED') });
    expect(pauses).toHaveLength(2);
    expect(logLines).toHaveLength(3);
    expectNoToken(logLines);
  });
});

describe('createTomTicketClient: listDepartments', () => {
  it('lists departments with categories in English names', async () => {
    fixture = await startClientFixture();
    expect(await fixture.client.listDepartments()).toEqual([
      { id: 'dep-support', name: 'Suporte', online: true, categories: [{ id: 'cat-webcam', name: 'Webcam' }] },
      { id: 'dep-sales', name: 'Vendas', online: true, categories: [] },
    ]);
  });

  it('throws UpstreamError with a code that says why', async () => {
    fixture = await startClientFixture({ timeoutMs: 300 });
    fixture.fake.setFault('http_500');
    expect(await rejectionOf(fixture.client.listDepartments())).toMatchObject({ name: 'UpstreamError', code: 'upstream_unavailable' });
    fixture.fake.setFault('invalid_json');
    expect(await rejectionOf(fixture.client.listDepartments())).toMatchObject({ code: 'upstream_unavailable' });
    fixture.fake.setFault('no_answer');
    const timeout = await rejectionOf(fixture.client.listDepartments());
    expect(timeout).toMatchObject({ code: 'upstream_timeout' });
    expectNoToken([timeout.message]);
  });
});
