import { afterEach, describe, expect, it } from 'vitest';
import { LIMITS, NO_CATEGORY } from '../../../contract/index.ts';
import { bearer, callV2, formOf, patternedBytes, sha256Of, startTestFake, TEST_CUSTOMER, TEST_TOKEN, validV2TicketFields } from '../test-kit.ts';
import type { FakeTomTicket, FakeTomTicketOptions } from '../types.ts';

const running: FakeTomTicket[] = [];
async function start(options: Partial<FakeTomTicketOptions> = {}): Promise<FakeTomTicket> {
  const fake = await startTestFake(options);
  running.push(fake);
  return fake;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((fake) => fake.close()));
});

const newTicket = (fake: FakeTomTicket, fields: Record<string, string>, files: Array<[string, File]> = []) => {
  const form = formOf(fields);
  for (const [name, file] of files) form.append(name, file);
  return callV2(fake, 'ticket/new', { method: 'POST', body: form });
};

describe('API 2.0 authentication', () => {
  it('answers 401 in the envelope without the right Bearer token, whatever else the request carries', async () => {
    const fake = await start();
    for (const headers of [{}, bearer('not-the-token'), { authorization: TEST_TOKEN }, { authorization: `Basic ${TEST_TOKEN}` }]) {
      const answer = await callV2(fake, 'department/list', { headers });
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ error: true, success: false, message: expect.any(String) });
      expect(answer.text).not.toContain(TEST_TOKEN);
    }
    // The token in the URL is not read, and the record says it was put there.
    const inUrl = await callV2(fake, `department/list?token=${TEST_TOKEN}`, { headers: {} });
    expect(inUrl.status).toBe(401);
    expect(fake.requests.at(-1)).toMatchObject({ api: 'v2', endpoint: 'department/list', tokenInUrl: true });
    expect(JSON.stringify(fake.requests)).not.toContain(TEST_TOKEN);
  });

  it('refuses a JSON body with 401, as TomTicket does', async () => {
    const fake = await start();
    const answer = await callV2(fake, 'ticket/new', { method: 'POST', body: JSON.stringify(validV2TicketFields()), headers: { ...bearer(), 'content-type': 'application/json' } });
    expect(answer.status).toBe(401);
    expect(fake.tickets).toHaveLength(0);
  });

  it('takes the new token and refuses the old one after setToken', async () => {
    const fake = await start();
    fake.setToken('v2-new-token');
    expect((await callV2(fake, 'department/list')).status).toBe(401);
    expect((await callV2(fake, 'department/list', { headers: bearer('v2-new-token') })).status).toBe(200);
  });
});

describe('API 2.0 rate limit, shared with the legacy API', () => {
  it.each([
    ['html', /^text\/html/, /<title>429 Too Many Requests<\/title>/],
    ['json', /^application\/json/, /"error":true/],
  ] as const)('answers the 4th call in a second 429 (%s body)', async (rateLimitBody, type, body) => {
    const fake = await start({ requestsPerSecond: 3, v2Variants: { rateLimitBody } });
    await fetch(`${fake.url}/departamentos/${TEST_TOKEN}`);
    await callV2(fake, 'department/list');
    await callV2(fake, 'department/list');
    const response = await fetch(`${fake.url}/v2.0/department/list`, { headers: bearer() });
    expect(response.status).toBe(429);
    expect(response.headers.get('content-type')).toMatch(type);
    expect(await response.text()).toMatch(body);
  });
});

describe('API 2.0 ticket/new', () => {
  it('creates a ticket with its custom fields and attachments, answering ticket_id and protocol at the root', async () => {
    const fake = await start();
    const bytes = patternedBytes(70_000);
    const answer = await newTicket(fake, { ...validV2TicketFields(), priority: '3', 'custom_field[quando]': '2024-02-29' }, [
      ['attachment[0]', new File([bytes], 'log.bin')],
      ['attachment[1]', new File(['olá'], 'nota.txt', { type: 'text/plain' })],
    ]);
    const ticket = fake.tickets.at(-1);
    expect(answer.body).toEqual({ error: false, message: expect.any(String), success: true, ticket_id: ticket?.id, protocol: 1 });
    expect(ticket).toMatchObject({
      api: 'v2',
      customerEmail: TEST_CUSTOMER.email,
      categoryId: 'cat-login',
      priority: 3,
      customFields: { navegador: 'chrome', quando: '2024-02-29' },
    });
    expect(ticket?.attachments.map((file) => [file.fieldName, file.fileName, file.sha256])).toEqual([
      ['attachment[0]', 'log.bin', sha256Of(bytes)],
      ['attachment[1]', 'nota.txt', sha256Of('olá')],
    ]);
  });

  it.each([
    ['data', { data: { id: expect.stringMatching(/^[0-9a-f]{32}$/), protocol: '1' } }],
    ['none', {}],
  ] as const)("answers the new ticket where the '%s' variant puts it", async (createdTicket, extra) => {
    const fake = await start({ v2Variants: { createdTicket } });
    const answer = await newTicket(fake, validV2TicketFields());
    expect(answer.body).toEqual({ error: false, message: expect.any(String), success: true, ...extra });
  });

  it('takes files only under the account’s attachment name, and a urlencoded body too', async () => {
    const fake = await start({ v2AttachmentField: 'files[{n}]' });
    const refused = await newTicket(fake, validV2TicketFields(), [['attachment[0]', new File(['x'], 'a.txt')]]);
    expect(refused.body).toMatchObject({ error: true });
    expect((await newTicket(fake, validV2TicketFields(), [['files[0]', new File(['x'], 'a.txt')]])).body).toMatchObject({ error: false });
    const urlencoded = await callV2(fake, 'ticket/new', { method: 'POST', body: new URLSearchParams(validV2TicketFields()) });
    expect(urlencoded.body).toMatchObject({ error: false });
    expect(fake.tickets).toHaveLength(2);
  });

  it('refuses more than 25 files and answers nginx’s 413 past 25 MB', async () => {
    const fake = await start();
    const files = Array.from({ length: LIMITS.maxFiles + 1 }, (_, i): [string, File] => [`attachment[${i}]`, new File(['x'], `${i}.txt`)]);
    expect((await newTicket(fake, validV2TicketFields(), files)).body).toMatchObject({ error: true, message: expect.stringContaining('25') });
    const big = await newTicket(fake, validV2TicketFields(), [['attachment[0]', new File([new Uint8Array(LIMITS.requestMaxBytes)], 'big.bin')]]);
    expect(big.status).toBe(413);
    expect(big.text).toMatch(/<title>413/);
    expect(fake.tickets).toHaveLength(0);
  });

  it.each([
    ['the legacy names', { ...validV2TicketFields(), titulo: 'x' }],
    ['the listing’s type spelling', { ...validV2TicketFields(), customer_type_id: 'E' }],
    ['no subject', (({ subject: _, ...rest }) => rest)(validV2TicketFields())],
    ['a subject over 250', { ...validV2TicketFields(), subject: 'x'.repeat(LIMITS.titleMaxChars + 1) }],
    ['a message over 1024', { ...validV2TicketFields(), message: 'x'.repeat(LIMITS.messageMaxChars + 1) }],
    ['a priority of 5', { ...validV2TicketFields(), priority: '5' }],
    ['an unknown customer', { ...validV2TicketFields(), customer_id: 'ninguem@example.com' }],
    ['an e-mail read as an internal id', (({ customer_id_type: _, ...rest }) => rest)(validV2TicketFields())],
    ['a category of no department', { ...validV2TicketFields(), category_id: 'cat-boleto' }],
    ['a mandatory custom field left out', (({ 'custom_field[navegador]': _, ...rest }) => rest)(validV2TicketFields())],
    ['a list value that is not an option', { ...validV2TicketFields(), 'custom_field[navegador]': 'opera' }],
  ])('refuses %s (error: true with HTTP 200)', async (_case, fields) => {
    const fake = await start();
    const answer = await newTicket(fake, fields as Record<string, string>);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ error: true, success: false });
    expect(fake.tickets).toHaveLength(0);
  });

  it("answers refusals with 4xx under 'http_4xx'", async () => {
    const fake = await start({ variants: { refusals: 'http_4xx' } });
    expect((await newTicket(fake, { ...validV2TicketFields(), customer_id: 'ninguem@example.com' })).status).toBe(404);
    expect((await newTicket(fake, { ...validV2TicketFields(), priority: '9' })).status).toBe(400);
  });

  it('drops, without a word, a custom field the chosen category does not ask, and asks the mandatory one it does', async () => {
    const fake = await start();
    const withoutSteps = await newTicket(fake, { ...validV2TicketFields(), category_id: 'cat-erro' });
    expect(withoutSteps.body).toMatchObject({ error: true, message: expect.stringContaining('Passos') });
    const answer = await newTicket(fake, { ...validV2TicketFields(), 'custom_field[passos]': 'Abrir o app' });
    expect(answer.body).toMatchObject({ error: false });
    expect(fake.tickets.at(-1)).toMatchObject({ customFields: { navegador: 'chrome' }, droppedCustomFields: { passos: 'Abrir o app' } });
  });
});

describe('API 2.0 departments and custom fields', () => {
  const supportFields = ['navegador', 'passos', 'quando', 'usuarios', 'copia', 'aceite'];

  it('lists departments with categories, each category’s fields and the no-category ones, nested by default', async () => {
    const fake = await start({
      departments: [
        {
          id: 'dep-a',
          name: 'Comercial',
          categories: [{ id: 'cat-a', name: 'Planos' }],
          customFields: [
            { id: 'empresa', label: 'Empresa', type: 1, mandatory: true, boundTo: [NO_CATEGORY, 'cat-a'] },
            { id: 'plano', label: 'Plano', type: 3, mandatory: false, options: ['Básico', 'Pro'], boundTo: ['cat-a'], open: false },
          ],
        },
      ],
    });
    const answer = await callV2(fake, 'department/list');
    expect(answer.body).toEqual({
      error: false,
      message: null,
      success: true,
      size: 1,
      data: [
        {
          id: 'dep-a',
          name: 'Comercial',
          categories: [
            {
              id: 'cat-a',
              name: 'Planos',
              custom_fields: [
                { id: 'empresa', label: 'Empresa', type: 1, mandatory: true, options: [], operation: { open: true } },
                { id: 'plano', label: 'Plano', type: 3, mandatory: false, options: ['Básico', 'Pro'], operation: { open: false } },
              ],
            },
          ],
          general_custom_fields: { tickets: [{ id: 'empresa', label: 'Empresa', type: 1, mandatory: true, options: [], operation: { open: true } }] },
          operators: [],
        },
      ],
    });
    expect((await callV2(fake, 'department/list?show_nested_items=0')).body.data).toEqual([{ id: 'dep-a', name: 'Comercial' }]);
  });

  it("lists ids and names only under 'flat', leaving categories and fields to their own calls", async () => {
    const fake = await start({ v2Variants: { departmentListing: 'flat' } });
    expect((await callV2(fake, 'department/list')).body.data).toEqual([
      { id: 'dep-suporte', name: 'Suporte técnico' },
      { id: 'dep-financeiro', name: 'Financeiro' },
    ]);
    expect((await callV2(fake, 'department/category/list?department_id=dep-suporte')).body.data).toEqual([
      { id: 'cat-login', name: 'Acesso e login' },
      { id: 'cat-erro', name: 'Erro no sistema' },
    ]);
  });

  it.each([
    ['ticket_key', (data: unknown) => (data as { ticket: Array<{ id: string }> }).ticket],
    ['array', (data: unknown) => data as Array<{ id: string }>],
  ] as const)('lists a department’s fields per category (%s nesting)', async (customFieldList, fieldsIn) => {
    const fake = await start({ v2Variants: { customFieldList } });
    const ids = async (query: string) => fieldsIn((await callV2(fake, `custom_field/department/list?${query}`)).body.data).map((field) => field.id);
    expect(await ids('department_id=dep-suporte&category_id=cat-erro')).toEqual(supportFields);
    expect(await ids('department_id=dep-suporte&category_id=cat-login')).toEqual(supportFields.filter((id) => id !== 'passos'));
    expect(await ids('department_id=dep-suporte')).toEqual([]);
    expect((await callV2(fake, 'custom_field/department/list?department_id=dep-nope')).body).toMatchObject({ error: true });
    expect((await callV2(fake, 'custom_field/department/list?department_id=dep-suporte&category_id=cat-boleto')).body).toMatchObject({ error: true });
  });
});

describe('API 2.0 customers', () => {
  it.each([
    ['customer', 'data_exists', { exists: true }, { exists: false }],
    ['customers', 'data_boolean', true, false],
  ] as const)('answers %s/exists (%s); the other spelling is an unknown route', async (customerCheckPath, customerCheckAnswer, found, absent) => {
    const fake = await start({ v2Variants: { customerCheckPath, customerCheckAnswer } });
    const ask = (path: string, email: string) => callV2(fake, `${path}/exists?customer_id=${encodeURIComponent(email)}&customer_type_id=E`);
    expect((await ask(customerCheckPath, TEST_CUSTOMER.email)).body.data).toEqual(found);
    expect((await ask(customerCheckPath, 'ninguem@example.com')).body.data).toEqual(absent);
    const other = await ask(customerCheckPath === 'customer' ? 'customers' : 'customer', TEST_CUSTOMER.email);
    expect(other.status).toBe(404);
    expect(other.body).toMatchObject({ error: true });
  });

  it('creates a customer with customer_id and name, refuses a duplicate and a legacy field name', async () => {
    const fake = await start();
    const form = (fields: Record<string, string>) => callV2(fake, 'customer/new', { method: 'POST', body: formOf(fields) });
    expect((await form({ customer_id: 'nova@example.com', name: 'Nova', email: 'nova@example.com', create_tickets: '1' })).body).toMatchObject({ error: false });
    expect(fake.customers.at(-1)).toEqual({ id: 'nova@example.com', name: 'Nova', email: 'nova@example.com' });
    expect((await form({ customer_id: 'outra', name: 'Outra', email: 'nova@example.com' })).body).toMatchObject({ error: true });
    expect((await form({ customer_id: 'x', nome: 'X', email: 'x@example.com' })).body).toMatchObject({ error: true });
  });
});

describe('API 2.0 ticket/list', () => {
  async function createTickets(fake: FakeTomTicket, count: number) {
    for (let i = 0; i < count; i++) await newTicket(fake, { ...validV2TicketFields(), subject: `Chamado ${i}` });
  }

  it('pages a customer’s tickets, newest first, with next_page null on the last page and past it', async () => {
    const fake = await start();
    await createTickets(fake, 51);
    const page = (n: number) => callV2(fake, `ticket/list?customer_id=${encodeURIComponent(TEST_CUSTOMER.email)}&customer_type_id=E&page=${n}&order=DESC&column=protocol`);
    const first = (await page(1)).body;
    expect(first).toMatchObject({ error: false, size: 51, pages: 2, next_page: 2, previous_page: null });
    expect((first.data as Array<{ protocol: number; subject: string; creation_date: string }>)[0]).toMatchObject({
      protocol: 51,
      subject: 'Chamado 50',
      creation_date: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d-03:00$/),
    });
    expect((await page(2)).body).toMatchObject({ next_page: null, previous_page: 1, data: [{ protocol: 1 }] });
    expect((await page(3)).body).toMatchObject({ error: false, next_page: null, data: [] });
  });

  it("answers a page past the end 404 under 'http_404', and hides a new ticket for a while under 'delayed'", async () => {
    const fake = await start({ v2Variants: { listingEnd: 'http_404', listingLag: 'delayed' }, listingLagMs: 300 });
    await createTickets(fake, 1);
    const list = () => callV2(fake, `ticket/list?customer_id=${encodeURIComponent(TEST_CUSTOMER.email)}&customer_type_id=E`);
    expect((await list()).status).toBe(404);
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect((await list()).body).toMatchObject({ size: 1, data: [{ subject: 'Chamado 0' }] });
  });

  it('refuses an unknown parameter and the ticket/new spelling of the type', async () => {
    const fake = await start();
    expect((await callV2(fake, 'ticket/list?idcliente=x')).body).toMatchObject({ error: true });
    expect((await callV2(fake, `ticket/list?customer_id=x&customer_id_type=E`)).body).toMatchObject({ error: true });
  });

  it('gives a ticket’s detail by its id, and refuses an unknown one', async () => {
    const fake = await start();
    await createTickets(fake, 1);
    const id = fake.tickets[0]?.id as string;
    expect((await callV2(fake, `ticket/detail?ticket_id=${id}`)).body).toMatchObject({ error: false, data: { id, protocol: 1, subject: 'Chamado 0' } });
    expect((await callV2(fake, 'ticket/detail?ticket_id=nope')).body).toMatchObject({ error: true });
  });
});
