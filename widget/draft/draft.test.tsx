import { fireEvent, waitFor } from '@testing-library/dom';
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
    expect(valueOf(second.element, 'title')).toBe('Rascunho');
    expect(valueOf(second.element, 'fields[order]')).toBe('A-7');
  });

  it('keys drafts per form: by id, else by position among the forms of the page', async () => {
    localStorage.setItem(`tomticket-form:${location.pathname}#1`, JSON.stringify({ title: 'Do segundo' }));
    const first = await mountElement();
    const second = await mountElement();
    expect(valueOf(first.element, 'title')).toBe('');
    expect(valueOf(second.element, 'title')).toBe('Do segundo');
  });

  it('is cleared when the ticket is created', async () => {
    localStorage.setItem(
      KEY,
      JSON.stringify({ email: 'a@b.co', name: 'A', department: 'd2', title: 'T', message: 'M' }),
    );
    const { screen } = await mountElement({ id: 'support' });
    fireEvent.click(screen.getByRole('button', { name: 'Enviar' }));
    FakeXhr.last().respond(201, { ok: true, ticket: { protocol: 5 } });
    await screen.findByText('Chamado nº 5 criado');
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it('keeps the Idempotency-Key of a ticket whose send failed, so a retry after a reload is the same ticket', async () => {
    localStorage.setItem(
      KEY,
      JSON.stringify({ email: 'a@b.co', name: 'A', department: 'd2', title: 'T', message: 'M' }),
    );
    const first = await mountElement({ id: 'support' });
    fireEvent.click(first.screen.getByRole('button', { name: 'Enviar' }));
    const lost = FakeXhr.last();
    await waitFor(() => expect(lost.method).toBe('POST'));
    lost.fail();
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
