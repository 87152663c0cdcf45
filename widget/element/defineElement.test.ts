import { act, fireEvent, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { FakeXhr } from '../testing/fakeXhr.ts';
import { mountElement } from '../testing/mountElement.ts';
import { useWidgetTestEnvironment } from '../testing/setup.ts';

useWidgetTestEnvironment();

const valueOf = (screen: Awaited<ReturnType<typeof mountElement>>['screen'], role: string, name: string) =>
  (screen.getByRole(role, { name }) as HTMLInputElement).value;

/** Records every tomticket:* event that reaches the document. */
function recordEvents() {
  const seen: Array<{ type: string; detail: unknown; target: EventTarget | null }> = [];
  for (const type of ['ready', 'submit', 'success', 'error']) {
    document.addEventListener(`tomticket:${type}`, (event) =>
      seen.push({ type, detail: (event as CustomEvent).detail, target: event.target }),
    );
  }
  return seen;
}

describe('<tomticket-form> attributes', () => {
  it('prefills e-mail and name, preselects and locks the department', async () => {
    const { screen } = await mountElement({
      email: 'ana@example.com',
      name: 'Ana',
      department: 'd1',
      'department-locked': '',
    });
    expect(valueOf(screen, 'textbox', 'E-mail')).toBe('ana@example.com');
    expect(valueOf(screen, 'textbox', 'Nome')).toBe('Ana');
    expect(screen.queryByRole('combobox', { name: 'Departamento' })).toBeNull();
    expect(screen.getByRole('combobox', { name: 'Categoria' })).toBeTruthy();
  });

  it('follows attribute changes after mount', async () => {
    const { element, screen, shadow } = await mountElement();
    act(() => element.setAttribute('email', 'novo@example.com'));
    expect(valueOf(screen, 'textbox', 'E-mail')).toBe('novo@example.com');
    act(() => element.setAttribute('lang', 'es'));
    expect(screen.getByRole('button', { name: 'Enviar' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Asunto' })).toBeTruthy();
    act(() => element.setAttribute('theme', 'dark'));
    expect(shadow.firstElementChild!.className).toContain('dark');
    act(() => element.setAttribute('endpoint', 'https://support.example.com/'));
    await waitFor(() => expect(fetch).toHaveBeenLastCalledWith('https://support.example.com/api/form', expect.anything()));
  });

  it('loads the schema from the endpoint attribute', async () => {
    await mountElement({ endpoint: 'https://help.example.org/tt' });
    expect(fetch).toHaveBeenCalledWith('https://help.example.org/tt/api/form', expect.anything());
  });
});

describe('<tomticket-form> styling', () => {
  it('styles through adopted stylesheets only: no <style> and no style attribute a CSP would block', async () => {
    const { shadow } = await mountElement();
    expect(shadow.mode).toBe('open');
    // The element's sheet (theme, launcher) and the form's, both constructed.
    expect(shadow.adoptedStyleSheets).toHaveLength(2);
    expect(shadow.querySelectorAll('style, [style]')).toHaveLength(0);
  });

  it('exposes the documented parts', async () => {
    const { shadow } = await mountElement();
    const parts = new Set([...shadow.querySelectorAll('[part]')].flatMap((e) => e.getAttribute('part')!.split(' ')));
    for (const part of ['form', 'field', 'label', 'input', 'textarea', 'select', 'button', 'submit', 'dropzone', 'meter']) {
      expect(parts).toContain(part);
    }
  });
});

describe('<tomticket-form> language', () => {
  it('speaks the lang attribute over the page language', async () => {
    const { screen, shadow } = await mountElement({ lang: 'en' });
    expect(screen.getByRole('textbox', { name: 'Subject' })).toBeTruthy();
    expect(shadow.firstElementChild!.getAttribute('lang')).toBe('en');
  });

  it('falls back to the page language, then pt-BR', async () => {
    document.documentElement.lang = 'es-AR';
    const spanish = await mountElement();
    expect(spanish.screen.getByRole('combobox', { name: 'Prioridad' })).toBeTruthy();
    document.body.replaceChildren();
    document.documentElement.lang = 'fr';
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('de-DE');
    const fallback = await mountElement();
    expect(fallback.screen.getByRole('combobox', { name: 'Prioridade' })).toBeTruthy();
  });

  it('takes site overrides from TomTicketForm.strings, live, and from mount options', async () => {
    const { screen } = await mountElement();
    act(() => window.TomTicketForm!.strings({ 'pt-BR': { send: 'Mandar' }, en: { send: 'Ship it' } }));
    expect(screen.getByRole('button', { name: 'Mandar' })).toBeTruthy();
    const host = document.createElement('div');
    document.body.append(host);
    const handle = window.TomTicketForm!.mount(host, { lang: 'en', strings: { en: { title: 'Topic' } } });
    const mounted = within(host.shadowRoot!.firstElementChild as HTMLElement);
    await mounted.findByRole('button', { name: 'Ship it' });
    expect(mounted.getByRole('textbox', { name: 'Topic' })).toBeTruthy();
    act(() => window.TomTicketForm!.strings({ 'pt-BR': { send: 'Enviar' }, en: { send: 'Send' } }));
    handle.destroy();
  });
});

describe('<tomticket-form> methods and events', () => {
  it('prefill() fills any field, custom ones by id; reset() empties them', async () => {
    const { element, screen } = await mountElement();
    act(() => element.prefill({
      title: 'Erro no boleto',
      message: 'Detalhes',
      priority: 3,
      department: 'd1',
      category: 'c1',
      fields: { order: 'A-9', terms: true },
      email: 'ana@example.com',
      name: 'Ana',
    }));
    expect(valueOf(screen, 'textbox', 'Assunto')).toBe('Erro no boleto');
    expect(valueOf(screen, 'textbox', 'Mensagem')).toBe('Detalhes');
    expect(valueOf(screen, 'combobox', 'Prioridade')).toBe('3');
    expect(valueOf(screen, 'combobox', 'Categoria')).toBe('c1');
    expect(valueOf(screen, 'textbox', 'Pedido')).toBe('A-9');
    expect((screen.getByRole('checkbox', { name: 'Aceito os termos' }) as HTMLInputElement).checked).toBe(true);
    act(() => element.reset());
    expect(valueOf(screen, 'textbox', 'Assunto')).toBe('');
    expect(valueOf(screen, 'combobox', 'Prioridade')).toBe('1');
    expect(valueOf(screen, 'combobox', 'Departamento')).toBe('');
  });

  it('dispatches ready, submit, success and error, bubbling out of the shadow root with details', async () => {
    const seen = recordEvents();
    const { element } = await mountElement();
    await waitFor(() => expect(seen.map((e) => e.type)).toEqual(['ready']));
    element.prefill({ email: 'a@b.co', name: 'A', department: 'd2', title: 'T', message: 'M' });
    const send = () => fireEvent.click(within(element.shadowRoot!.firstElementChild as HTMLElement).getByRole('button', { name: 'Enviar' }));
    send();
    (await FakeXhr.sent()).respond(502, { ok: false, error: { code: 'upstream_unavailable', message: 'TomTicket is down' } });
    await waitFor(() => expect(seen.at(-1)?.type).toBe('error'));
    send();
    (await FakeXhr.sent()).respond(201, { ok: true, ticket: { id: 'h1', protocol: 77 } });
    await waitFor(() => expect(seen.at(-1)?.type).toBe('success'));
    expect(seen).toEqual([
      { type: 'ready', detail: {}, target: element },
      { type: 'submit', detail: {}, target: element },
      { type: 'error', detail: { code: 'upstream_unavailable', message: 'TomTicket is down' }, target: element },
      { type: 'submit', detail: {}, target: element },
      { type: 'success', detail: { id: 'h1', protocol: 77 }, target: element },
    ]);
  });

  it('keeps two forms on one page independent', async () => {
    const first = await mountElement({ id: 'one' });
    const second = await mountElement({ id: 'two' });
    fireEvent.input(first.screen.getByRole('textbox', { name: 'Assunto' }), { target: { value: 'Só no primeiro' } });
    expect(valueOf(second.screen, 'textbox', 'Assunto')).toBe('');
    act(() => first.element.prefill({ email: 'a@b.co', name: 'A', department: 'd2', message: 'M' }));
    fireEvent.click(first.screen.getByRole('button', { name: 'Enviar' }));
    expect(FakeXhr.requests).toHaveLength(1);
    expect(second.shadow.querySelector('fieldset')!.disabled).toBe(false);
  });

  it('cleans up when removed: no timer, no pending request, no object URL, nothing rendered', async () => {
    const { element, screen, shadow } = await mountElement();
    element.prefill({ email: 'a@b.co', name: 'A', department: 'd2', title: 'T', message: 'M' });
    const zone = screen.getByRole('button', { name: 'Arraste, cole ou clique para anexar' });
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: { files: [new File(['x'], 'a.png', { type: 'image/png' })] } });
    zone.dispatchEvent(drop);
    fireEvent.click(screen.getByRole('button', { name: 'Enviar' }));
    // jsdom's own localStorage queues a timer per write (its storage event): keep the count ours.
    const saved = new Map<string, string>();
    vi.stubGlobal('localStorage', { getItem: (k: string) => saved.get(k) ?? null, setItem: (k: string, v: string) => saved.set(k, v), removeItem: (k: string) => saved.delete(k) });
    vi.useFakeTimers();
    fireEvent.input(screen.getByRole('textbox', { name: 'Mensagem' }), { target: { value: 'typed' } });
    // The fieldset is locked while sending, but the draft timer of the last change is pending.
    element.prefill({ message: 'changed' });
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    element.remove();
    expect(vi.getTimerCount()).toBe(0);
    expect(FakeXhr.last().aborted).toBe(true);
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:test/0');
    expect(shadow.childElementCount).toBe(0);
    // The pending draft was written on the way out, not lost.
    expect(JSON.parse([...saved.values()][0]!).message).toBe('changed');
  });

  it('mounts again, with its draft, when moved in the document', async () => {
    const { element, screen } = await mountElement({ id: 'moving' });
    fireEvent.input(screen.getByRole('textbox', { name: 'Assunto' }), { target: { value: 'Rascunho' } });
    const box = document.createElement('section');
    document.body.append(box);
    box.append(element);
    const again = within(element.shadowRoot!.firstElementChild as HTMLElement);
    await again.findByRole('button', { name: 'Enviar' });
    await waitFor(() => expect(valueOf(again, 'textbox', 'Assunto')).toBe('Rascunho'));
  });
});

describe('TomTicketForm global', () => {
  it('mounts into any element and destroys it again', async () => {
    expect(window.TomTicketForm!.version).toMatch(/^\d+\.\d+\.\d+/);
    const host = document.createElement('div');
    document.body.append(host);
    const handle = window.TomTicketForm!.mount(host, { lang: 'es', email: 'x@y.es' });
    const screen = within(host.shadowRoot!.firstElementChild as HTMLElement);
    await screen.findByRole('button', { name: 'Enviar' });
    expect(valueOf(screen, 'textbox', 'Correo electrónico')).toBe('x@y.es');
    act(() => handle.prefill({ title: 'Hola' }));
    expect(valueOf(screen, 'textbox', 'Asunto')).toBe('Hola');
    handle.destroy();
    expect(host.shadowRoot!.childElementCount).toBe(0);
  });
});
