import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, startTestFake, TEST_CUSTOMER, TEST_TOKEN } from './test-kit.ts';
import type { FakeTomTicket } from './types.ts';

let fake: FakeTomTicket;
beforeAll(async () => {
  fake = await startTestFake();
});
afterAll(() => fake.close());

const checkUrl = (identifier: string, query = '?tipo_identificador=E') =>
  `${fake.url}/cliente/${TEST_TOKEN}/${encodeURIComponent(identifier)}${query}`;

describe('GET /cliente/{token}/{identificador}', () => {
  it('finds a customer by e-mail, whatever its case', async () => {
    for (const email of [TEST_CUSTOMER.email, 'Ana@EXAMPLE.com']) {
      const { status, body } = await getJson(checkUrl(email));
      expect(status).toBe(200);
      expect(body).toMatchObject({ erro: false, existe: true, mensagem: expect.any(String) });
    }
  });

  it('answers existe false for an unknown e-mail', async () => {
    expect((await getJson(checkUrl('ninguem@example.com'))).body).toMatchObject({ erro: false, existe: false });
  });

  it('finds a customer by internal id with tipo_identificador I, the default', async () => {
    expect((await getJson(checkUrl(TEST_CUSTOMER.id, '?tipo_identificador=I'))).body.existe).toBe(true);
    expect((await getJson(checkUrl(TEST_CUSTOMER.id, ''))).body.existe).toBe(true);
    // The e-mail is not an internal id.
    expect((await getJson(checkUrl(TEST_CUSTOMER.email, ''))).body.existe).toBe(false);
  });

  it.each(['?tipo_identificador=X', '?tipo_identificador=E&tipo_identificador=I', '?tipo=E'])(
    'refuses the query %s',
    async (query) => {
      const { status, body } = await getJson(checkUrl(TEST_CUSTOMER.email, query));
      expect(status).toBe(200);
      expect(body.erro).toBe(true);
      expect(body).not.toHaveProperty('existe');
    },
  );
});
