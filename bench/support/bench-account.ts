import { SUBMISSION_FIELDS } from '../../contract/index.ts';
import type { FakeCustomer, FakeDepartment } from '../../server/sandbox/types.ts';

/** The token of the benchmark's fake TomTicket account (it opens nothing but the local fake). */
export const BENCH_TOKEN = 'bench-token';

/** The account's one department: no categories, so a ticket needs nothing but the core fields. */
export const BENCH_DEPARTMENT: FakeDepartment = {
  id: '5e1b9c0d2f4a4b6c8d0e1f2a3b4c5d6e',
  name: 'Suporte',
  online: true,
  categories: [],
};

/** A customer the account already has: the peer relay, which creates no customers, can send as them. */
export const BENCH_CUSTOMER: FakeCustomer = { id: 'bench-customer-1', email: 'cliente@example.com', name: 'Cliente Bench' };

/** A ticket's text fields as the widget sends them to the relay (`POST /api/tickets`). */
export function relayTicketFields(email = BENCH_CUSTOMER.email): Array<[string, string]> {
  return [
    [SUBMISSION_FIELDS.email, email],
    [SUBMISSION_FIELDS.name, BENCH_CUSTOMER.name],
    [SUBMISSION_FIELDS.department, BENCH_DEPARTMENT.id],
    [SUBMISSION_FIELDS.title, 'Não consigo entrar'],
    [SUBMISSION_FIELDS.message, 'Aparece "erro 500" ao entrar pelo aplicativo.\nJá limpei o cache.'],
    [SUBMISSION_FIELDS.priority, '2'],
  ];
}

/** The same ticket in TomTicket's own field names, for sending straight to the fake's `criar_chamado`. */
export function upstreamTicketFields(): Array<[string, string]> {
  return [
    ['id_departamento', BENCH_DEPARTMENT.id],
    ['titulo', 'Não consigo entrar'],
    ['mensagem', 'Aparece "erro 500" ao entrar pelo aplicativo.\r\nJá limpei o cache.'],
    ['prioridade', '2'],
    ['tipo_identificador', 'E'],
  ];
}

/** The path of `criar_chamado` for the bench customer, to append to the fake's URL. */
export function createTicketPath(email = BENCH_CUSTOMER.email): string {
  return `/criar_chamado/${BENCH_TOKEN}/${encodeURIComponent(email)}`;
}
