import { fireEvent, waitFor } from '@testing-library/preact';
import { options, type VNode } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeXhr } from '../testing/fakeXhr.ts';
import { describedBy, type } from '../testing/formActions.ts';
import { serveSchema, testSchema } from '../testing/schema.ts';
import { mountElement } from '../testing/mountElement.ts';
import { useWidgetTestEnvironment } from '../testing/setup.ts';

useWidgetTestEnvironment();

/** Records the name of every widget component Preact renders from now on (not @preact/signals' own text nodes). */
function recordRenders() {
  const rendered: string[] = [];
  const previous = options.diffed;
  options.diffed = (vnode: VNode) => {
    if (typeof vnode.type === 'function' && /^[A-Z]/.test(vnode.type.name)) rendered.push(vnode.type.name);
    previous?.(vnode);
  };
  stopRecording = () => (options.diffed = previous);
  return rendered;
}
let stopRecording = () => {};
afterEach(() => stopRecording());

describe('Field', () => {
  it('a keystroke updates the value, the counter and the meter it shows without rendering any component again', async () => {
    const { screen, shadow } = await mountElement();
    const rendered = recordRenders();
    const meter = shadow.querySelector('[part=meter] progress') as HTMLProgressElement;
    const before = meter.value;
    fireEvent.input(screen.getByRole('textbox', { name: 'Assunto' }), { target: { value: 'abc' } });
    expect(screen.getByText('3 / 250')).toBeTruthy();
    expect(meter.value).toBeGreaterThan(before);
    expect(rendered).toEqual([]);
  });

  it('renders only the field whose problem changed, through its hooks', async () => {
    const { screen } = await mountElement();
    const rendered = recordRenders();
    const title = screen.getByRole('textbox', { name: 'Assunto' });
    fireEvent.blur(title);
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(rendered).toEqual(['Field']);
    rendered.length = 0;
    fireEvent.input(screen.getByRole('textbox', { name: 'Mensagem' }), { target: { value: 'typing elsewhere' } });
    expect(rendered).toEqual([]);
    fireEvent.input(title, { target: { value: 'fixed' } });
    expect(title.getAttribute('aria-invalid')).toBeNull();
    expect(rendered).toEqual(['Field']);
  });
});

describe('counters', () => {
  it('shows n / 250 for the title as the customer types, counted as the server counts (UTF-8 bytes by default)', async () => {
    const { screen } = await mountElement();
    const title = screen.getByRole('textbox', { name: 'Assunto' });
    expect(screen.getByText('0 / 250')).toBeTruthy();
    type(title, 'Olá 👋');
    expect(screen.getByText('9 / 250')).toBeTruthy();
  });

  it('counts in characters when the schema says so, and the message as it is sent (a typed < is &lt;)', async () => {
    vi.stubGlobal('fetch', vi.fn(serveSchema({ ...testSchema(), textRules: { messageFormat: 'html', lengthUnit: 'chars' } })));
    const { screen } = await mountElement();
    type(screen.getByRole('textbox', { name: 'Assunto' }), 'Olá 👋');
    expect(screen.getByText('5 / 250')).toBeTruthy();
    type(screen.getByRole('textbox', { name: 'Mensagem' }), 'a < b\nc');
    // a, space, &lt; (4), space, b, <br> (4), c
    expect(screen.getByText('13 / 1024')).toBeTruthy();
  });

  it('shows n / 1024 for the message and the error as soon as it is over the limit', async () => {
    const { screen, shadow } = await mountElement();
    const message = screen.getByRole('textbox', { name: 'Mensagem' });
    type(message, 'x'.repeat(1024));
    expect(screen.getByText('1024 / 1024')).toBeTruthy();
    expect(message.getAttribute('aria-invalid')).toBeNull();
    type(message, 'x'.repeat(1025));
    expect(screen.getByText('1025 / 1024')).toBeTruthy();
    expect(message.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(message, shadow)).toEqual(['1025 / 1024', 'Máximo de 1024 caracteres']);
  });
});

describe('validation', () => {
  it('says nothing before a field is left, then shows the problem tied to the field', async () => {
    const { screen, shadow } = await mountElement();
    const title = screen.getByRole('textbox', { name: 'Assunto' });
    expect(screen.queryByText('Obrigatório')).toBeNull();
    fireEvent.blur(title);
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(title, shadow)).toContain('Obrigatório');
    type(title, 'Algo');
    expect(title.getAttribute('aria-invalid')).toBeNull();
  });

  it('checks the e-mail format', async () => {
    const { screen } = await mountElement();
    const email = screen.getByRole('textbox', { name: 'E-mail' });
    type(email, 'ana@');
    fireEvent.blur(email);
    expect(screen.getByText('E-mail inválido')).toBeTruthy();
    type(email, 'ana@example.com');
    expect(screen.queryByText('E-mail inválido')).toBeNull();
  });

  it('draws each custom field type with its rules, help and required marks', async () => {
    const { screen, shadow } = await mountElement();
    type(screen.getByRole('combobox', { name: 'Departamento' }), 'd1');
    const order = screen.getByRole('textbox', { name: 'Pedido' });
    expect(order.hasAttribute('required')).toBe(true);
    expect(describedBy(order, shadow)).toEqual(['Número do pedido', '0 / 10']);
    type(order, '12345678901');
    expect(describedBy(order, shadow)).toContain('Máximo de 10 caracteres');

    const quantity = screen.getByRole('spinbutton', { name: 'Quantidade' });
    type(quantity, '11');
    fireEvent.blur(quantity);
    expect(describedBy(quantity, shadow)).toContain('Valor inválido');
    type(quantity, '3');
    expect(quantity.getAttribute('aria-invalid')).toBeNull();

    const other = screen.getByRole('textbox', { name: 'Outro e-mail' });
    type(other, 'nope');
    fireEvent.blur(other);
    expect(describedBy(other, shadow)).toContain('E-mail inválido');

    expect(shadow.querySelector('input[type=date][name="fields[when]"]')).toBeTruthy();
    const os = screen.getByRole('combobox', { name: 'Sistema' }) as HTMLSelectElement;
    expect([...os.options].map((o) => o.text)).toEqual(['Selecione', 'Windows', 'macOS']);

    const terms = screen.getByRole('checkbox', { name: 'Aceito os termos' });
    fireEvent.blur(terms);
    expect(describedBy(terms, shadow)).toContain('Obrigatório');
    fireEvent.click(terms);
    expect(terms.getAttribute('aria-invalid')).toBeNull();
  });

  it('on submit shows every problem, moves the focus to the first and sends nothing', async () => {
    const { screen, shadow } = await mountElement();
    fireEvent.click(screen.getByRole('button', { name: 'Enviar' }));
    await waitFor(() => expect(shadow.activeElement).toBe(screen.getByRole('textbox', { name: 'E-mail' })));
    expect(screen.getAllByText('Obrigatório')).toHaveLength(5);
    expect(FakeXhr.requests).toHaveLength(0);
  });
});

describe('priority', () => {
  it('is a labelled choice of the four TomTicket priorities, preselected from the schema', async () => {
    const { screen } = await mountElement();
    const priority = screen.getByRole('combobox', { name: 'Prioridade' }) as HTMLSelectElement;
    expect([...priority.options].map((o) => o.text)).toEqual(['Baixa', 'Normal', 'Alta', 'Urgente']);
    expect(priority.value).toBe('1');
  });
});
