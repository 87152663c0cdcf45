import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  APIS,
  formOf,
  spoolIsEmpty,
  startHarness,
  TEST_CUSTOMER,
  TEST_TOKEN,
  textsShowingToken,
  ticketCallsOf,
  validFields,
  type Harness,
} from './harness.ts';

const PNG_SIGNATURE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

function patterned(size: number, seed: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * seed + (i >> 9)) & 0xff;
  return bytes;
}

// The names each API's creation and detail calls have in the ticket's log line.
const LOGGED_CALLS = { legacy: ['criar_chamado', 'chamado'], v2: ['ticket/new'] } as const;

describe.each(APIS)('POST /api/tickets against the fake TomTicket, through $name', ({ api, env }) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness(env);
  });
  afterAll(async () => {
    // The token must not leak in anything this suite saw: answers, headers, log lines.
    expect(harness.logLines.length).toBeGreaterThan(0);
    expect(textsShowingToken(harness)).toEqual([]);
    await harness.close();
  });
  beforeEach(async () => {
    harness.fake.setFault('none');
    harness.fake.clearRequests();
  });

  it('creates a ticket with a category, custom fields and three attachments, forwarded exactly', async () => {
    const files = [
      // Declared as an image, so it must start like one (the file-type checks look).
      new File([PNG_SIGNATURE, patterned(4 * 1024 * 1024 + 3, 31)], 'captura de tela.png', { type: 'image/png' }),
      new File(['linha 1\nlinha 2\n'], 'relatório ção.txt', { type: 'text/plain' }),
      new File([patterned(1000, 7)], 'dados.bin'),
    ];
    const fields = {
      ...validFields(),
      category: 'cat-erro',
      'fields[navegador]': 'firefox',
      'fields[passos]': 'Abrir\r\nClicar em entrar',
      'fields[quando]': '2024-02-29',
      'fields[usuarios]': '42',
      'fields[aceite]': 'true',
      title: '  Erro 500 ao entrar 😀  ',
      message: 'Primeira linha\r\nSegunda linha',
      priority: '3',
    };

    const answer = await harness.send('/api/tickets', { method: 'POST', body: formOf(fields, files) });

    expect(answer.status).toBe(201);
    const body = harness.json(answer);
    const ticket = harness.fake.tickets.at(-1);
    if (ticket === undefined) throw new Error('the fake received no ticket');
    expect(body).toEqual({ ok: true, ticket: { id: ticket.id, protocol: ticket.protocol } });
    expect(typeof ticket.protocol).toBe('number');
    expect({
      customerEmail: ticket.customerEmail,
      departmentId: ticket.departmentId,
      categoryId: ticket.categoryId,
      title: ticket.title,
      // Sent as HTML (MESSAGE_FORMAT=html, the default): line breaks as <br>.
      message: ticket.message,
      priority: ticket.priority,
      customFields: { ...ticket.customFields, passos: ticket.customFields.passos?.replace(/\r\n/g, '\n') },
    }).toEqual({
      customerEmail: TEST_CUSTOMER.email,
      departmentId: 'dep-suporte',
      categoryId: 'cat-erro',
      title: 'Erro 500 ao entrar 😀',
      // The outbox's reference closes the message, so the ticket can be found by it in TomTicket.
      message: expect.stringMatching(/^Primeira linha<br>Segunda linha<br><br>\[ref TT-[0-9A-Z]{8}\]$/),
      priority: 3,
      customFields: { navegador: 'firefox', passos: 'Abrir\nClicar em entrar', quando: '2024-02-29', usuarios: '42', aceite: 'Sim' },
    });
    const sent = await Promise.all(files.map(async (file) => ({ fileName: file.name, type: file.type || 'application/octet-stream', size: file.size, sha256: sha256(new Uint8Array(await file.arrayBuffer())) })));
    expect(ticket.attachments.map(({ fileName, type, size, sha256 }) => ({ fileName, type, size, sha256 }))).toEqual(sent);
    // Nothing sent that TomTicket would drop for not being asked in this category.
    expect(ticket.droppedCustomFields).toBeUndefined();
    for (const attachment of ticket.attachments) {
      expect(sha256(await readFile(attachment.path))).toBe(attachment.sha256);
    }
    expect(await spoolIsEmpty(harness)).toBe(true);
  });

  it('checks, creates, then opens the ticket for a customer TomTicket does not know yet', async () => {
    const email = 'novo.cliente@example.com';
    const answer = await harness.send('/api/tickets', {
      method: 'POST',
      body: formOf({ ...validFields(), email, name: 'Novo Cliente' }),
    });

    expect(answer.status).toBe(201);
    expect(harness.ticketCalls()).toEqual(ticketCallsOf(api, { check: true, create: true }));
    expect(harness.fake.customers.find((customer) => customer.email === email)).toMatchObject({ name: 'Novo Cliente' });
    expect(harness.fake.tickets.at(-1)?.customerEmail).toBe(email);
  });

  it('only checks (no creation) for a customer that exists, and skips the check for their next ticket', async () => {
    // A customer TomTicket knows and this server has not met yet.
    const email = 'cliente.antigo@example.com';
    const customer = new URLSearchParams({ identificador: email, nome: 'Cliente Antigo', email, criarchamados: 'true' });
    // Straight to the fake, whose 3 calls a second the previous test may have used up: tried until it takes it.
    await expect
      .poll(async () => {
        await fetch(`${harness.fake.url}/criar_cliente/${encodeURIComponent(TEST_TOKEN)}/`, { method: 'POST', body: customer });
        return harness.fake.customers.some((known) => known.email === email);
      }, { interval: 400, timeout: 5000 })
      .toBe(true);
    harness.fake.clearRequests();
    // That call used up part of the fake's 3 calls a second: a 429 retried is not a call of the ticket.
    const answered = () => harness.fake.requests.filter((call) => call.role !== 'departments' && call.status !== 429).map((call) => call.role);

    const first = await harness.send('/api/tickets', { method: 'POST', body: formOf({ ...validFields(), email }) });
    expect(first.status).toBe(201);
    expect(answered()).toEqual(ticketCallsOf(api, { check: true }));
    harness.fake.clearRequests();
    const second = await harness.send('/api/tickets', { method: 'POST', body: formOf({ ...validFields(), email }) });
    expect(second.status).toBe(201);
    expect(answered()).toEqual(ticketCallsOf(api));
    // One line for the ticket (written once its answer is out), with what it cost upstream; none per call.
    const { protocol } = harness.json(second).ticket as { protocol: number };
    const linesOf = () =>
      harness.logLines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.protocol === protocol);
    await expect.poll(linesOf).toEqual([
      expect.objectContaining({ msg: 'ticket delivered', upstreamCalls: LOGGED_CALLS[api], durationMs: expect.any(Number) }),
    ]);
    const reference = linesOf()[0]?.reference as string;
    expect(harness.logLines.filter((line) => line.includes(reference))).toHaveLength(1);
  });

  it('answers GET /api/form with the schema, briefly cacheable', async () => {
    const answer = await harness.send('/api/form');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toMatch(/max-age=60/);
    const schema = harness.json(answer) as { departments: Array<{ id: string; fields: Array<{ id: string }> }> };
    expect(schema.departments.map((department) => department.id)).toEqual(['dep-suporte', 'dep-financeiro']);
    expect(schema.departments[0]?.fields.map((field) => field.id)).toEqual(['navegador', 'passos', 'quando', 'usuarios', 'copia', 'aceite']);
  });

  it('reports the last upstream outcome on /healthz without calling TomTicket', async () => {
    await harness.send('/api/tickets', { method: 'POST', body: formOf(validFields()) });
    harness.fake.clearRequests();
    const answer = await harness.send('/healthz');
    expect(answer.status).toBe(200);
    expect(harness.json(answer)).toEqual({
      ok: true,
      mode: 'live',
      upstream: { reachable: true, checkedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), token: 'accepted' },
      form: { source: 'tomticket', listedAt: expect.any(String), fresh: true },
      outbox: { queued: 0, uncertain: 0, dead: 0, oldestAgeSeconds: null, usedMb: 0, maxMb: 2048 },
    });
    expect(harness.fake.requests).toEqual([]);
  });
});

describe.each(APIS)('POST /api/tickets with TOMTICKET_CREATE_CUSTOMERS=false, through $name', ({ api, env }) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ ...env, TOMTICKET_CREATE_CUSTOMERS: 'false' });
  });
  afterAll(async () => {
    await harness.close();
  });

  it('creates the ticket without checking the customer first', async () => {
    const answer = await harness.send('/api/tickets', { method: 'POST', body: formOf(validFields()) });
    expect(answer.status).toBe(201);
    expect(harness.ticketCalls()).toEqual(ticketCallsOf(api));
  });
});
