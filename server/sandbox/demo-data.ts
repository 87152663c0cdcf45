import type { FakeCustomer, FakeDepartment, FakeTomTicketOptions } from './types.ts';

/** The token of the built-in sandbox account: not a secret, it only opens the local fake. */
export const SANDBOX_TOKEN = 'sandbox-token-not-secret';

const SUPORTE = { acesso: 'a3f1c0d2e4b6478a9c1d2e3f4a5b6c7d', erro: 'b8e2d1c3f5a7489b0d2e3f4a5b6c7d8e', integracoes: 'c9f3e2d4a6b8490c1e3f4a5b6c7d8e9f' };
/** The demo account's custom field for the page and device context (API 2.0): CONTEXT_FIELD's default in the sandbox on API 2.0. */
export const DEMO_CONTEXT_FIELD = 'fd4e5f6a7b';

const FINANCEIRO = { boletos: 'd0a4f3e5b7c9401d2f4a5b6c7d8e9f0a', notas: 'e1b5a4f6c8d0412e3a5b6c7d8e9f0a1b' };

/**
 * The sandbox account's departments, with ids shaped like TomTicket's hashes, and the custom fields
 * its API 2.0 describes (with TOMTICKET_API=v2 the demo form's fields come from here; the legacy API
 * describes none, and the demo's FORM_CONFIG does). TomTicket's type codes: 1 one line, 2 several
 * lines, 3 a list; the others (7, 8, 9, 12) are codes no source has shown, which the form leaves
 * out unless FORM_CONFIG gives them a type (demo-form-config-v2.json gives all but one).
 */
export const DEMO_DEPARTMENTS: readonly FakeDepartment[] = [
  {
    id: '7c1e2f4a9b3d4e6f8a0b1c2d3e4f5a6b',
    name: 'Suporte técnico',
    online: true,
    categories: [
      { id: SUPORTE.acesso, name: 'Acesso e login' },
      { id: SUPORTE.erro, name: 'Erro no sistema' },
      { id: SUPORTE.integracoes, name: 'Integrações' },
    ],
    customFields: [
      {
        id: 'f1a2b3c4d5',
        label: 'Navegador',
        type: 3,
        mandatory: true,
        options: ['Google Chrome', 'Mozilla Firefox', 'Safari', 'Microsoft Edge', 'Outro'],
        boundTo: [SUPORTE.acesso, SUPORTE.erro, SUPORTE.integracoes],
      },
      { id: 'f2b3c4d5e6', label: 'Passos para reproduzir', type: 2, mandatory: true, boundTo: [SUPORTE.erro] },
      { id: 'f3c4d5e6f7', label: 'Quando aconteceu?', type: 7, mandatory: false, boundTo: [SUPORTE.acesso, SUPORTE.erro] },
      { id: 'f4d5e6f7a8', label: 'Endereço da integração', type: 1, mandatory: false, boundTo: [SUPORTE.integracoes] },
      // Where agents see the page and device context: the sandbox on API 2.0 sets CONTEXT_FIELD to it, so the form never shows it.
      { id: DEMO_CONTEXT_FIELD, label: 'Contexto do navegador', type: 2, mandatory: false, boundTo: [SUPORTE.acesso, SUPORTE.erro, SUPORTE.integracoes] },
      // Only in the account: no FORM_CONFIG names it, the form shows it all the same.
      {
        id: 'fa1b2c3d4e',
        label: 'Sistema operacional',
        type: 3,
        mandatory: false,
        options: ['Windows', 'macOS', 'Linux', 'Android', 'iOS'],
        boundTo: [SUPORTE.acesso, SUPORTE.erro, SUPORTE.integracoes],
      },
    ],
  },
  {
    id: '2b9d8c7e6f5a4b3c2d1e0f9a8b7c6d5e',
    name: 'Financeiro',
    online: true,
    categories: [
      { id: FINANCEIRO.boletos, name: 'Boletos' },
      { id: FINANCEIRO.notas, name: 'Notas fiscais' },
    ],
    customFields: [
      { id: 'f5e6f7a8b9', label: 'CPF ou CNPJ', type: 1, mandatory: true, boundTo: ['', FINANCEIRO.boletos, FINANCEIRO.notas] },
      { id: 'f6f7a8b9c0', label: 'Número da nota fiscal', type: 8, mandatory: false, boundTo: [FINANCEIRO.notas] },
      { id: 'f7a8b9c0d1', label: 'E-mail do financeiro', type: 1, mandatory: false, boundTo: ['', FINANCEIRO.boletos, FINANCEIRO.notas] },
      // Asked only while no category is chosen (the category is optional in this department).
      { id: 'fb2c3d4e5f', label: 'Sobre o que é?', type: 1, mandatory: false, boundTo: [''] },
    ],
  },
  {
    id: 'e4a1c9f07d3b4a2e9c8f1b6d5a4e3c2f',
    name: 'Comercial',
    online: false,
    categories: [],
    customFields: [
      { id: 'f8b9c0d1e2', label: 'Quantidade de usuários', type: 1, mandatory: true, boundTo: [''] },
      { id: 'f9c0d1e2f3', label: 'Aceito receber contato por telefone', type: 12, mandatory: false, boundTo: [''] },
      // A type the widget cannot draw and FORM_CONFIG does not name: left out, with a warning and a line in the doctor.
      { id: 'fc3d4e5f6a', label: 'Origem do contato', type: 9, mandatory: false, boundTo: [''] },
    ],
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
