import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxEntryView } from '../outbox/types.ts';
import { createSandboxRoutes } from './inbox.ts';
import {
  createTicketUrl,
  formOf,
  patternedBytes,
  postForm,
  sha256Of,
  startTestFake,
  TEST_CUSTOMER,
  validTicketFields,
} from './test-kit.ts';
import type { TicketView } from './ticket-view.ts';
import type { FakeTomTicket } from './types.ts';

let fake: FakeTomTicket;
let routes: ReturnType<typeof createSandboxRoutes>;
const LOOPBACK = { remoteAddress: '127.0.0.1' };
const screenshot = patternedBytes(150 * 1024);
const hostilePage = '<html><script>alert(1)</script></html>';

beforeAll(async () => {
  fake = await startTestFake();
  routes = createSandboxRoutes(fake);
  const first = formOf({ ...validTicketFields(), titulo: 'Primeiro chamado' });
  await postForm(createTicketUrl(fake), first);
  const second = formOf({
    ...validTicketFields(),
    titulo: '<script>alert("x")</script> & mais',
    mensagem: 'Linha um\nLinha <b>dois</b>',
    id_tipoassunto: 'cat-erro',
    prioridade: '4',
    'campos[navegador]': '<img src=x onerror=alert(1)>',
  });
  second.append('anexos[0]', new Blob([screenshot], { type: 'image/png' }), 'tela ✓ (1).png');
  second.append('anexos[1]', new Blob([hostilePage], { type: 'text/html' }), 'página.html');
  await postForm(createTicketUrl(fake), second);
});
afterAll(() => fake.close());

async function get(path: string, method = 'GET'): Promise<Response> {
  const response = await routes(new Request(`http://localhost${path}`, { method }), LOOPBACK);
  if (!response) throw new Error(`${path} is not a sandbox route`);
  return response;
}

describe('GET /sandbox', () => {
  it('lists tickets newest first with every field, escaping what customers typed', async () => {
    const response = await get('/sandbox');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'self'");
    const page = await response.text();

    expect(page).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; mais');
    // Messages are shown as TomTicket shows them, HTML read as text: markup sent raw is dropped, never live.
    expect(page).toContain('Linha dois');
    expect(page).not.toContain('<b>');
    expect(page).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(page).not.toContain('<script');
    expect(page).not.toContain('<img');
    expect(page.indexOf('#2')).toBeLessThan(page.indexOf('#1'));
    for (const text of ['4 · Urgente', 'Suporte técnico', 'Erro no sistema', TEST_CUSTOMER.email, 'navegador', '150.0 KB', sha256Of(screenshot).slice(0, 12)]) {
      expect(page).toContain(text);
    }
    expect(page).toContain('tela ✓ (1).png');
    expect(page).toContain('href="/sandbox/attachments/');
    expect(page).toContain('1 · Baixa');
  });

  it('works under a strict CSP: a linked stylesheet, no script, no inline style', async () => {
    const page = await (await get('/sandbox')).text();
    expect(page).toContain('<link rel="stylesheet" href="/sandbox/inbox.css">');
    const tags = page.match(/<[a-z][^>]*>/gi) ?? [];
    expect(tags.length).toBeGreaterThan(20);
    for (const tag of tags) {
      expect(tag).not.toMatch(/^<(script|style)\b/i);
      expect(tag).not.toMatch(/\s(style|on[a-z]+)=/i);
    }
  });

  it('serves its stylesheet', async () => {
    const response = await get('/sandbox/inbox.css');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await response.text()).toContain('.ticket');
  });

  it('says so when there are no tickets', async () => {
    const empty = await startTestFake();
    try {
      const page = await (await createSandboxRoutes(empty)(new Request('http://localhost/sandbox'), LOOPBACK))!.text();
      expect(page).toContain('No tickets yet');
      expect(page).not.toContain('class="ticket"');
    } finally {
      await empty.close();
    }
  });
});

describe('GET /sandbox/tickets.json', () => {
  it('gives what the page shows, newest first, with download URLs', async () => {
    const response = await get('/sandbox/tickets.json');
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const { tickets } = (await response.json()) as { tickets: TicketView[] };
    expect(tickets.map((ticket) => ticket.protocol)).toEqual([2, 1]);
    expect(tickets[0]).toMatchObject({
      title: '<script>alert("x")</script> & mais',
      priority: 4,
      priorityName: 'Urgente',
      department: { id: 'dep-suporte', name: 'Suporte técnico' },
      category: { id: 'cat-erro', name: 'Erro no sistema' },
      customFields: { navegador: '<img src=x onerror=alert(1)>' },
      customer: { email: TEST_CUSTOMER.email },
    });
    expect(tickets[0]!.attachments[0]).toEqual({
      name: 'tela ✓ (1).png',
      type: 'image/png',
      size: screenshot.length,
      sha256: sha256Of(screenshot),
      url: `/sandbox/attachments/${tickets[0]!.id}/0`,
    });
    expect(tickets[1]!.category).toBeNull();
  });
});

describe('GET /sandbox/attachments/{ticketId}/{index}', () => {
  const attachmentPath = (index: number) => `/sandbox/attachments/${fake.tickets[1]!.id}/${index}`;

  it('downloads the stored bytes unchanged', async () => {
    const response = await get(attachmentPath(0));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('content-length')).toBe(String(screenshot.length));
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="tela _ (1).png"; filename*=UTF-8''tela%20%E2%9C%93%20%281%29.png`,
    );
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(screenshot))).toBe(true);
  });

  it('serves HTML as an opaque download, never as a page of our origin', async () => {
    const response = await get(attachmentPath(1));
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(response.headers.get('content-disposition')).toContain("filename*=UTF-8''p%C3%A1gina.html");
    expect(await response.text()).toBe(hostilePage);
  });

  it('answers HEAD with the headers only', async () => {
    const response = await get(attachmentPath(0), 'HEAD');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(screenshot.length));
    expect(await response.text()).toBe('');
  });

  it.each([
    ['an unknown ticket', '/sandbox/attachments/ffffffffffffffffffffffffffffffff/0'],
    ['an index past the last attachment', '/sandbox/attachments/TICKET/2'],
    ['a ticket without attachments', '/sandbox/attachments/FIRST/0'],
    ['a non-numeric index', '/sandbox/attachments/TICKET/x'],
    ['an unknown sandbox page', '/sandbox/nothing'],
  ])('answers 404 JSON for %s', async (_name, template) => {
    const path = template.replace('TICKET', fake.tickets[1]!.id).replace('FIRST', fake.tickets[0]!.id);
    const response = await get(path);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('routing', () => {
  it('leaves paths outside /sandbox to the rest of the server', async () => {
    for (const path of ['/', '/api/form', '/sandboxes', '/sandbox.css']) {
      expect(await routes(new Request(`http://localhost${path}`))).toBeUndefined();
    }
  });

  it('answers 405 to methods other than GET and HEAD', async () => {
    const response = await get('/sandbox', 'POST');
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('the outbox on the inbox', () => {
  const entries: OutboxEntryView[] = [
    { state: 'outbox', reference: 'TT-7K3M9Q2X', title: 'Na <fila>', receivedAt: '2025-01-01T10:00:00.000Z', ageSeconds: 75, attempts: 3, lastError: 'criar_chamado could not be reached (ECONNREFUSED)', attachments: 1 },
    { state: 'uncertain', reference: 'TT-AB12CD34', title: 'Talvez lá', receivedAt: '2025-01-01T09:00:00.000Z', ageSeconds: 3700, attempts: 1, lastError: 'no answer within the timeout', attachments: 0 },
    { state: 'dead', reference: 'TT-ZZ99YY88', title: 'Desistido', receivedAt: '2024-12-29T09:00:00.000Z', ageSeconds: 260_000, attempts: 40, lastError: null, attachments: 0 },
  ];
  const withOutbox = (request: Request) => createSandboxRoutes(fake, async () => entries)(request, LOOPBACK);

  it('lists tickets not delivered yet, by state, with reference, age and last error', async () => {
    const page = await (await withOutbox(new Request('http://localhost/sandbox')))!.text();
    expect(page).toContain('Ainda não entregues · Not delivered yet (3)');
    for (const text of ['Na fila · Queued', 'Incerto · Uncertain', 'Morto · Dead', 'TT-7K3M9Q2X', 'TT-AB12CD34', '75 s', '61 min', '72 h', 'ECONNREFUSED']) {
      expect(page).toContain(text);
    }
    expect(page).toContain('Na &#60;fila&#62;');
  });

  it('adds them to tickets.json, and shows no section when nothing waits', async () => {
    const json = (await (await withOutbox(new Request('http://localhost/sandbox/tickets.json')))!.json()) as { outbox: unknown[] };
    expect(json.outbox).toEqual(entries);
    expect(await (await get('/sandbox')).text()).not.toContain('Not delivered yet');
  });

  it('shows no secret of the server, even in a last error that quotes one', async () => {
    const secret = 'form-secret-quoted-by-tomticket-0123456789';
    const quoting = entries.map((entry) => ({ ...entry, lastError: `TomTicket refused it: got <${secret}>` }));
    const routes = createSandboxRoutes(fake, async () => quoting, { secrets: [secret] });
    for (const path of ['/sandbox', '/sandbox/tickets.json']) {
      const text = await (await routes(new Request(`http://localhost${path}`), LOOPBACK))!.text();
      expect(text).toContain('TomTicket refused it');
      expect(text).not.toContain(secret);
    }
  });
});

describe('who the inbox answers', () => {
  it('answers only loopback peers unless SANDBOX_PUBLIC', async () => {
    for (const remoteAddress of ['10.0.0.5', '203.0.113.9', '2001:db8::1', '']) {
      const refused = await routes(new Request('http://localhost/sandbox/tickets.json'), { remoteAddress });
      expect(refused?.status).toBe(404);
      expect(await refused?.text()).toMatch(/SANDBOX_PUBLIC=true/);
    }
    for (const remoteAddress of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      expect((await routes(new Request('http://localhost/sandbox/tickets.json'), { remoteAddress }))?.status).toBe(200);
    }
    const shared = createSandboxRoutes(fake, undefined, { public: true });
    expect((await shared(new Request('http://localhost/sandbox'), { remoteAddress: '203.0.113.9' }))?.status).toBe(200);
  });
});
