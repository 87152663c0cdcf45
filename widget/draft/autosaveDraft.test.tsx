import { act, fireEvent, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { FakeXhr } from '../testing/fakeXhr.ts';
import { mountElement } from '../testing/mountElement.ts';
import { useWidgetTestEnvironment } from '../testing/setup.ts';

useWidgetTestEnvironment();

const KEY = `tomticket-form:${location.pathname}#support`;
const valueOf = (element: Element, name: string) =>
  (element.shadowRoot!.querySelector(`[name="${name}"]`) as HTMLInputElement).value;

describe('draft of the form', () => {
  it('saves text, choices and custom fields as the customer types and restores them after a reload', async () => {
    const first = await mountElement({ id: 'support' });
    fireEvent.input(first.screen.getByRole('textbox', { name: 'Assunto' }), { target: { value: 'Rascunho' } });
    fireEvent.input(first.screen.getByRole('combobox', { name: 'Departamento' }), { target: { value: 'd1' } });
    fireEvent.input(first.screen.getByRole('textbox', { name: 'Pedido' }), { target: { value: 'A-7' } });
    await waitFor(() => expect(JSON.parse(localStorage.getItem(KEY) ?? '{}').title).toBe('Rascunho'));
    expect(JSON.parse(localStorage.getItem(KEY)!)).toMatchObject({ department: 'd1', 'fields[order]': 'A-7' });

    document.body.replaceChildren();
    const second = await mountElement({ id: 'support' });
    await waitFor(() => expect(valueOf(second.element, 'title')).toBe('Rascunho'));
    expect(valueOf(second.element, 'fields[order]')).toBe('A-7');
  });

  it('keys a draft by the draft-key attribute, else by the page path and the element id', async () => {
    localStorage.setItem('tomticket-form:key:help', JSON.stringify({ title: 'Pela chave' }));
    localStorage.setItem(`tomticket-form:${location.pathname}#orders`, JSON.stringify({ title: 'Pelo id' }));
    const named = await mountElement({ 'draft-key': 'help', id: 'orders' });
    const byId = await mountElement({ id: 'orders-2' });
    expect(valueOf(named.element, 'title')).toBe('Pela chave');
    expect(valueOf(byId.element, 'title')).toBe('');
    document.body.replaceChildren();
    expect(valueOf((await mountElement({ id: 'orders' })).element, 'title')).toBe('Pelo id');
  });

  it('keeps no draft for two forms that cannot be told apart, rather than share one', async () => {
    const path = `tomticket-form:${location.pathname}#`;
    localStorage.setItem(path, JSON.stringify({ title: 'De um só' }));
    // Two elements without id or draft-key, as a page's markup brings them: neither restores nor saves.
    const twins = [document.createElement('tomticket-form'), document.createElement('tomticket-form')];
    document.body.append(...twins);
    const titles = await Promise.all(twins.map((twin) => within(twin.shadowRoot!.firstElementChild as HTMLElement).findByRole('textbox', { name: 'Assunto' })));
    expect(titles.map((title) => (title as HTMLInputElement).value)).toEqual(['', '']);
    fireEvent.input(titles[0]!, { target: { value: 'Só no primeiro' } });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(JSON.parse(localStorage.getItem(path)!)).toEqual({ title: 'De um só' });
    // The same goes for two mount() hosts; a draftKey tells them apart.
    const hosts = [document.createElement('div'), document.createElement('div'), document.createElement('div')];
    document.body.append(...hosts);
    localStorage.setItem('tomticket-form:key:help', JSON.stringify({ title: 'Pela chave' }));
    const handles = hosts.map((host, index) => window.TomTicketForm!.mount(host, index === 2 ? { draftKey: 'help' } : {}));
    const mountedTitles = await Promise.all(hosts.map((host) => within(host.shadowRoot!.firstElementChild as HTMLElement).findByRole('textbox', { name: 'Assunto' })));
    // A draft is restored just after the first render.
    await waitFor(() => expect(mountedTitles.map((title) => (title as HTMLInputElement).value)).toEqual(['', '', 'Pela chave']));
    handles.forEach((handle) => handle.destroy());
  });

  it('restores the draft of the one form on a page without an id', async () => {
    localStorage.setItem(`tomticket-form:${location.pathname}#`, JSON.stringify({ title: 'De um só' }));
    const { element } = await mountElement();
    await waitFor(() => expect(valueOf(element, 'title')).toBe('De um só'));
  });

  it('is cleared when the ticket is created', async () => {
    localStorage.setItem(
      KEY,
      JSON.stringify({ email: 'a@b.co', name: 'A', department: 'd2', title: 'T', message: 'M' }),
    );
    const { screen } = await mountElement({ id: 'support' });
    fireEvent.click(screen.getByRole('button', { name: 'Enviar' }));
    (await FakeXhr.sent()).respond(201, { ok: true, ticket: { protocol: 5 } });
    await screen.findByText('Número do chamado');
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it('keeps the Idempotency-Key of a ticket whose send failed, so a retry after a reload is the same ticket', async () => {
    localStorage.setItem(
      KEY,
      JSON.stringify({ email: 'a@b.co', name: 'A', department: 'd2', title: 'T', message: 'M' }),
    );
    const first = await mountElement({ id: 'support' });
    fireEvent.click(first.screen.getByRole('button', { name: 'Enviar' }));
    const lost = await FakeXhr.sent();
    act(() => lost.fail());
    await first.screen.findByRole('alert');
    await waitFor(() => expect(JSON.parse(localStorage.getItem(KEY)!).key).toBe(lost.headers['Idempotency-Key']));

    document.body.replaceChildren();
    const second = await mountElement({ id: 'support' });
    fireEvent.click(second.screen.getByRole('button', { name: 'Enviar' }));
    expect(FakeXhr.last()).not.toBe(lost);
    await waitFor(() => expect(FakeXhr.last().method).toBe('POST'));
    expect(FakeXhr.last().headers['Idempotency-Key']).toBe(lost.headers['Idempotency-Key']);
    expect(FakeXhr.last().body?.get('key')).toBeNull();
  });

  it('ignores garbage left in storage', async () => {
    localStorage.setItem(KEY, '{"title": ');
    const { element } = await mountElement({ id: 'support' });
    expect(valueOf(element, 'title')).toBe('');
  });
});
