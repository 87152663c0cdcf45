import { afterAll, beforeAll, expect, it } from 'vitest';
import { getJson, startTestFake, TEST_TOKEN } from './test-kit.ts';
import type { FakeTomTicket } from './types.ts';

let fake: FakeTomTicket;
beforeAll(async () => {
  fake = await startTestFake();
});
afterAll(() => fake.close());

it('lists departments and categories in TomTicket field names, online by default', async () => {
  const { status, body } = await getJson(`${fake.url}/departamentos/${TEST_TOKEN}`);
  expect(status).toBe(200);
  expect(body).toEqual({
    erro: false,
    data: [
      {
        id: 'dep-suporte',
        nome: 'Suporte técnico',
        online: true,
        categorias: [
          { id: 'cat-login', nome: 'Acesso e login' },
          { id: 'cat-erro', nome: 'Erro no sistema' },
        ],
      },
      { id: 'dep-financeiro', nome: 'Financeiro', online: false, categorias: [{ id: 'cat-boleto', nome: 'Boletos' }] },
    ],
  });
});

it('lists an empty account as an empty list', async () => {
  const empty = await startTestFake({ departments: [] });
  try {
    expect((await getJson(`${empty.url}/departamentos/${TEST_TOKEN}`)).body).toEqual({ erro: false, data: [] });
  } finally {
    await empty.close();
  }
});
