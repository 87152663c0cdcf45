import { fireEvent, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { PROTECTION } from '../../contract/index.ts';
import { FakeXhr } from '../testing/fakeXhr.ts';
import { mountElement } from '../testing/mountElement.ts';
import { serveSchema } from '../testing/schema.ts';
import { useWidgetTestEnvironment } from '../testing/setup.ts';

useWidgetTestEnvironment();

type Screen = Awaited<ReturnType<typeof mountElement>>['screen'];
const type = (control: HTMLElement, value: string) => fireEvent.input(control, { target: { value } });

/** The fields department d2 needs, without e-mail and name. */
function fillTicket(screen: Screen) {
  type(screen.getByRole('combobox', { name: 'Departamento' }), 'd2');
  type(screen.getByRole('textbox', { name: 'Assunto' }), 'Fatura');
  type(screen.getByRole('textbox', { name: 'Mensagem' }), 'Segunda via.');
}

/** Sends and answers the request once it went out with its proofs. */
async function sendAndAnswer(screen: Screen, status: number, body: unknown, headers: Record<string, string> = {}) {
  fireEvent.click(screen.getByRole('button', { name: 'Enviar' }));
  const xhr = FakeXhr.last();
  await waitFor(() => expect(xhr.method).toBe('POST'));
  xhr.respond(status, body, headers);
  return xhr;
}

describe('what the widget tells about refusals', () => {
  it('shows 429 in words, with the wait in minutes from Retry-After', async () => {
    const { screen } = await mountElement();
    type(screen.getByRole('textbox', { name: 'E-mail' }), 'ana@example.com');
    type(screen.getByRole('textbox', { name: 'Nome' }), 'Ana');
    fillTicket(screen);
    await sendAndAnswer(screen, 429, { ok: false, error: { code: 'rate_limited', message: 'x', retryAfterSeconds: 600 } }, { 'Retry-After': '600' });
    expect((await screen.findByRole('alert')).textContent).toContain('Muitos envios. Tente em 10 min.');
  });

  it('shows 401 for an identity token in words, in the page’s language', async () => {
    const { screen } = await mountElement({ identity: 'h.p.s', lang: 'en' });
    type(screen.getByRole('combobox', { name: 'Department' }), 'd2');
    type(screen.getByRole('textbox', { name: 'Subject' }), 'Invoice');
    type(screen.getByRole('textbox', { name: 'Message' }), 'Copy please.');
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    const xhr = FakeXhr.last();
    await waitFor(() => expect(xhr.method).toBe('POST'));
    xhr.respond(401, { ok: false, error: { code: 'identity_invalid', message: 'x' } });
    expect((await screen.findByRole('alert')).textContent).toContain('Session expired. Reload the page.');
  });

  it.each([
    ['identity_required', 'Entre na sua conta para abrir um chamado.'],
    ['file_type_denied', 'Tipo de arquivo não permitido'],
    ['file_not_image', 'Imagem inválida'],
  ])('names %s', async (code, text) => {
    const { screen } = await mountElement({ identity: 'h.p.s' });
    fillTicket(screen);
    const field = code.startsWith('file') ? 'attachments' : undefined;
    await sendAndAnswer(screen, code === 'identity_required' ? 401 : 400, { ok: false, error: { code, message: 'x', field } });
    await waitFor(() => expect(screen.getByText(text)).toBeTruthy());
  });
});

describe('identity', () => {
  it('hides e-mail and name with an identity token, and sends it as a Bearer token', async () => {
    const { screen } = await mountElement({ identity: 'header.payload.signature' });
    expect(screen.queryByRole('textbox', { name: 'E-mail' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Nome' })).toBeNull();
    fillTicket(screen);
    const xhr = await sendAndAnswer(screen, 201, { ok: true, ticket: { protocol: 3 } });
    expect(xhr.headers.Authorization).toBe('Bearer header.payload.signature');
    expect([...xhr.body!.keys()]).not.toContain('email');
    expect([...xhr.body!.keys()]).not.toContain('name');
  });

  it('takes the token later through identify()', async () => {
    const { screen, element } = await mountElement();
    expect(screen.getByRole('textbox', { name: 'E-mail' })).toBeTruthy();
    (element as unknown as { identify(token: string): void }).identify('a.b.c');
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'E-mail' })).toBeNull());
    fillTicket(screen);
    const xhr = await sendAndAnswer(screen, 201, { ok: true, ticket: {} });
    expect(xhr.headers.Authorization).toBe('Bearer a.b.c');
  });

  it('sends no Authorization header without a token', async () => {
    const { screen } = await mountElement();
    type(screen.getByRole('textbox', { name: 'E-mail' }), 'ana@example.com');
    type(screen.getByRole('textbox', { name: 'Nome' }), 'Ana');
    fillTicket(screen);
    const xhr = await sendAndAnswer(screen, 201, { ok: true, ticket: {} });
    expect(xhr.headers.Authorization).toBeUndefined();
  });
});

describe('bot checks', () => {
  it('renders a honeypot people never meet: off-screen, hidden from screen readers, out of the tab order', async () => {
    const { shadow, screen } = await mountElement();
    const trap = shadow.querySelector<HTMLInputElement>(`input[name="${PROTECTION.honeypotField}"]`)!;
    expect(trap.tabIndex).toBe(-1);
    expect(trap.getAttribute('autocomplete')).toBe('off');
    expect(trap.closest('[aria-hidden="true"]')).toBeTruthy();
    expect(trap.closest('.hp')).toBeTruthy();
    // Not in the accessibility tree: no role query finds it.
    expect(screen.getAllByRole('textbox').some((box) => box === trap)).toBe(false);
  });

  it('sends the honeypot only when something filled it', async () => {
    const { screen, shadow } = await mountElement({ identity: 'a.b.c' });
    fillTicket(screen);
    const clean = await sendAndAnswer(screen, 400, { ok: false, error: { code: 'internal', message: 'x' } });
    expect(clean.body!.has(PROTECTION.honeypotField)).toBe(false);
    type(shadow.querySelector<HTMLInputElement>(`input[name="${PROTECTION.honeypotField}"]`)!, 'http://spam.example');
    fireEvent.click(screen.getByRole('button', { name: 'Tentar de novo' }));
    const trapped = FakeXhr.last();
    await waitFor(() => expect(trapped.method).toBe('POST'));
    expect(trapped.body!.get(PROTECTION.honeypotField)).toBe('http://spam.example');
  });

  it('fetches a challenge with the form and sends its proofs; each send gets fresh ones', async () => {
    const challenges: string[] = [];
    const schema = serveSchema();
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        if (!url.endsWith('/api/challenge')) return schema(url, init);
        challenges.push(url);
        return { ok: true, json: async () => ({ token: `token-${challenges.length}` }) };
      }),
    );
    const { screen } = await mountElement({ identity: 'a.b.c', endpoint: 'https://help.example' });
    expect(challenges).toEqual(['https://help.example/api/challenge']);
    fillTicket(screen);
    const first = await sendAndAnswer(screen, 400, { ok: false, error: { code: 'internal', message: 'x' } });
    expect(first.headers[PROTECTION.formTokenHeader]).toBe('token-1');
    await waitFor(() => expect(challenges).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'Tentar de novo' }));
    const second = FakeXhr.last();
    await waitFor(() => expect(second.method).toBe('POST'));
    expect(second.headers[PROTECTION.formTokenHeader]).toBe('token-2');
  });

  it('waits for proofs still being made, and can be cancelled meanwhile', async () => {
    let answer: (value: unknown) => void = () => undefined;
    const schema = serveSchema();
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) =>
        url.endsWith('/api/challenge') ? { ok: true, json: () => new Promise((resolve) => (answer = resolve)) } : schema(url, init),
      ),
    );
    const { screen } = await mountElement({ identity: 'a.b.c' });
    fillTicket(screen);
    fireEvent.click(screen.getByRole('button', { name: 'Enviar' }));
    const xhr = FakeXhr.last();
    expect(xhr.method).toBe('');
    expect(within(screen.getByRole('progressbar').parentElement!).getByRole('button', { name: 'Cancelar' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancelar' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Envio cancelado.');
    answer({ token: 'late' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(xhr.method).toBe('');
  });
});
