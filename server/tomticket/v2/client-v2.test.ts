import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import busboy from 'busboy';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../log/create-logger.ts';
import { createTomTicketClient } from '../client.ts';
import { expectNoToken, spoolFiles, ticket, TOKEN } from '../client-fixture.ts';
import { createRateLimiter } from '../limiter.ts';

// API 2.0's answers in the shapes docs/tomticket-api-v2.md says the adapter must tolerate, served
// by a stub on 127.0.0.1 (the fake answers one shape at a time): what the client sends, and how it
// reads each answer, over real HTTP.

type Scripted = { status?: number; type?: string; body: string };
interface Hit {
  endpoint: string;
  query: string;
  authorization: string | undefined;
  url: string;
  fileFields: string[];
  fields: Record<string, string>;
}
let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

/** A stub answering each endpoint (`ticket/new`…) with its scripted answers in turn (the last one repeats). */
async function startStub(answers: Record<string, Scripted | Scripted[]>): Promise<{ url: string; hits: Hit[] }> {
  const hits: Hit[] = [];
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://stub');
    const endpoint = url.pathname.replace(/^\/v2\.0\//, '');
    const hit: Hit = { endpoint, query: url.search, authorization: request.headers.authorization, url: request.url ?? '', fileFields: [], fields: {} };
    hits.push(hit);
    readForm(request, hit).then(() => {
      const scripted = answers[endpoint] ?? { status: 404, body: '{"error":true,"message":"Resource not found","success":false}' };
      const answer = Array.isArray(scripted) ? (scripted.length > 1 ? (scripted.shift() as Scripted) : (scripted[0] as Scripted)) : scripted;
      response.writeHead(answer.status ?? 200, { 'content-type': answer.type ?? 'application/json' }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, hits };
}

function readForm(request: IncomingMessage, hit: Hit): Promise<void> {
  if (!request.headers['content-type']?.startsWith('multipart/form-data')) {
    request.resume();
    return new Promise((resolve) => request.on('end', resolve));
  }
  return new Promise((resolve) => {
    const parser = busboy({ headers: request.headers });
    parser.on('field', (name, value) => (hit.fields[name] = value));
    parser.on('file', (name, stream) => {
      hit.fileFields.push(name);
      stream.resume();
    });
    parser.on('close', resolve);
    parser.on('error', resolve);
    request.pipe(parser);
  });
}

function clientFor(url: string, options: { createCustomers?: boolean; attachmentField?: string; logLines?: string[] } = {}) {
  return createTomTicketClient({
    api: 'v2',
    apiUrl: url,
    token: TOKEN,
    timeoutMs: 2000,
    createCustomers: options.createCustomers ?? false,
    limiter: createRateLimiter({ requestsPerSecond: 0 }),
    logger: createLogger({ secrets: [TOKEN], write: (line) => options.logLines?.push(line) }),
    sleep: async () => undefined,
    ...(options.attachmentField ? { attachmentField: options.attachmentField } : {}),
  });
}

const envelope = (extra: Record<string, unknown> = {}) => ({ body: JSON.stringify({ error: false, message: null, success: true, ...extra }) });
const departments = envelope({ data: [{ id: 'dep-support', name: 'Suporte' }] });

describe('the API 2.0 client: what goes on the wire', () => {
  it('sends the token only as Authorization: Bearer, and ticket/new in API 2.0’s names', async () => {
    const logLines: string[] = [];
    const stub = await startStub({ 'ticket/new': envelope({ ticket_id: 'h1', protocol: 5 }) });
    const spooled = await spoolFiles([
      { fileName: 'a.txt', type: 'text/plain', bytes: Buffer.from('a') },
      { fileName: 'b.txt', type: 'text/plain', bytes: Buffer.from('b') },
    ]);
    try {
      const result = await clientFor(stub.url, { logLines }).createTicket(
        ticket({ categoryId: 'cat-webcam', customFields: { navegador: 'Chrome' }, attachments: spooled.files }),
      );
      expect(result).toEqual({ ok: true, id: 'h1', protocol: 5 });
    } finally {
      await spooled.remove();
    }
    const [hit] = stub.hits;
    expect(hit?.authorization).toBe(`Bearer ${TOKEN}`);
    expect(hit?.url).toBe('/v2.0/ticket/new');
    expect(hit?.fields).toEqual({
      customer_id: 'ana@example.com',
      customer_id_type: 'E',
      department_id: 'dep-support',
      category_id: 'cat-webcam',
      subject: 'Câmera não liga',
      message: 'A webcam parou depois da atualização.',
      priority: '2',
      'custom_field[navegador]': 'Chrome',
    });
    expect(hit?.fileFields).toEqual(['attachment[0]', 'attachment[1]']);
    expectNoToken([...stub.hits.map((h) => h.url), ...logLines]);
  });

  it('names the files after TOMTICKET_ATTACHMENT_FIELD, with or without an index', async () => {
    for (const [pattern, names] of [
      ['files[{n}]', ['files[0]', 'files[1]']],
      ['attachments[]', ['attachments[]', 'attachments[]']],
    ] as const) {
      const stub = await startStub({ 'ticket/new': envelope({ ticket_id: 'h1', protocol: 1 }) });
      const spooled = await spoolFiles([
        { fileName: 'a.txt', type: 'text/plain', bytes: Buffer.from('a') },
        { fileName: 'b.txt', type: 'text/plain', bytes: Buffer.from('b') },
      ]);
      await clientFor(stub.url, { attachmentField: pattern }).createTicket(ticket({ attachments: spooled.files }));
      await spooled.remove();
      expect(stub.hits[0]?.fileFields).toEqual(names);
      await new Promise((resolve) => server!.close(resolve));
      server = undefined;
    }
  });

  it('asks customers/exists when customer/exists is not a route of the account (a 404 that is not TomTicket’s), and remembers it', async () => {
    const stub = await startStub({
      'customer/exists': { status: 404, type: 'text/html', body: '<h1>Not Found</h1>' },
      'customers/exists': envelope({ data: true }),
      'ticket/new': envelope({ ticket_id: 'h1', protocol: 1 }),
    });
    const client = clientFor(stub.url, { createCustomers: true });
    expect(await client.createTicket(ticket())).toEqual({ ok: true, id: 'h1', protocol: 1 });
    expect(await client.createTicket(ticket({ customer: { email: 'bia@example.com' } }))).toMatchObject({ ok: true });
    expect(stub.hits.map((hit) => hit.endpoint)).toEqual(['customer/exists', 'customers/exists', 'ticket/new', 'customers/exists', 'ticket/new']);
    expect(stub.hits[1]?.query).toBe('?customer_id=ana%40example.com&customer_type_id=E');
  });

  it('creates a customer the check calls absent, then the ticket', async () => {
    const stub = await startStub({
      'customer/exists': envelope({ data: { exists: false } }),
      'customer/new': envelope(),
      'ticket/new': envelope({ ticket_id: 'h1', protocol: 1 }),
    });
    expect(await clientFor(stub.url, { createCustomers: true }).createTicket(ticket({ customer: { email: 'bia@example.com', name: 'Bia' } }))).toMatchObject({ ok: true });
    expect(stub.hits.map((hit) => hit.endpoint)).toEqual(['customer/exists', 'customer/new', 'ticket/new']);
    expect(stub.hits[1]?.fields).toEqual({ customer_id: 'bia@example.com', name: 'Bia', email: 'bia@example.com', create_tickets: '1' });
  });
});

describe('the API 2.0 client: how it reads the answers', () => {
  it('asks ticket/detail for the protocol when the creation gives only an id', async () => {
    const stub = await startStub({ 'ticket/new': envelope({ data: { id: 'h2' } }), 'ticket/detail': envelope({ data: { id: 'h2', protocol: '42' } }) });
    expect(await clientFor(stub.url).createTicket(ticket())).toEqual({ ok: true, id: 'h2', protocol: 42 });
    expect(stub.hits.map((hit) => hit.endpoint + hit.query)).toEqual(['ticket/new', 'ticket/detail?ticket_id=h2']);
  });

  it('takes a success that names no ticket as created (never to be sent again)', async () => {
    const stub = await startStub({ 'ticket/new': envelope() });
    expect(await clientFor(stub.url).createTicket(ticket())).toEqual({ ok: true });
  });

  it.each([
    ['error: "1" with HTTP 200', { body: '{"error":"1","message":"Departamento inativo","success":false}' }],
    ['success: false with HTTP 200', { body: '{"error":false,"message":"Departamento inativo","success":false}' }],
    ['HTTP 400 with the envelope', { status: 400, body: '{"error":true,"message":"Departamento inativo","success":false}' }],
  ])('reads %s as TomTicket refusing the ticket, once the token checks good', async (_case, answer) => {
    const stub = await startStub({ 'ticket/new': answer, 'department/list': departments });
    expect(await clientFor(stub.url).createTicket(ticket())).toEqual({ ok: false, kind: 'rejected', message: 'Departamento inativo' });
    expect(stub.hits.map((hit) => hit.endpoint + hit.query)).toEqual(['ticket/new', 'department/list?show_nested_items=0']);
  });

  it('tells a token that may read but not write from a wrong one: one read after a 401 to ticket/new', async () => {
    const logLines: string[] = [];
    const refused = { status: 401, body: '{"error":true,"message":"Token or values sent not authorized for use","success":false}' };
    const readOnly = await startStub({ 'ticket/new': refused, 'department/list': departments });
    const client = clientFor(readOnly.url, { logLines });
    expect(await client.createTicket(ticket())).toMatchObject({ ok: false, kind: 'token_refused', detail: expect.stringContaining('Pode criar e modificar dados') });
    expect(client.tokenState()).toMatchObject({ state: 'refused', writing: true });
    await new Promise((resolve) => server!.close(resolve));
    const wrong = await startStub({ 'ticket/new': refused, 'department/list': refused });
    const other = clientFor(wrong.url, { logLines });
    expect(await other.createTicket(ticket())).toMatchObject({ ok: false, kind: 'token_refused', detail: 'the token was refused (HTTP 401)' });
    expect(other.tokenState()).toEqual(expect.not.objectContaining({ writing: true }));
    expectNoToken(logLines);
  });

  it('retries a 429 whose body is nginx’s HTML page, then creates the ticket once', async () => {
    const html429 = { status: 429, type: 'text/html', body: '<html><head><title>429 Too Many Requests</title></head></html>' };
    const stub = await startStub({ 'ticket/new': [html429, html429, envelope({ ticket_id: 'h3', protocol: 3 })] });
    expect(await clientFor(stub.url).createTicket(ticket())).toEqual({ ok: true, id: 'h3', protocol: 3 });
    expect(stub.hits).toHaveLength(3);
  });

  it('takes an unreadable 200 to ticket/new as "may exist", and a 404 page as not TomTicket answering', async () => {
    const garbage = await startStub({ 'ticket/new': { type: 'text/html', body: '<br><b>Warning</b>' } });
    expect(await clientFor(garbage.url).createTicket(ticket())).toMatchObject({ ok: false, kind: 'unavailable', ticketMayExist: true });
    await new Promise((resolve) => server!.close(resolve));
    const proxy = await startStub({ 'ticket/new': { status: 404, type: 'text/html', body: '<h1>Not Found</h1>' } });
    expect(await clientFor(proxy.url).createTicket(ticket())).toMatchObject({ ok: false, kind: 'unexpected' });
  });
});

describe('the API 2.0 client: departments, categories and custom fields', () => {
  const item = (id: string, label: string, type: number, mandatory = false) => ({ id, label, type, mandatory, options: type === 3 ? ['A', 'B'] : [] });

  it('reads it all from one nested department/list when the listing carries it', async () => {
    const stub = await startStub({
      'department/list': envelope({
        data: [
          {
            id: 7,
            title: 'Suporte',
            categories: [{ id: 'c1', name: 'Login', custom_fields: [item('f1', 'Navegador', 3, true)] }],
            general_custom_fields: { tickets: [item('f2', 'Origem', 1)] },
          },
        ],
      }),
    });
    expect(await clientFor(stub.url).listDepartments()).toEqual([
      {
        id: '7',
        name: 'Suporte',
        categories: [{ id: 'c1', name: 'Login' }],
        customFields: {
          noCategory: [{ id: 'f2', label: 'Origem', type: '1', required: false, options: [], askedAtOpening: true }],
          byCategory: { c1: [{ id: 'f1', label: 'Navegador', type: '3', required: true, options: ['A', 'B'], askedAtOpening: true }] },
        },
      },
    ]);
    expect(stub.hits.map((hit) => hit.endpoint + hit.query)).toEqual(['department/list?show_nested_items=1']);
  });

  it('asks category/list and custom_field/department/list (no category, then each) when the listing carries only ids and names', async () => {
    const stub = await startStub({
      'department/list': envelope({ data: [{ id: 'd1', name: 'Suporte' }] }),
      'department/category/list': envelope({ data: [{ id: 'c1', name: 'Login' }] }),
      'custom_field/department/list': [envelope({ data: { ticket: [item('f2', 'Origem', 1)] } }), envelope({ data: [{ ticket: [item('f1', 'Navegador', 3)] }] })],
    });
    const [department] = await clientFor(stub.url).listDepartments();
    expect(department?.customFields).toEqual({
      noCategory: [expect.objectContaining({ id: 'f2' })],
      byCategory: { c1: [expect.objectContaining({ id: 'f1' })] },
    });
    expect(stub.hits.map((hit) => hit.endpoint + hit.query)).toEqual([
      'department/list?show_nested_items=1',
      'department/category/list?department_id=d1',
      'custom_field/department/list?department_id=d1',
      'custom_field/department/list?department_id=d1&category_id=c1',
    ]);
  });

  it('fails the whole listing when one of its calls fails, so no form is built from half of it', async () => {
    const stub = await startStub({
      'department/list': envelope({ data: [{ id: 'd1', name: 'Suporte' }] }),
      'department/category/list': envelope({ data: [] }),
      'custom_field/department/list': { status: 500, type: 'text/html', body: '<h1>500</h1>' },
    });
    await expect(clientFor(stub.url).listDepartments()).rejects.toMatchObject({ code: 'upstream_unavailable' });
  });
});
