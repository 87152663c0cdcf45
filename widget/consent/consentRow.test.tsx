import { fireEvent, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { ConsentSchema } from '../../contract/index.ts';
import { FakeXhr } from '../testing/fakeXhr.ts';
import { fillValidTicket } from '../testing/formActions.ts';
import { mountElement } from '../testing/mountElement.ts';
import { serveSchema, testSchema } from '../testing/schema.ts';
import { useWidgetTestEnvironment } from '../testing/setup.ts';

useWidgetTestEnvironment();

const CONSENT: ConsentSchema = {
  version: 'v1',
  texts: {
    'pt-BR': { text: 'Li e aceito a [Política de Privacidade].', url: 'https://loja.example.com/privacidade' },
    en: { text: 'I accept the [Privacy Policy] of the shop.', url: 'https://loja.example.com/privacy' },
    es: { text: 'Acepto la [Política de Privacidad].', url: 'https://loja.example.com/privacidad' },
  },
};

/** The names of the parts of the last request sent. */
const sentNames = () => [...(FakeXhr.last().body as FormData).keys()];

describe('the consent and the note on what is sent', () => {
  it('asks for the consent as a required checkbox linking to the policy, and blocks sending until it is ticked', async () => {
    vi.stubGlobal('fetch', vi.fn(serveSchema({ ...testSchema(), consent: CONSENT })));
    const { screen, shadow } = await mountElement();
    const checkbox = screen.getByRole('checkbox', { name: 'Li e aceito a Política de Privacidade.' }) as HTMLInputElement;
    expect(checkbox.required).toBe(true);
    const link = screen.getByRole('link', { name: 'Política de Privacidade' }) as HTMLAnchorElement;
    expect(link.href).toBe('https://loja.example.com/privacidade');
    expect(link.target).toBe('_blank');
    // Right above Send, after the attachments, with the note on what is sent before it.
    const rows = [...shadow.querySelectorAll('fieldset > :not(.hp)')].map((node) => node.getAttribute('part') ?? node.tagName);
    expect(rows.slice(-3)).toEqual(['note', 'field', 'button submit']);

    fillValidTicket(screen);
    fireEvent.click(screen.getByRole('button', { name: 'Enviar' }));
    expect(FakeXhr.requests).toHaveLength(0);
    await waitFor(() => expect(checkbox.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Marque esta caixa para enviar: precisamos do seu consentimento.')).toBeTruthy();
    // Nothing typed is lost.
    expect((screen.getByRole('textbox', { name: 'Mensagem' }) as HTMLTextAreaElement).value).toBe('Desde ontem.');
    expect(shadow.activeElement).toBe(checkbox);

    fireEvent.click(checkbox);
    fireEvent.click(screen.getByRole('button', { name: 'Enviar' }));
    await FakeXhr.sent();
    expect((FakeXhr.last().body as FormData).get('consent')).toBe('true');
  });

  it('shows the consent in the form\'s language, and a server\'s refusal of it next to the checkbox', async () => {
    vi.stubGlobal('fetch', vi.fn(serveSchema({ ...testSchema(), consent: CONSENT })));
    const { screen } = await mountElement({ lang: 'en' });
    const checkbox = screen.getByRole('checkbox', { name: 'I accept the Privacy Policy of the shop.' });
    expect((screen.getByRole('link', { name: 'Privacy Policy' }) as HTMLAnchorElement).href).toBe('https://loja.example.com/privacy');
    type();
    fireEvent.click(checkbox);
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    (await FakeXhr.sent()).respond(400, { ok: false, error: { code: 'required', message: 'The consent is required.', field: 'consent' } });
    await waitFor(() => expect(checkbox.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Tick this box to send: we need your consent.')).toBeTruthy();

    function type() {
      fireEvent.input(screen.getByRole('textbox', { name: 'Email' }), { target: { value: 'ana@example.com' } });
      fireEvent.input(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Ana' } });
      fireEvent.input(screen.getByRole('combobox', { name: 'Department' }), { target: { value: 'd2' } });
      fireEvent.input(screen.getByRole('textbox', { name: 'Subject' }), { target: { value: 'Invoice' } });
      fireEvent.input(screen.getByRole('textbox', { name: 'Message' }), { target: { value: 'Where is it?' } });
    }
  });

  it('says in one line what is sent besides what was typed, and with context="off" neither says nor sends it', async () => {
    const on = await mountElement({ id: 'on' });
    expect(on.screen.getByText(/^Com o chamado enviamos o endereço e o título desta página, o navegador/)).toBeTruthy();
    fillValidTicket(on.screen);
    fireEvent.click(on.screen.getByRole('button', { name: 'Enviar' }));
    await FakeXhr.sent();
    expect(sentNames()).toContain('context[page]');

    const off = await mountElement({ id: 'off', context: 'off' });
    expect(off.shadow.querySelector('[part=note]')).toBeNull();
    fillValidTicket(off.screen);
    fireEvent.click(off.screen.getByRole('button', { name: 'Enviar' }));
    await waitFor(() => expect(FakeXhr.requests).toHaveLength(2));
    await FakeXhr.sent();
    expect(sentNames().filter((name) => name.startsWith('context['))).toEqual([]);
  });
});
