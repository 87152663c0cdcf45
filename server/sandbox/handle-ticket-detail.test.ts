import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTicketUrl, formOf, getJson, postForm, startTestFake, TEST_TOKEN, validTicketFields } from './test-kit.ts';
import type { FakeTomTicket } from './types.ts';

let fake: FakeTomTicket;
beforeAll(async () => {
  fake = await startTestFake();
});
afterAll(() => fake.close());

const detailUrl = (id: string) => `${fake.url}/chamado/${TEST_TOKEN}/${encodeURIComponent(id)}`;

it('gives a created ticket with its integer protocolo, increasing per ticket', async () => {
  const first = await postForm(createTicketUrl(fake), formOf({ ...validTicketFields(), id_tipoassunto: 'cat-erro', prioridade: '4' }));
  const second = await postForm(createTicketUrl(fake), formOf({ ...validTicketFields(), titulo: 'Segundo' }));

  const a = await getJson(detailUrl(first.body.id_chamado as string));
  const b = await getJson(detailUrl(second.body.id_chamado as string));
  expect(a.status).toBe(200);
  expect(a.body).toMatchObject({
    erro: false,
    data: {
      id: first.body.id_chamado,
      protocolo: 1,
      titulo: 'Não consigo entrar',
      mensagem: 'Desde ontem a senha não é aceita.',
      prioridade: 4,
      id_departamento: 'dep-suporte',
      id_tipoassunto: 'cat-erro',
      tipoassunto: 'Erro no sistema',
    },
  });
  expect(b.body).toMatchObject({ erro: false, data: { protocolo: 2, titulo: 'Segundo' } });
  expect(Number.isInteger((a.body.data as { protocolo: unknown }).protocolo)).toBe(true);
});

it('answers erro true for an unknown ticket', async () => {
  const { status, body } = await getJson(detailUrl('0'.repeat(32)));
  expect(status).toBe(200);
  expect(body.erro).toBe(true);
  expect(body).not.toHaveProperty('data');
});
