import { afterEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../../contract/index.ts';
import { getJson, postForm, startTestFake, TEST_CUSTOMER, TEST_TOKEN, validTicketFields, formOf } from './test-kit.ts';
import type { FakeTomTicket, FakeVariants } from './types.ts';

const running: FakeTomTicket[] = [];
async function start(variants: Partial<FakeVariants>): Promise<FakeTomTicket> {
  const fake = await startTestFake({ variants });
  running.push(fake);
  return fake;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((fake) => fake.close()));
});

const rawTicketUrl = (fake: FakeTomTicket, identifier: string) => `${fake.url}/criar_chamado/${TEST_TOKEN}/${identifier}`;

describe('customer check addressing', () => {
  it("'query' reads ?tipo_identificador and has no path form", async () => {
    const fake = await start({ customerCheck: 'query' });
    const email = encodeURIComponent(TEST_CUSTOMER.email);
    expect((await getJson(`${fake.url}/cliente/${TEST_TOKEN}/${email}?tipo_identificador=E`)).body.existe).toBe(true);
    expect((await getJson(`${fake.url}/cliente/${TEST_TOKEN}/${email}/E`)).body.erro).toBe(true);
  });

  it("'path' ignores the query (the e-mail reads absent) and reads the type from the path", async () => {
    const fake = await start({ customerCheck: 'path' });
    const email = encodeURIComponent(TEST_CUSTOMER.email);
    expect((await getJson(`${fake.url}/cliente/${TEST_TOKEN}/${email}?tipo_identificador=E`)).body).toMatchObject({ existe: false });
    expect((await getJson(`${fake.url}/cliente/${TEST_TOKEN}/${email}/E`)).body).toMatchObject({ erro: false, existe: true });
    expect((await getJson(`${fake.url}/cliente/${TEST_TOKEN}/${TEST_CUSTOMER.id}`)).body).toMatchObject({ existe: true });
  });
});

describe('refusals', () => {
  it("'http_4xx' answers 404 for an unknown customer, 409 for a duplicate, 400 for a bad form", async () => {
    const fake = await start({ refusals: 'http_4xx' });
    expect((await postForm(rawTicketUrl(fake, 'nobody@example.com'), formOf(validTicketFields()))).status).toBe(404);
    const duplicate = new URLSearchParams({ identificador: 'x1', nome: 'X', email: TEST_CUSTOMER.email });
    expect(await postForm(`${fake.url}/criar_cliente/${TEST_TOKEN}/`, duplicate)).toMatchObject({ status: 409, body: { erro: true } });
    const { titulo: _, ...withoutTitle } = validTicketFields();
    expect((await postForm(rawTicketUrl(fake, TEST_CUSTOMER.email), formOf(withoutTitle))).status).toBe(400);
    expect(fake.tickets).toHaveLength(0);
  });
});

describe('ticket ids', () => {
  it("'idchamado' answers creation with idchamado and gives protocolo as a string", async () => {
    const fake = await start({ ticketIds: 'idchamado' });
    const created = await postForm(rawTicketUrl(fake, TEST_CUSTOMER.email), formOf(validTicketFields()));
    expect(created.body).toEqual({ erro: false, mensagem: expect.any(String), idchamado: fake.tickets[0]?.id });
    const detail = await getJson(`${fake.url}/chamado/${TEST_TOKEN}/${fake.tickets[0]?.id}`);
    expect((detail.body.data as Record<string, unknown>).protocolo).toBe('1');
  });
});

describe('path segments', () => {
  it("'raw' does not decode %40, so only an e-mail sent with a bare @ is found", async () => {
    const fake = await start({ pathSegments: 'raw' });
    const encoded = await postForm(rawTicketUrl(fake, encodeURIComponent(TEST_CUSTOMER.email)), formOf(validTicketFields()));
    expect(encoded.body.erro).toBe(true);
    const bare = await postForm(rawTicketUrl(fake, TEST_CUSTOMER.email), formOf(validTicketFields()));
    expect(bare.body.erro).toBe(false);
  });
});

describe('length unit', () => {
  const message = 'ç'.repeat(LIMITS.messageMaxChars);
  it("'chars' takes 1024 two-byte characters", async () => {
    const fake = await start({ lengthUnit: 'chars' });
    const answer = await postForm(rawTicketUrl(fake, TEST_CUSTOMER.email), formOf({ ...validTicketFields(), mensagem: message }));
    expect(answer.body.erro).toBe(false);
  });

  it("'bytes' counts them as 2048, as PHP's strlen, and refuses", async () => {
    const fake = await start({ lengthUnit: 'bytes' });
    const answer = await postForm(rawTicketUrl(fake, TEST_CUSTOMER.email), formOf({ ...validTicketFields(), mensagem: message }));
    expect(answer.body.erro).toBe(true);
    const fits = await postForm(rawTicketUrl(fake, TEST_CUSTOMER.email), formOf({ ...validTicketFields(), mensagem: 'ç'.repeat(512) }));
    expect(fits.body.erro).toBe(false);
  });
});

describe('the listing GET /chamados/{token}/{pagina}', () => {
  it("lists a customer's tickets 50 a page, newest first, in public code's shape", async () => {
    const fake = await start({});
    for (let i = 1; i <= 52; i++) {
      await postForm(rawTicketUrl(fake, TEST_CUSTOMER.email), formOf({ ...validTicketFields(), titulo: `Chamado ${i}` }));
    }
    const query = `idcliente=${encodeURIComponent(TEST_CUSTOMER.email)}&tipo_identificacao=E&ordem=0`;
    const first = await getJson(`${fake.url}/chamados/${TEST_TOKEN}/1?${query}`);
    expect(first.body).toMatchObject({ erro: false, total_itens: 52 });
    const items = first.body.data as Array<Record<string, unknown>>;
    expect(items).toHaveLength(50);
    expect(items[0]).toEqual({
      idchamado: fake.tickets[51]?.id,
      protocolo: 52,
      titulo: 'Chamado 52',
      mensagem: validTicketFields().mensagem,
      email_cliente: TEST_CUSTOMER.email,
      situacao: 0,
      prioridade: 1,
      data_criacao: expect.stringMatching(/^\d\d\/\d\d\/\d{4} \d\d:\d\d$/),
    });
    const second = await getJson(`${fake.url}/chamados/${TEST_TOKEN}/2?${query}`);
    expect((second.body.data as unknown[]).map((item) => (item as { titulo: string }).titulo)).toEqual(['Chamado 2', 'Chamado 1']);
    const unknown = await getJson(`${fake.url}/chamados/${TEST_TOKEN}/1?idcliente=ninguem%40example.com&tipo_identificacao=E`);
    expect(unknown.body).toEqual({ erro: false, total_itens: 0, data: [] });
    expect((await getJson(`${fake.url}/chamados/${TEST_TOKEN}/0`)).body.erro).toBe(true);
    expect((await getJson(`${fake.url}/chamados/${TEST_TOKEN}/1?texto=x`)).body.erro).toBe(true);
  });
});
