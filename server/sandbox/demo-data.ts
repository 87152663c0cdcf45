import type { FakeCustomer, FakeDepartment, FakeTomTicketOptions } from './types.ts';

/** The token of the built-in sandbox account: not a secret, it only opens the local fake. */
export const SANDBOX_TOKEN = 'sandbox-token-not-secret';

/** The sandbox account's departments, with ids shaped like TomTicket's hashes. */
export const DEMO_DEPARTMENTS: readonly FakeDepartment[] = [
  {
    id: '7c1e2f4a9b3d4e6f8a0b1c2d3e4f5a6b',
    name: 'Suporte técnico',
    online: true,
    categories: [
      { id: 'a3f1c0d2e4b6478a9c1d2e3f4a5b6c7d', name: 'Acesso e login' },
      { id: 'b8e2d1c3f5a7489b0d2e3f4a5b6c7d8e', name: 'Erro no sistema' },
      { id: 'c9f3e2d4a6b8490c1e3f4a5b6c7d8e9f', name: 'Integrações' },
    ],
  },
  {
    id: '2b9d8c7e6f5a4b3c2d1e0f9a8b7c6d5e',
    name: 'Financeiro',
    online: true,
    categories: [
      { id: 'd0a4f3e5b7c9401d2f4a5b6c7d8e9f0a', name: 'Boletos' },
      { id: 'e1b5a4f6c8d0412e3a5b6c7d8e9f0a1b', name: 'Notas fiscais' },
    ],
  },
  {
    id: 'e4a1c9f07d3b4a2e9c8f1b6d5a4e3c2f',
    name: 'Comercial',
    online: false,
    categories: [],
  },
];

/** Customers the sandbox account starts with; the server creates the others as tickets arrive. */
export const DEMO_CUSTOMERS: readonly FakeCustomer[] = [
  { id: 'cliente-demo-1', email: 'cliente.demo@example.com', name: 'Cliente Demonstração' },
];

/** Options for the fake that `npm start` runs when no TomTicket token is configured. */
export function demoFakeOptions(): FakeTomTicketOptions {
  return { token: SANDBOX_TOKEN, departments: DEMO_DEPARTMENTS, customers: DEMO_CUSTOMERS };
}
