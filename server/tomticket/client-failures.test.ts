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
    // TomTicket answered after receiving the ticket: it may have made it before failing.
    expect(result).toMatchObject({ ok: false, kind: 'unavailable', detail: expect.stringContaining('500'), ticketMayExist: true });
    expect(fixture.fake.requests).toHaveLength(1);
  });

  it('maps a body that is not JSON to unavailable', async () => {
    fixture = await startClientFixture();
    fixture.fake.setFault('invalid_json');
    expect(await fixture.client.createTicket(ticket())).toMatchObject({ ok: false, kind: 'unavailable', ticketMayExist: true });
  });

  it('maps no answer within timeoutMs to timeout, and does not send the ticket twice', async () => {
    fixture = await startClientFixture({ timeoutMs: 300 });
    const spooled = await spoolFiles([{ fileName: 'a.bin', type: 'application/octet-stream', bytes: Buffer.alloc(50_000, 1) }]);
    fixture.fake.setFault('no_answer');
    const started = Date.now();
    try {
      expect(await fixture.client.createTicket(ticket({ attachments: spooled.files }))).toEqual({
        ok: false,
        kind: 'timeout',
        ticketMayExist: true,
      });
    } finally {
      await spooled.remove();
    }
    expect(Date.now() - started).toBeLessThan(2000);
    expect(fixture.fake.requests.map((request) => request.endpoint)).toEqual(['criar_chamado']);
  });

  it('maps failures of the customer check and creation the same way', async () => {
    fixture = await startClientFixture({ createCustomers: true, timeoutMs: 300 });
    // A failed customer step never sent criar_chamado: the ticket surely does not exist.
    fixture.fake.setFault('http_500');
    expect(await fixture.client.createTicket(ticket())).toMatchObject({ ok: false, kind: 'unavailable', ticketMayExist: false });
    fixture.fake.setFault('no_answer');
    expect(await fixture.client.createTicket(ticket())).toEqual({ ok: false, kind: 'timeout', ticketMayExist: false });
    fixture.fake.setFault('none');
    // The fake refuses an e-mail without a domain when creating the customer: that is no reason to
    // refuse the ticket, criar_chamado decides, and refuses it for its unknown customer.
    const refused = await fixture.client.createTicket(ticket({ customer: { email: 'sem-dominio@localhost' } }));
    expect(refused).toEqual({ ok: false, kind: 'rejected', message: FAKE_MESSAGES.customerNotFound });
    expect(fixture.fake.requests.map((request) => request.endpoint).slice(-4)).toEqual(['cliente', 'cliente', 'criar_cliente', 'criar_chamado']);
    expect(fixture.fake.tickets).toHaveLength(0);
  });

  it.each([
    ['erro_200', 'refused'],
    ['http_4xx', '401'],
  ] as const)('maps a wrong token (%s) to token_refused, without the token in any message', async (refusals, said) => {
    fixture = await startClientFixture({ token: `${TOKEN}-wrong` }, { variants: { refusals } });
    const result = await fixture.client.createTicket(ticket());
    expect(result).toMatchObject({ ok: false, kind: 'token_refused', detail: expect.stringContaining(said) });
    expect(fixture.client.tokenState()).toMatchObject({ state: 'refused' });
    expect(fixture.fake.tickets).toHaveLength(0);
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
    expect(result).toMatchObject({ ok: false, kind: 'unavailable', detail: expect.stringContaining('ECONNREFUSED'), ticketMayExist: false });
    expect(pauses).toHaveLength(2);
    expect(logLines).toHaveLength(3);
    expectNoToken(logLines);
  });
});

describe('createTomTicketClient: whether a failed creation may have made the ticket', () => {
  it('says yes when the connection drops after criar_chamado was sent (the fake did create it)', async () => {
    fixture = await startClientFixture();
    await fixture.fake.setFault('created_then_drop');
    expect(await fixture.client.createTicket(ticket())).toMatchObject({ ok: false, kind: 'unavailable', ticketMayExist: true });
    expect(fixture.fake.tickets).toHaveLength(1);
  });

  it('says yes for a reset mid-upload too: from outside it cannot be told from a drop after creation', async () => {
    fixture = await startClientFixture();
    await fixture.fake.setFault('reset_mid_upload');
    expect(await fixture.client.createTicket(ticket())).toMatchObject({ ok: false, kind: 'unavailable', ticketMayExist: true });
    expect(fixture.fake.tickets).toHaveLength(0);
  });

  it('marks the window in which criar_chamado may be on its way, through the send guard', async () => {
    fixture = await startClientFixture({ createCustomers: true, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 } });
    const { fake, client } = fixture;
    const events: string[] = [];
    const guard = {
      // What TomTicket had received when the guard was told: only criar_chamado is guarded.
      beforeSend: async () => void events.push(`send after ${fake.requests.map((call) => call.endpoint).join('+')}`),
      notSent: async () => void events.push('not sent'),
    };
    expect(await client.createTicket(ticket(), guard)).toMatchObject({ ok: true });
    expect(events).toEqual(['send after cliente']);

    events.length = 0;
    fake.clearRequests();
    await fake.setFault('down');
    // A customer not seen before: the check comes first and fails, so criar_chamado never came near the wire.
    await client.createTicket(ticket({ customer: { email: 'nova@example.com' } }), guard);
    expect(events).toEqual([]);
  });

  it('unmarks each try that surely went nowhere, and keeps the mark when it may have arrived', async () => {
    fixture = await startClientFixture({ retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 } });
    const events: string[] = [];
    const guard = { beforeSend: async () => void events.push('send'), notSent: async () => void events.push('not sent') };
    await fixture.fake.setFault('down');
    await fixture.client.createTicket(ticket(), guard);
    expect(events).toEqual(['send', 'not sent', 'send', 'not sent']);
    events.length = 0;
    await fixture.fake.setFault('created_then_drop');
    await fixture.client.createTicket(ticket(), guard);
    expect(events).toEqual(['send']);
  });

  it('says no for a refused connection and for 429 to every retry', async () => {
    fixture = await startClientFixture({ retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 } });
    await fixture.fake.setFault('down');
    expect(await fixture.client.createTicket(ticket())).toMatchObject({ ok: false, kind: 'unavailable', ticketMayExist: false });
    await fixture.fake.setFault('rate_limit_storm');
    expect(await fixture.client.createTicket(ticket())).toMatchObject({ ok: false, kind: 'unavailable', ticketMayExist: false });
    expect(fixture.fake.tickets).toHaveLength(0);
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
