import { readdir, readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../contract/index.ts';
import { FAKE_MESSAGES } from './fake-messages.ts';
import {
  createTicketUrl,
  formOf,
  getJson,
  patternedBytes,
  postForm,
  sha256Of,
  startTestFake,
  TEST_CUSTOMER,
  TEST_TOKEN,
  validTicketFields,
} from './test-kit.ts';
import type { FakeTomTicket } from './types.ts';

let fake: FakeTomTicket;
beforeAll(async () => {
  fake = await startTestFake();
});
afterAll(() => fake.close());
afterEach(() => fake.setFault('none'));

const storedFileCount = async () => (await readdir(fake.storageDir as string)).length;

describe('criar_chamado: accepted tickets', () => {
  it('stores a ticket with category, custom fields, priority and two attachments, byte for byte', async () => {
    const screenshot = patternedBytes(300 * 1024);
    const log = 'linha 1\nlinha 2 — ação ✓\n';
    const form = formOf({
      ...validTicketFields(),
      id_tipoassunto: 'cat-login',
      prioridade: '3',
      'campos[navegador]': 'firefox',
      'campos[versao]': '2.4.1',
    });
    form.append('anexos[0]', new Blob([screenshot], { type: 'image/png' }), 'tela.png');
    form.append('anexos[1]', new Blob([log], { type: 'text/plain' }), 'relatório ✓.txt');

    const ticketsBefore = fake.tickets.length;
    const { status, body } = await postForm(createTicketUrl(fake), form);

    expect(status).toBe(200);
    expect(body).toMatchObject({ erro: false, mensagem: 'Chamado criado com sucesso' });
    expect(body.id_chamado).toMatch(/^[0-9a-f]{32}$/);
    expect(fake.tickets).toHaveLength(ticketsBefore + 1);
    const ticket = fake.tickets.at(-1)!;
    expect(ticket).toMatchObject({
      id: body.id_chamado,
      customerId: TEST_CUSTOMER.id,
      customerEmail: TEST_CUSTOMER.email,
      departmentId: 'dep-suporte',
      categoryId: 'cat-login',
      title: 'Não consigo entrar',
      priority: 3,
      customFields: { navegador: 'firefox', versao: '2.4.1' },
    });
    expect(ticket.attachments.map(({ fieldName, fileName, type, size }) => ({ fieldName, fileName, type, size }))).toEqual([
      { fieldName: 'anexos[0]', fileName: 'tela.png', type: 'image/png', size: screenshot.length },
      { fieldName: 'anexos[1]', fileName: 'relatório ✓.txt', type: 'text/plain', size: Buffer.byteLength(log) },
    ]);
    expect(ticket.attachments[0]!.sha256).toBe(sha256Of(screenshot));
    expect(ticket.attachments[1]!.sha256).toBe(sha256Of(log));
    // What is on disk is what was sent, not just what was hashed on the way.
    expect(sha256Of(await readFile(ticket.attachments[0]!.path))).toBe(sha256Of(screenshot));
    expect(await readFile(ticket.attachments[1]!.path, 'utf8')).toBe(log);
  });

  it('numbers tickets with increasing protocols and defaults the priority to 1', async () => {
    const first = await postForm(createTicketUrl(fake), formOf(validTicketFields()));
    const second = await postForm(createTicketUrl(fake), formOf(validTicketFields()));
    const [a, b] = [first, second].map(({ body }) => fake.tickets.find((ticket) => ticket.id === body.id_chamado)!);
    expect(b!.protocol).toBe(a!.protocol + 1);
    expect(a!.priority).toBe(1);
    expect(a!.categoryId).toBeUndefined();
  });

  it('accepts files sent as anexos[] the way an HTML form names them', async () => {
    const form = formOf(validTicketFields());
    form.append('anexos[]', new Blob(['a']), 'a.txt');
    form.append('anexos[]', new Blob(['b']), 'b.txt');
    const { body } = await postForm(createTicketUrl(fake), form);
    expect(body.erro).toBe(false);
    expect(fake.tickets.at(-1)!.attachments.map((file) => file.fileName)).toEqual(['a.txt', 'b.txt']);
  });

  it('accepts the internal customer id with tipo_identificador I or none at all', async () => {
    const { tipo_identificador: _, ...withoutType } = validTicketFields();
    const implicit = await postForm(createTicketUrl(fake, TEST_CUSTOMER.id), formOf(withoutType));
    const explicit = await postForm(createTicketUrl(fake, TEST_CUSTOMER.id), formOf({ ...withoutType, tipo_identificador: 'I' }));
    expect([implicit.body.erro, explicit.body.erro]).toEqual([false, false]);
  });

  it('finds the customer by e-mail whatever its case', async () => {
    const { body } = await postForm(createTicketUrl(fake, 'ANA@Example.com'), formOf(validTicketFields()));
    expect(body.erro).toBe(false);
  });

  it('counts lengths in code points: 1024 emoji and a 250-character title are accepted', async () => {
    const fields = { ...validTicketFields(), titulo: 'é'.repeat(LIMITS.titleMaxChars), mensagem: '😀'.repeat(LIMITS.messageMaxChars) };
    const { body } = await postForm(createTicketUrl(fake), formOf(fields));
    expect(body.erro).toBe(false);
    expect(fake.tickets.at(-1)!.message).toBe(fields.mensagem);
  });

  it('counts a line break as the CRLF it arrives as: two characters', async () => {
    // 512 line breaks of two characters each plus 512 letters: 1536 as received, over the limit.
    const over = 'a\n'.repeat(LIMITS.messageMaxChars / 2);
    expect((await postForm(createTicketUrl(fake), formOf({ ...validTicketFields(), mensagem: over }))).body.erro).toBe(true);
    const within = 'a\n'.repeat(LIMITS.messageMaxChars / 3);
    expect((await postForm(createTicketUrl(fake), formOf({ ...validTicketFields(), mensagem: within }))).body.erro).toBe(false);
  });

  it('accepts an urlencoded body when there are no files', async () => {
    const { body } = await postForm(createTicketUrl(fake), new URLSearchParams(validTicketFields()));
    expect(body.erro).toBe(false);
  });

  it('accepts up to the most files a ticket may carry', async () => {
    const form = formOf(validTicketFields());
    for (let i = 0; i < LIMITS.maxFiles; i++) form.append(`anexos[${i}]`, new Blob([`${i}`]), `${i}.txt`);
    const { body } = await postForm(createTicketUrl(fake), form);
    expect(body.erro).toBe(false);
    expect(fake.tickets.at(-1)!.attachments).toHaveLength(LIMITS.maxFiles);
  });
});

describe('criar_chamado: refusals (status 200, erro true, nothing stored)', () => {
  const fields = validTicketFields();
  const missing = undefined as unknown as string;
  const M = FAKE_MESSAGES;
  // [what is wrong, fields sent, why it must be refused, customer identifier in the path]
  const cases: [string, Record<string, string>, string, string?][] = [
    ['titulo missing', { ...fields, titulo: missing }, M.required('titulo')],
    ['titulo blank', { ...fields, titulo: '   ' }, M.required('titulo')],
    ['titulo of 251 characters', { ...fields, titulo: 'x'.repeat(LIMITS.titleMaxChars + 1) }, M.tooLong('titulo', LIMITS.titleMaxChars)],
    ['mensagem missing', { ...fields, mensagem: missing }, M.required('mensagem')],
    [
      'mensagem of 1025 code points',
      { ...fields, mensagem: '😀'.repeat(LIMITS.messageMaxChars + 1) },
      M.tooLong('mensagem', LIMITS.messageMaxChars),
    ],
    ['id_departamento missing', { ...fields, id_departamento: missing }, M.required('id_departamento')],
    [
      'id_departamento of 251 characters',
      { ...fields, id_departamento: 'd'.repeat(LIMITS.idMaxChars + 1) },
      M.tooLong('id_departamento', LIMITS.idMaxChars),
    ],
    ['an unknown department', { ...fields, id_departamento: 'dep-nao-existe' }, M.departmentNotFound],
    ['a category of another department', { ...fields, id_tipoassunto: 'cat-boleto' }, M.categoryNotInDepartment],
    ['an unknown category', { ...fields, id_tipoassunto: 'cat-nao-existe' }, M.categoryNotInDepartment],
    ['an empty category', { ...fields, id_tipoassunto: '' }, M.required('id_tipoassunto')],
    ['prioridade 0', { ...fields, prioridade: '0' }, M.invalidPriority],
    ['prioridade 5', { ...fields, prioridade: '5' }, M.invalidPriority],
    ["prioridade 'x'", { ...fields, prioridade: 'x' }, M.invalidPriority],
    ["prioridade '01'", { ...fields, prioridade: '01' }, M.invalidPriority],
    ["tipo_identificador 'e' (lower case)", { ...fields, tipo_identificador: 'e' }, M.invalidIdentifierType],
    ["tipo_identificador 'EMAIL'", { ...fields, tipo_identificador: 'EMAIL' }, M.invalidIdentifierType],
    ['an unknown customer e-mail', fields, M.customerNotFound, 'ninguem@example.com'],
    ['the e-mail with tipo_identificador I', { ...fields, tipo_identificador: 'I' }, M.customerNotFound],
    ['a blank customer identifier', fields, M.customerNotFound, ' '],
    ['an unknown field', { ...fields, email: 'ana@example.com' }, M.unknownField('email')],
    ['a misspelled field', { ...fields, prioridades: '2' }, M.unknownField('prioridades')],
    ['campos[] without an id', { ...fields, 'campos[]': 'x' }, M.unknownField('campos[]')],
    ['nested campos', { ...fields, 'campos[a][b]': 'x' }, M.unknownField('campos[a][b]')],
    [
      'a custom field of 251 characters',
      { ...fields, 'campos[a1]': 'v'.repeat(LIMITS.customFieldMaxChars + 1) },
      M.tooLong('campos[a1]', LIMITS.customFieldMaxChars),
    ],
    ['text sent under an attachment name', { ...fields, 'anexos[0]': 'not a file' }, M.fileExpected('anexos[0]')],
  ];

  it.each(cases)('refuses %s', async (_name, sent, reason, identifier) => {
    const defined = Object.fromEntries(Object.entries(sent).filter(([, value]) => value !== undefined));
    const ticketsBefore = fake.tickets.length;
    const { status, body } = await postForm(createTicketUrl(fake, identifier), formOf(defined));
    expect(status).toBe(200);
    expect(body.erro).toBe(true);
    expect(body.mensagem).toBe(reason);
    expect(fake.tickets).toHaveLength(ticketsBefore);
  });

  it('refuses a single-valued field sent twice', async () => {
    const form = formOf(validTicketFields());
    form.append('titulo', 'Outro título');
    const { body } = await postForm(createTicketUrl(fake), form);
    expect(body).toMatchObject({ erro: true, mensagem: FAKE_MESSAGES.duplicateField('titulo') });
  });

  it('refuses a custom field sent twice', async () => {
    const form = formOf({ ...validTicketFields(), 'campos[a1]': 'um' });
    form.append('campos[a1]', 'dois');
    expect((await postForm(createTicketUrl(fake), form)).body).toMatchObject({
      erro: true,
      mensagem: FAKE_MESSAGES.duplicateField('campos[a1]'),
    });
  });

  it('refuses two files under the same indexed name, and deletes what it stored', async () => {
    const filesBefore = await storedFileCount();
    const form = formOf(validTicketFields());
    form.append('anexos[0]', new Blob(['um']), 'um.txt');
    form.append('anexos[0]', new Blob(['dois']), 'dois.txt');
    expect((await postForm(createTicketUrl(fake), form)).body).toMatchObject({
      erro: true,
      mensagem: FAKE_MESSAGES.duplicateField('anexos[0]'),
    });
    expect(await storedFileCount()).toBe(filesBefore);
  });

  it('refuses a file under a field that takes text, before storing it', async () => {
    const filesBefore = await storedFileCount();
    const form = formOf(validTicketFields());
    form.append('campos[a1]', new Blob(['x']), 'x.txt');
    expect((await postForm(createTicketUrl(fake), form)).body).toMatchObject({
      erro: true,
      mensagem: FAKE_MESSAGES.fileNotExpected('campos[a1]'),
    });
    expect(await storedFileCount()).toBe(filesBefore);
  });

  it('refuses more files than a ticket may carry', async () => {
    const form = formOf(validTicketFields());
    for (let i = 0; i <= LIMITS.maxFiles; i++) form.append(`anexos[${i}]`, new Blob([`${i}`]), `${i}.txt`);
    const ticketsBefore = fake.tickets.length;
    const { body } = await postForm(createTicketUrl(fake), form);
    expect(body).toMatchObject({ erro: true, mensagem: FAKE_MESSAGES.tooManyFiles });
    expect(fake.tickets).toHaveLength(ticketsBefore);
  });

  it('refuses a file part without a file name', async () => {
    const form = formOf(validTicketFields());
    form.append('anexos[0]', new Blob(['x'], { type: 'application/octet-stream' }), '');
    expect((await postForm(createTicketUrl(fake), form)).body).toMatchObject({ erro: true, mensagem: FAKE_MESSAGES.fileWithoutName });
  });

  it('refuses a body that is neither multipart nor urlencoded', async () => {
    const response = await fetch(createTicketUrl(fake), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(validTicketFields()),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ erro: true, mensagem: FAKE_MESSAGES.unsupportedContentType });
  });

  it('never echoes the token, even when a client puts it in a field name', async () => {
    const response = await fetch(createTicketUrl(fake), {
      method: 'POST',
      body: formOf({ ...validTicketFields(), [`token_${TEST_TOKEN}`]: 'x' }),
    });
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ erro: true });
    expect(text).not.toContain(TEST_TOKEN);
  });

  it('keeps serving after refusals', async () => {
    expect((await getJson(`${fake.url}/departamentos/${TEST_TOKEN}`)).body.erro).toBe(false);
  });
});
