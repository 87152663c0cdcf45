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

  it('reads a refusal from `message`, as plain text, with the token removed', async () => {
    const body = JSON.stringify({ erro: true, message: `<p>Token ${TOKEN} sem permissão</p>` });
    const stub = await startStub({ criar_chamado: { body } });
    expect(await clientFor(stub.url).createTicket(ticket())).toEqual({ ok: false, kind: 'rejected', message: 'Token *** sem permissão' });
  });

  it('gives a refusal without a message a generic text', async () => {
    const stub = await startStub({ criar_chamado: { body: '{"erro":true}' } });
    expect(await clientFor(stub.url).createTicket(ticket())).toMatchObject({ ok: false, kind: 'rejected', message: expect.any(String) });
  });

  it('treats a customer check answered with erro and existe false as a missing customer', async () => {
    const stub = await startStub({
      cliente: { body: '{"erro":true,"mensagem":"Cliente não encontrado","existe":false}' },
      criar_cliente: { body: '{"erro":false}' },
      criar_chamado: { body: '{"erro":false}' },
    });
    expect(await clientFor(stub.url, true).createTicket(ticket())).toEqual({ ok: true });
    expect(stub.hits).toEqual(['cliente', 'criar_cliente', 'criar_chamado']);
  });

  it('passes on a customer check refused for another reason', async () => {
    const stub = await startStub({ cliente: { body: '{"erro":true,"mensagem":"Conta suspensa"}' } });
    expect(await clientFor(stub.url, true).createTicket(ticket())).toEqual({ ok: false, kind: 'rejected', message: 'Conta suspensa' });
    expect(stub.hits).toEqual(['cliente']);
  });

  it('calls a 4xx answer unavailable, even with erro in JSON, and keeps the token out of the log', async () => {
    const logLines: string[] = [];
    const stub = await startStub({ criar_chamado: { status: 403, body: '{"erro":true,"mensagem":"Proibido"}' } });
    expect(await clientFor(stub.url, false, logLines).createTicket(ticket())).toMatchObject({ ok: false, kind: 'unavailable' });
    expect(logLines).toHaveLength(1);
    expectNoToken(logLines);
  });

  it('refuses a redirect instead of following it with the token', async () => {
    const stub = await startStub({ criar_chamado: { status: 302, headers: { location: `/criar_chamado/x/y` }, body: '' } });
    expect(await clientFor(stub.url).createTicket(ticket())).toMatchObject({ ok: false, kind: 'unavailable' });
    expect(stub.hits).toEqual(['criar_chamado']);
  });
});
