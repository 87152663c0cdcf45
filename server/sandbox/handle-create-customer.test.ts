import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_MESSAGES } from './fake-messages.ts';
import { createTicketUrl, formOf, getJson, postForm, startTestFake, TEST_CUSTOMER, TEST_TOKEN, validTicketFields } from './test-kit.ts';
import type { FakeTomTicket } from './types.ts';

let fake: FakeTomTicket;
beforeAll(async () => {
  fake = await startTestFake();
});
afterAll(() => fake.close());

const createUrl = () => `${fake.url}/criar_cliente/${TEST_TOKEN}/`;
const newCustomer = (n: number) => ({
  identificador: `novo-${n}@example.com`,
  nome: `Cliente ${n}`,
  email: `novo-${n}@example.com`,
  criarchamados: 'true',
});

describe('POST /criar_cliente/{token}/', () => {
  it('creates a customer who can then be found and open tickets by e-mail', async () => {
    const { status, body } = await postForm(createUrl(), formOf({ ...newCustomer(1), telefone: '+55 11 99999-0000' }));
    expect(status).toBe(200);
    expect(body).toEqual({ erro: false, mensagem: FAKE_MESSAGES.customerCreated });
    expect(fake.customers).toContainEqual({ id: 'novo-1@example.com', email: 'novo-1@example.com', name: 'Cliente 1' });

    const check = await getJson(`${fake.url}/cliente/${TEST_TOKEN}/${encodeURIComponent('novo-1@example.com')}?tipo_identificador=E`);
    expect(check.body.existe).toBe(true);
    const ticket = await postForm(createTicketUrl(fake, 'novo-1@example.com'), formOf(validTicketFields()));
    expect(ticket.body.erro).toBe(false);
  });

  it('accepts an urlencoded body and the path without its trailing slash', async () => {
    const { body } = await postForm(`${fake.url}/criar_cliente/${TEST_TOKEN}`, new URLSearchParams(newCustomer(2)));
    expect(body.erro).toBe(false);
  });

  it('refuses a customer whose identifier or e-mail already exists', async () => {
    const sameEmail = { ...newCustomer(3), email: TEST_CUSTOMER.email };
    const sameId = { ...newCustomer(4), identificador: TEST_CUSTOMER.id };
    for (const customer of [sameEmail, sameId]) {
      const countBefore = fake.customers.length;
      const { status, body } = await postForm(createUrl(), formOf(customer));
      expect(status).toBe(200);
      expect(body).toEqual({ erro: true, mensagem: FAKE_MESSAGES.customerAlreadyExists });
      expect(fake.customers).toHaveLength(countBefore);
    }
  });

  const { identificador: _i, ...withoutId } = newCustomer(5);
  const { nome: _n, ...withoutName } = newCustomer(5);
  const { email: _e, ...withoutEmail } = newCustomer(5);
  it.each([
    ['identificador missing', withoutId, FAKE_MESSAGES.required('identificador')],
    ['nome missing', withoutName, FAKE_MESSAGES.required('nome')],
    ['email missing', withoutEmail, FAKE_MESSAGES.required('email')],
    ['an e-mail without @', { ...newCustomer(5), email: 'novo-5.example.com' }, FAKE_MESSAGES.invalidEmail],
    ['an e-mail with a space', { ...newCustomer(5), email: 'novo 5@example.com' }, FAKE_MESSAGES.invalidEmail],
    ["criarchamados 'sim'", { ...newCustomer(5), criarchamados: 'sim' }, FAKE_MESSAGES.invalidCreateTickets],
    ['an unknown field', { ...newCustomer(5), name: 'Cliente' }, FAKE_MESSAGES.unknownField('name')],
  ])('refuses %s', async (_name, fields, reason) => {
    const countBefore = fake.customers.length;
    const { status, body } = await postForm(createUrl(), formOf(fields));
    expect(status).toBe(200);
    expect(body).toEqual({ erro: true, mensagem: reason });
    expect(fake.customers).toHaveLength(countBefore);
  });

  it('refuses a file part', async () => {
    const form = formOf(newCustomer(6));
    form.append('foto', new Blob(['x']), 'foto.png');
    expect((await postForm(createUrl(), form)).body).toEqual({ erro: true, mensagem: FAKE_MESSAGES.fileNotExpected('foto') });
  });
});
