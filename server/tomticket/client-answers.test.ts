import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../log/create-logger.ts';
import { createTomTicketClient } from './client.ts';
import { expectNoToken, ticket, TOKEN } from './client-fixture.ts';
import { createRateLimiter } from './limiter.ts';

// The fake TomTicket answers in one documented style; these answers are the other shapes public
// integrations report (no id, `message` instead of `mensagem`, a refusal on the customer check),
// served by a stub on 127.0.0.1 so the client's defensive parsing is tested over real HTTP.

type Scripted = { status?: number; headers?: Record<string, string>; body: string };
let server: Server | undefined;

afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

/** Starts a stub answering each endpoint (the first path segment) with its scripted answer; returns its URL and the endpoints hit. */
async function startStub(answers: Record<string, Scripted>): Promise<{ url: string; hits: string[] }> {
  const hits: string[] = [];
  server = createServer((request, response) => {
    const endpoint = (request.url ?? '').split('/')[1] ?? '';
    hits.push(endpoint);
    request.resume();
    request.on('end', () => {
      const answer = answers[endpoint] ?? { status: 404, body: '{"erro":true}' };
      response.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, hits };
}

function clientFor(url: string, createCustomers = false, logLines: string[] = []) {
  return createTomTicketClient({
    apiUrl: url,
    token: TOKEN,
    timeoutMs: 2000,
    createCustomers,
    limiter: createRateLimiter({ requestsPerSecond: 0 }),
    logger: createLogger({ secrets: [TOKEN], write: (line) => logLines.push(line) }),
  });
}

describe('createTomTicketClient: answers in other shapes', () => {
  it('succeeds without id or protocol when creation says only that it worked', async () => {
    const stub = await startStub({ criar_chamado: { body: '{"erro":false,"mensagem":"ok"}' } });
    expect(await clientFor(stub.url).createTicket(ticket())).toEqual({ ok: true });
    expect(stub.hits).toEqual(['criar_chamado']);
  });

  it('takes a protocol given with the creation without looking it up', async () => {
    const stub = await startStub({ criar_chamado: { body: '{"erro":false,"id_chamado":"h1","protocolo":"42"}' } });
    expect(await clientFor(stub.url).createTicket(ticket())).toEqual({ ok: true, id: 'h1', protocol: 42 });
    expect(stub.hits).toEqual(['criar_chamado']);
  });

  const departments = { body: '{"erro":false,"data":[]}' };

  it('reads a refusal from `message`, as plain text, with the token removed, once the token checks good', async () => {
    const body = JSON.stringify({ erro: true, message: `<p>Token ${TOKEN} sem permissão</p>` });
    const stub = await startStub({ criar_chamado: { body }, departamentos: departments });
    expect(await clientFor(stub.url).createTicket(ticket())).toEqual({ ok: false, kind: 'rejected', message: 'Token *** sem permissão' });
    // A refusal with HTTP 200 could be the token's: the call that needs nothing else says it is not.
    expect(stub.hits).toEqual(['criar_chamado', 'departamentos']);
  });

  it('gives a refusal without a message a generic text', async () => {
    const stub = await startStub({ criar_chamado: { body: '{"erro":true}' }, departamentos: departments });
    expect(await clientFor(stub.url).createTicket(ticket())).toMatchObject({ ok: false, kind: 'rejected', message: expect.any(String) });
  });

  it('reads a refusal that comes with a 4xx status and a JSON body: TomTicket’s words, not a failure', async () => {
    const stub = await startStub({ criar_chamado: { status: 400, body: '{"erro":true,"mensagem":"Departamento inválido"}' }, departamentos: departments });
    expect(await clientFor(stub.url).createTicket(ticket())).toEqual({ ok: false, kind: 'rejected', message: 'Departamento inválido' });
  });

  it('calls a refusal of criar_chamado the token’s when departamentos is refused too (HTTP 200, erro: true)', async () => {
    const refused = { body: '{"erro":true,"mensagem":"Token inválido"}' };
    const stub = await startStub({ criar_chamado: refused, departamentos: refused });
    expect(await clientFor(stub.url).createTicket(ticket())).toMatchObject({ ok: false, kind: 'token_refused' });
  });

  it('keeps a refused ticket for a retry when the token cannot be checked', async () => {
    const stub = await startStub({ criar_chamado: { body: '{"erro":true}' }, departamentos: { status: 502, body: '<html>' } });
    expect(await clientFor(stub.url).createTicket(ticket())).toMatchObject({ ok: false, kind: 'unavailable', ticketMayExist: false });
  });

  it('treats a customer check answered with erro and existe false as a missing customer', async () => {
    const stub = await startStub({
      cliente: { body: '{"erro":true,"mensagem":"Cliente não encontrado","existe":false}' },
      criar_cliente: { body: '{"erro":false}' },
      criar_chamado: { body: '{"erro":false}' },
    });
    expect(await clientFor(stub.url, true).createTicket(ticket())).toEqual({ ok: true });
    // Absent by the query tells nothing (an ignored query reads everyone absent): the path form is asked too.
    expect(stub.hits).toEqual(['cliente', 'cliente', 'criar_cliente', 'criar_chamado']);
  });

  it('goes on to criar_chamado, the authority, when the customer steps are refused for reasons it cannot read', async () => {
    const stub = await startStub({
      cliente: { body: '{"erro":true,"mensagem":"Conta suspensa"}' },
      criar_cliente: { status: 422, body: '{"erro":true,"mensagem":"Já existe um cliente com este e-mail"}' },
      criar_chamado: { body: '{"erro":false,"id_chamado":"h9","protocolo":9}' },
    });
    expect(await clientFor(stub.url, true).createTicket(ticket())).toEqual({ ok: true, id: 'h9', protocol: 9 });
    expect(stub.hits).toEqual(['cliente', 'cliente', 'criar_cliente', 'criar_chamado']);
  });

  it.each([401, 403])('calls HTTP %i the token’s refusal, whatever the body, and keeps the token out of the log', async (status) => {
    const logLines: string[] = [];
    const stub = await startStub({ criar_chamado: { status, body: '{"erro":true,"mensagem":"Proibido"}' } });
    const client = clientFor(stub.url, false, logLines);
    expect(await client.createTicket(ticket())).toMatchObject({ ok: false, kind: 'token_refused' });
    expect(client.tokenState()).toMatchObject({ state: 'refused' });
    expect(logLines.map((line) => JSON.parse(line).msg)).toEqual(['tomticket refused the token']);
    expectNoToken(logLines);
  });

  it('calls a 4xx without TomTicket’s JSON (a proxy’s page) unexpected: nothing was created', async () => {
    const stub = await startStub({ criar_chamado: { status: 404, headers: { 'content-type': 'text/html' }, body: '<h1>Not Found</h1>' } });
    expect(await clientFor(stub.url).createTicket(ticket())).toMatchObject({ ok: false, kind: 'unexpected', detail: expect.stringContaining('404') });
  });

  it('refuses a redirect instead of following it with the token', async () => {
    const stub = await startStub({ criar_chamado: { status: 302, headers: { location: `/criar_chamado/x/y` }, body: '' } });
    expect(await clientFor(stub.url).createTicket(ticket())).toMatchObject({ ok: false, kind: 'unexpected' });
    expect(stub.hits).toEqual(['criar_chamado']);
  });
});
