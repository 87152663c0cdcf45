import { createHash } from 'node:crypto';
import { startFakeTomTicket } from './fake-tomticket.ts';
import type { FakeDepartment, FakeTomTicket, FakeTomTicketOptions } from './types.ts';

/** The token the tests' fake accepts. */
export const TEST_TOKEN = 'test-token-8c41f2a9';

/**
 * Two departments: one with two categories, one with one of its own. The first has custom fields
 * as API 2.0 describes them (the legacy API ignores them): a mandatory list, a mandatory text bound
 * to one category, and four fields whose TomTicket type codes no source has shown (the server's
 * FORM_CONFIG gives them a widget type), the same fields the legacy tests' FORM_CONFIG describes.
 */
export const TEST_DEPARTMENTS: FakeDepartment[] = [
  {
    id: 'dep-suporte',
    name: 'Suporte técnico',
    categories: [
      { id: 'cat-login', name: 'Acesso e login' },
      { id: 'cat-erro', name: 'Erro no sistema' },
    ],
    customFields: [
      { id: 'navegador', label: 'Navegador', type: 3, mandatory: true, options: ['chrome', 'firefox'], boundTo: ['cat-login', 'cat-erro'] },
      { id: 'passos', label: 'Passos', type: 2, mandatory: true, boundTo: ['cat-erro'] },
      { id: 'quando', label: 'Quando', type: 9, mandatory: false, boundTo: ['cat-login', 'cat-erro'] },
      { id: 'usuarios', label: 'Usuários', type: 10, mandatory: false, boundTo: ['cat-login', 'cat-erro'] },
      { id: 'copia', label: 'Cópia', type: 11, mandatory: false, boundTo: ['cat-login', 'cat-erro'] },
      { id: 'aceite', label: 'Aceite', type: 12, mandatory: false, boundTo: ['cat-login', 'cat-erro'] },
    ],
  },
  { id: 'dep-financeiro', name: 'Financeiro', online: false, categories: [{ id: 'cat-boleto', name: 'Boletos' }] },
];

/** The one customer the tests' account starts with. */
export const TEST_CUSTOMER = { id: 'cli-ana', email: 'ana@example.com', name: 'Ana Souza' };

/** A fake for tests: the test departments and customer, rate limit off unless overridden. */
export function startTestFake(overrides: Partial<FakeTomTicketOptions> = {}): Promise<FakeTomTicket> {
  return startFakeTomTicket({
    token: TEST_TOKEN,
    departments: TEST_DEPARTMENTS,
    customers: [TEST_CUSTOMER],
    requestsPerSecond: 0,
    ...overrides,
  });
}

/** The fields of a valid `criar_chamado` for the test customer, by e-mail. */
export function validTicketFields(): Record<string, string> {
  return {
    id_departamento: 'dep-suporte',
    titulo: 'Não consigo entrar',
    mensagem: 'Desde ontem a senha não é aceita.',
    tipo_identificador: 'E',
  };
}

/** A FormData holding `fields` in order. */
export function formOf(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}

/** The `criar_chamado` URL for a customer identifier (URL-encoded here, as a client must). */
export function createTicketUrl(fake: FakeTomTicket, identifier = TEST_CUSTOMER.email, token = TEST_TOKEN): string {
  return `${fake.url}/criar_chamado/${encodeURIComponent(token)}/${encodeURIComponent(identifier)}`;
}

/** Sends a body to `url` and returns the status and the parsed JSON answer. */
export async function postForm(
  url: string,
  body: FormData | URLSearchParams,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, { method: 'POST', body, redirect: 'error' });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** GETs `url` and returns the status and the parsed JSON answer. */
export async function getJson(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, { redirect: 'error' });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Hex sha256 of some bytes. */
export function sha256Of(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Bytes that are not all the same, so a reordering or truncation changes the digest. */
export function patternedBytes(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + (i >> 8)) & 0xff;
  return bytes;
}

/** The `Authorization` header of an API 2.0 call with `token`. */
export function bearer(token = TEST_TOKEN): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** Sends an API 2.0 call to the fake with the test token (or `headers`), returning the status and the body as text and JSON (if it is). */
export async function callV2(
  fake: FakeTomTicket,
  path: string,
  init: { method?: string; body?: FormData | URLSearchParams | string; headers?: Record<string, string> } = {},
): Promise<{ status: number; text: string; body: Record<string, unknown> }> {
  const response = await fetch(`${fake.url}/v2.0/${path}`, { redirect: 'error', method: init.method ?? 'GET', headers: init.headers ?? bearer(), ...(init.body ? { body: init.body } : {}) });
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // Not JSON (an HTML page): the text says it.
  }
  return { status: response.status, text, body };
}

/** The fields of a valid API 2.0 `ticket/new` for the test customer, by e-mail, in category `cat-login` (its mandatory list answered). */
export function validV2TicketFields(): Record<string, string> {
  return {
    customer_id: TEST_CUSTOMER.email,
    customer_id_type: 'E',
    department_id: 'dep-suporte',
    category_id: 'cat-login',
    subject: 'Não consigo entrar',
    message: 'Desde ontem a senha não é aceita.',
    'custom_field[navegador]': 'chrome',
  };
}
