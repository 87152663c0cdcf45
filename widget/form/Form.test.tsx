import { act, fireEvent, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { FakeXhr } from '../testing/fakeXhr.ts';
import { describedBy, fillValidTicket, type } from '../testing/formActions.ts';
import { mountElement, type TomTicketMethods } from '../testing/mountElement.ts';
import { serveSchema } from '../testing/schema.ts';
import { useWidgetTestEnvironment } from '../testing/setup.ts';

useWidgetTestEnvironment();

describe('sending', () => {
  it('locks the form, shows upload progress, and cannot be sent twice', async () => {
    const { screen, shadow } = await mountElement();
    fillValidTicket(screen);
    const send = screen.getByRole('button', { name: 'Enviar' });
    fireEvent.click(send);
    fireEvent.submit(send.closest('form')!);
    expect(FakeXhr.requests).toHaveLength(1);
    expect(shadow.querySelector('fieldset')!.disabled).toBe(true);
    const request = await FakeXhr.sent();
    act(() => request.progress(42, 100));
    expect(screen.getByText('Enviando… 42%')).toBeTruthy();
    expect((shadow.querySelector('progress[part=progress]') as HTMLProgressElement).value).toBe(42);
    await waitFor(() => expect(shadow.activeElement).toBe(screen.getByRole('button', { name: 'Cancelar' })));
  });
});

describe('department switching', () => {
  it('updates categories and custom fields, keeps what was typed, and restores custom values by id', async () => {
    const { screen } = await mountElement();
    expect(screen.queryByRole('combobox', { name: 'Categoria' })).toBeNull();
    type(screen.getByRole('textbox', { name: 'Assunto' }), 'Título');
    type(screen.getByRole('textbox', { name: 'Mensagem' }), 'Mensagem longa');
    const department = screen.getByRole('combobox', { name: 'Departamento' });

    type(department, 'd1');
    const category = screen.getByRole('combobox', { name: 'Categoria' }) as HTMLSelectElement;
    expect([...category.options].map((o) => o.text)).toEqual(['Selecione', 'Webcam', 'Teclado']);
    expect(screen.queryByRole('textbox', { name: 'Modelo da webcam' })).toBeNull();
    type(category, 'c1');
    expect(screen.getByRole('textbox', { name: 'Modelo da webcam' })).toBeTruthy();
    type(screen.getByRole('textbox', { name: 'Pedido' }), 'A-1');

    type(department, 'd2');
    expect(screen.queryByRole('combobox', { name: 'Categoria' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Pedido' })).toBeNull();
    expect((screen.getByRole('textbox', { name: 'Assunto' }) as HTMLInputElement).value).toBe('Título');
    expect((screen.getByRole('textbox', { name: 'Mensagem' }) as HTMLTextAreaElement).value).toBe('Mensagem longa');

    type(department, 'd1');
    expect((screen.getByRole('textbox', { name: 'Pedido' }) as HTMLInputElement).value).toBe('A-1');
  });
});

describe('server errors', () => {
  it('puts an error about a custom field next to that field and focuses it', async () => {
    const { screen, shadow } = await mountElement();
    fillValidTicket(screen);
    fireEvent.click(screen.getByRole('button', { name: 'Enviar' }));
    (await FakeXhr.sent()).respond(400, {
      ok: false,
      error: { code: 'invalid_value', message: 'bad value', field: 'fields[order]' },
    });
    const order = screen.getByRole('textbox', { name: 'Pedido' });
    await waitFor(() => expect(order.getAttribute('aria-invalid')).toBe('true'));
    expect(describedBy(order, shadow)).toContain('Valor inválido');
    expect(screen.queryByRole('alert')).toBeNull();
    await waitFor(() => expect(shadow.activeElement).toBe(order));
    type(order, 'A-2');
    expect(order.getAttribute('aria-invalid')).toBeNull();
  });

  it("shows TomTicket's own message for upstream_rejected in a form-level alert", async () => {
    const { screen } = await mountElement();
    fillValidTicket(screen);
    fireEvent.click(screen.getByRole('button', { name: 'Enviar' }));
    (await FakeXhr.sent()).respond(422, {
      ok: false,
      error: { code: 'upstream_rejected', message: 'Cliente bloqueado pelo TomTicket' },
    });
    expect((await screen.findByRole('alert')).textContent).toContain('Cliente bloqueado pelo TomTicket');
  });

  it('keeps everything after a network failure and retries with the same Idempotency-Key', async () => {
    const { screen } = await mountElement();
    fillValidTicket(screen);
    fireEvent.click(screen.getByRole('button', { name: 'Enviar' }));
    const first = FakeXhr.last();
    // The request goes out once its proofs are ready.
    await waitFor(() => expect(first.method).toBe('POST'));
    first.fail();
    expect((await screen.findByRole('alert')).textContent).toContain('Sem conexão. Tente de novo.');
    expect((screen.getByRole('textbox', { name: 'Assunto' }) as HTMLInputElement).value).toBe('Webcam não liga');
    expect((screen.getByRole('checkbox', { name: 'Aceito os termos' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Tentar de novo' }));
    expect(FakeXhr.requests).toHaveLength(2);
    await waitFor(() => expect(FakeXhr.last().method).toBe('POST'));
    expect(FakeXhr.last().headers['Idempotency-Key']).toBe(first.headers['Idempotency-Key']);
    expect(first.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('names each failure by its code, with a generic text for codes it does not know', async () => {
    const { screen } = await mountElement();
    fillValidTicket(screen);
    const cases: Array<[number, unknown, Record<string, string>, string]> = [
      [502, { ok: false, error: { code: 'upstream_unavailable', message: 'x' } }, {}, 'Suporte indisponível'],
      [504, { ok: false, error: { code: 'upstream_timeout', message: 'x' } }, {}, 'O suporte não respondeu'],
      [429, { ok: false, error: { code: 'rate_limited', message: 'x' } }, { 'Retry-After': '120' }, 'Tente em 2 min'],
      [413, '<html>too large</html>', {}, 'Envio acima de 25 MB'],
      [401, { ok: false, error: { code: 'identity_expired', message: 'x' } }, {}, 'Algo deu errado'],
    ];
    for (const [status, body, headers, text] of cases) {
      fireEvent.click(screen.getByRole('button', { name: 'Enviar' }));
      (await FakeXhr.sent()).respond(status, body, headers);
      expect((await screen.findByRole('alert')).textContent).toContain(text);
    }
  });

  it('can cancel an upload and says so', async () => {
    const { screen } = await mountElement();
    fillValidTicket(screen);
    fireEvent.click(screen.getByRole('button', { name: 'Enviar' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancelar' }));
    expect(FakeXhr.last().aborted).toBe(true);
    expect((await screen.findByRole('alert')).textContent).toContain('Envio cancelado.');
    expect(screen.getByRole('button', { name: 'Enviar' }).closest('fieldset')!.disabled).toBe(false);
  });
});

describe('loading', () => {
  /** Mounts a form whose `GET /api/form` waits until `answer()`; `element` and `screen` are usable before it. */
  async function mountWithSchemaOnHold(attributes: Record<string, string> = {}, status = 200) {
    let answer: (() => void) | undefined;
    const schema = serveSchema(undefined, status);
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        if (url.endsWith('/api/form')) await new Promise<void>((resolve) => (answer = resolve));
        return schema(url, init);
      }),
    );
    const element = document.createElement('tomticket-form') as HTMLElement & TomTicketMethods;
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    document.body.append(element);
    const shadow = element.shadowRoot!;
    const screen = within(shadow.firstElementChild as HTMLElement);
    // Drawn in the microtask after it is added, before any answer; the schema is asked for just after.
    await screen.findByRole('textbox', { name: 'E-mail' });
    await waitFor(() => expect(answer).toBeDefined());
    return { element, shadow, screen, answer: () => answer!() };
  }

  it('draws the fields that need no schema at once, and sends only once the schema arrived', async () => {
    const { screen, shadow, answer } = await mountWithSchemaOnHold();
    for (const name of ['E-mail', 'Nome', 'Assunto', 'Mensagem']) expect(screen.getByRole('textbox', { name })).toBeTruthy();
    const priority = screen.getByRole('combobox', { name: 'Prioridade' }) as HTMLSelectElement;
    expect([...priority.options].map((o) => o.text)).toEqual(['Baixa', 'Normal', 'Alta', 'Urgente']);
    expect(priority.value).toBe('1');
    expect(screen.getByRole('button', { name: 'Arraste, cole ou clique para anexar' })).toBeTruthy();
    expect(screen.getByText('0 / 250')).toBeTruthy();
    expect(screen.queryByRole('combobox', { name: 'Departamento' })).toBeNull();

    const send = screen.getByRole('button', { name: 'Enviar' });
    expect(send.getAttribute('aria-disabled')).toBe('true');
    expect(describedBy(send, shadow)).toEqual(['Carregando o formulário; o envio fica disponível em seguida.']);
    type(screen.getByRole('textbox', { name: 'Assunto' }), 'Escrito antes');
    fireEvent.click(send);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(FakeXhr.requests).toHaveLength(0);
    expect(screen.queryByText('Obrigatório')).toBeNull();

    answer();
    await waitFor(() => expect(send.getAttribute('aria-disabled')).toBeNull());
    expect(send.getAttribute('aria-describedby')).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByRole('combobox', { name: 'Departamento' })).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Assunto' }) as HTMLInputElement).value).toBe('Escrito antes');
  });

  it('restores a draft and takes prefilled values before the schema arrives', async () => {
    const key = `tomticket-form:${location.pathname}#early`;
    localStorage.setItem(key, JSON.stringify({ title: 'Do rascunho', department: 'd1', 'fields[order]': 'A-9' }));
    const { element, screen, answer } = await mountWithSchemaOnHold({ id: 'early', email: 'ana@example.com' });
    // Restored just after the first render, before the schema.
    await waitFor(() => expect((screen.getByRole('textbox', { name: 'Assunto' }) as HTMLInputElement).value).toBe('Do rascunho'));
    expect((screen.getByRole('textbox', { name: 'E-mail' }) as HTMLInputElement).value).toBe('ana@example.com');
    element.prefill({ message: 'Preenchido pelo site', priority: 3 });
    await waitFor(() => expect((screen.getByRole('textbox', { name: 'Mensagem' }) as HTMLInputElement).value).toBe('Preenchido pelo site'));
    answer();
    const order = (await screen.findByRole('textbox', { name: 'Pedido' })) as HTMLInputElement;
    expect(order.value).toBe('A-9');
    expect((screen.getByRole('combobox', { name: 'Departamento' }) as HTMLSelectElement).value).toBe('d1');
    expect((screen.getByRole('combobox', { name: 'Prioridade' }) as HTMLSelectElement).value).toBe('3');
  });

  it('offers to retry when the form cannot be loaded, keeping what was typed', async () => {
    const { screen, shadow, answer } = await mountWithSchemaOnHold({}, 502);
    type(screen.getByRole('textbox', { name: 'Assunto' }), 'Não perca isto');
    answer();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Falha ao carregar o formulário.');
    const send = screen.getByRole('button', { name: 'Enviar' });
    expect(send.getAttribute('aria-disabled')).toBe('true');
    expect(describedBy(send, shadow)[0]).toContain('Falha ao carregar o formulário.');
    expect((screen.getByRole('textbox', { name: 'Assunto' }) as HTMLInputElement).value).toBe('Não perca isto');

    vi.stubGlobal('fetch', vi.fn(serveSchema()));
    fireEvent.click(within(alert).getByRole('button', { name: 'Tentar de novo' }));
    await waitFor(() => expect(send.getAttribute('aria-disabled')).toBeNull());
    expect(screen.queryByRole('alert')).toBeNull();
    expect((screen.getByRole('textbox', { name: 'Assunto' }) as HTMLInputElement).value).toBe('Não perca isto');
  });
});
