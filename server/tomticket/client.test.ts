import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeTomTicket } from '../sandbox/fake-tomticket.ts';
import { DEPARTMENTS, expectNoToken, KNOWN_CUSTOMER, spoolFiles, startClientFixture, ticket, TOKEN, type ClientFixture } from './client-fixture.ts';

let fixture: ClientFixture | undefined;
let removeFiles: (() => Promise<void>) | undefined;

afterEach(async () => {
  if (fixture) expectNoToken(fixture.logLines);
  await fixture?.close();
  await removeFiles?.();
  fixture = undefined;
  removeFiles = undefined;
});

const endpoints = (f: ClientFixture) => f.fake.requests.map((request) => request.endpoint);

describe('createTomTicketClient: creating tickets against the fake TomTicket', () => {
  it('sends a full ticket with category, custom fields and three attachments, byte for byte', async () => {
    fixture = await startClientFixture();
    const spooled = await spoolFiles([
      { fileName: 'relatório.pdf', type: 'application/pdf', bytes: randomBytes(300_000) },
      { fileName: 'foto.png', type: 'image/png', bytes: randomBytes(70_000) },
      { fileName: 'notas v2.txt', type: 'text/plain', bytes: Buffer.from('linha 1\r\nlinha 2\n') },
    ]);
    removeFiles = spooled.remove;

    const result = await fixture.client.createTicket(
      ticket({
        categoryId: 'cat-webcam',
        priority: 4,
        customFields: { pedido: 'PED-123', 'campo 2': 'Valor com acento ã' },
        attachments: spooled.files,
      }),
    );

    const [stored] = fixture.fake.tickets;
    expect(result).toEqual({ ok: true, id: stored?.id, protocol: stored?.protocol });
    expect(stored).toMatchObject({
      customerEmail: KNOWN_CUSTOMER.email,
      departmentId: 'dep-support',
      categoryId: 'cat-webcam',
      title: 'Câmera não liga',
      message: 'A webcam parou depois da atualização.',
      priority: 4,
      customFields: { pedido: 'PED-123', 'campo 2': 'Valor com acento ã' },
    });
    expect(stored?.attachments.map(({ fieldName, fileName, type, size, sha256 }) => ({ fieldName, fileName, type, size, sha256 }))).toEqual(
      spooled.files.map((file, index) => ({
        fieldName: `anexos[${index}]`,
        fileName: file.fileName,
        type: file.type,
        size: file.size,
        sha256: spooled.sha256[index],
      })),
    );
  });

  it('creates an unknown customer before the ticket, named after the e-mail when nameless', async () => {
    fixture = await startClientFixture({ createCustomers: true });
    const result = await fixture.client.createTicket(ticket({ customer: { email: 'novo.cliente@example.com' } }));
    expect(result.ok).toBe(true);
    // The query form says absent, which an account ignoring the query also says: the path form is
    // asked once (this account does not know it, so from now on only the query form is).
    expect(endpoints(fixture)).toEqual(['cliente', 'cliente', 'criar_cliente', 'criar_chamado', 'chamado']);
    expect(fixture.fake.customers).toContainEqual(
      expect.objectContaining({ email: 'novo.cliente@example.com', name: 'novo.cliente' }),
    );
    expect(fixture.fake.tickets[0]?.customerEmail).toBe('novo.cliente@example.com');
  });

  it('uses the given name for a new customer and skips creation for a known one', async () => {
    fixture = await startClientFixture({ createCustomers: true });
    expect((await fixture.client.createTicket(ticket({ customer: { email: 'bia@example.com', name: 'Beatriz Lima' } }))).ok).toBe(true);
    expect(fixture.fake.customers).toContainEqual(expect.objectContaining({ email: 'bia@example.com', name: 'Beatriz Lima' }));
    fixture.fake.clearRequests();
    expect((await fixture.client.createTicket(ticket())).ok).toBe(true);
    // The fake's 3 calls a second may refuse one with 429 (retried): only the calls it answered count.
    const answered = fixture.fake.requests.filter((request) => request.status !== 429).map((request) => request.endpoint);
    expect(answered).toEqual(['cliente', 'criar_chamado', 'chamado']);
  });

  it('with createCustomers off, goes straight to the ticket', async () => {
    fixture = await startClientFixture({ createCustomers: false });
    expect((await fixture.client.createTicket(ticket())).ok).toBe(true);
    expect(endpoints(fixture)).toEqual(['criar_chamado', 'chamado']);
  });

  it('returns the protocol from the detail lookup', async () => {
    fixture = await startClientFixture();
    const first = await fixture.client.createTicket(ticket());
    const second = await fixture.client.createTicket(ticket());
    expect(first).toEqual({ ok: true, id: fixture.fake.tickets[0]?.id, protocol: 1 });
    expect(second).toEqual({ ok: true, id: fixture.fake.tickets[1]?.id, protocol: 2 });
  });

  it('succeeds with the id alone when the detail lookup fails', async () => {
    // The account allows one call per second and the client does not retry: the lookup right
    // after the creation is refused with 429.
    fixture = await startClientFixture({ retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 } }, { requestsPerSecond: 1 });
    const result = await fixture.client.createTicket(ticket());
    expect(result).toEqual({ ok: true, id: fixture.fake.tickets[0]?.id });
    expect(fixture.fake.requests.map(({ endpoint, status }) => [endpoint, status])).toEqual([
      ['criar_chamado', 200],
      ['chamado', 429],
    ]);
  });

  it('tells the guard of every try, and logs only the calls that went wrong, the token shown as ***', async () => {
    fixture = await startClientFixture({ createCustomers: true });
    const tries: string[] = [];
    const guard = { beforeSend: async () => undefined, notSent: async () => undefined, called: (endpoint: string) => void tries.push(endpoint) };
    await fixture.client.createTicket(ticket({ customer: { email: 'log@example.com' } }), guard);
    expect(tries).toEqual(['cliente', 'cliente', 'criar_cliente', 'criar_chamado', 'chamado']);
    // Calls that went well are the ticket's one line (the outbox writes it), not one each: only
    // the path form of the customer check, which this account does not know, is logged.
    expect(fixture.logLines.map((line) => JSON.parse(line) as Record<string, unknown>).map(({ msg, endpoint, status }) => [msg, endpoint, status])).toEqual([
      ['tomticket call refused', 'cliente', 200],
    ]);
    fixture.logLines.length = 0;

    await fixture.fake.setFault('reject', 'Departamento inválido');
    await fixture.client.createTicket(ticket({ customer: { email: 'log@example.com' } }));
    await fixture.fake.setFault('http_500');
    await fixture.client.createTicket(ticket({ customer: { email: 'log@example.com' } }));
    const calls = fixture.logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(calls.map(({ msg, endpoint, status }) => [msg, endpoint, status])).toEqual([
      ['tomticket call refused', 'criar_chamado', 200],
      ['tomticket call failed', 'criar_chamado', 500],
    ]);
    // The refusal came on the memory's word: the customer was checked once more (they exist, so nothing was resent).
    expect(fixture.fake.requests.slice(5).map((request) => request.endpoint)).toEqual(['criar_chamado', 'cliente', 'criar_chamado']);
    for (const call of calls) {
      expect(call).toMatchObject({ durationMs: expect.any(Number) });
      expect(call.path).toBe('criar_chamado/***/…');
    }
    // The customer's e-mail is personal data: it stays out of the log.
    expect(fixture.logLines.join('\n')).not.toContain('log@example.com');
  });
});

describe('createTomTicketClient: remembering known customers', () => {
  const endpointsOf = (f: ClientFixture) => f.fake.requests.map((request) => request.endpoint);

  it('checks a returning customer only once within the time to live, then again', async () => {
    let clock = 0;
    fixture = await startClientFixture({ createCustomers: true, knownCustomerTtlMs: 60_000, now: () => clock }, { requestsPerSecond: 0 });
    await fixture.client.createTicket(ticket());
    await fixture.client.createTicket(ticket());
    expect(endpointsOf(fixture)).toEqual(['cliente', 'criar_chamado', 'chamado', 'criar_chamado', 'chamado']);

    fixture.fake.clearRequests();
    clock += 60_000;
    await fixture.client.createTicket(ticket());
    expect(endpointsOf(fixture)).toEqual(['cliente', 'criar_chamado', 'chamado']);
  });

  it('checks every time when told to remember nothing', async () => {
    fixture = await startClientFixture({ createCustomers: true, knownCustomerTtlMs: 0 }, { requestsPerSecond: 0 });
    await fixture.client.createTicket(ticket());
    await fixture.client.createTicket(ticket());
    expect(endpointsOf(fixture).filter((endpoint) => endpoint === 'cliente')).toHaveLength(2);
  });

  it('creates a remembered customer TomTicket no longer knows, and sends the refused ticket once more', async () => {
    fixture = await startClientFixture({ createCustomers: true }, { requestsPerSecond: 0 });
    const email = 'bia@example.com';
    expect(await fixture.client.createTicket(ticket({ customer: { email } }))).toMatchObject({ ok: true });
    // The same address, a fresh account: the customer the client remembers is gone.
    const port = Number(new URL(fixture.fake.url).port);
    await fixture.close();
    const fresh = await startFakeTomTicket({ token: TOKEN, departments: DEPARTMENTS, port, host: '127.0.0.1', requestsPerSecond: 0 });
    fixture = { ...fixture, fake: fresh, close: () => fresh.close() };

    const result = await fixture.client.createTicket(ticket({ customer: { email } }));
    expect(result).toEqual({ ok: true, id: fresh.tickets[0]?.id, protocol: fresh.tickets[0]?.protocol });
    expect(endpointsOf(fixture)).toEqual(['criar_chamado', 'cliente', 'criar_cliente', 'criar_chamado', 'chamado']);
    expect(fresh.tickets).toHaveLength(1);
    expect(fresh.customers.map((customer) => customer.email)).toContain(email);
  });
});
