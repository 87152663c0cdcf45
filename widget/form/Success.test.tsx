import { fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeXhr } from '../testing/fakeXhr.ts';
import { fillValidTicket } from '../testing/formActions.ts';
import { mountElement } from '../testing/mountElement.ts';
import { useWidgetTestEnvironment } from '../testing/setup.ts';

useWidgetTestEnvironment();

/** Sends a valid ticket that the server answers `status` with `body`; returns the form. */
async function sendAnswered(status: number, body: object) {
  const mounted = await mountElement();
  fillValidTicket(mounted.screen);
  fireEvent.click(mounted.screen.getByRole('button', { name: 'Enviar' }));
  (await FakeXhr.sent()).respond(status, body);
  return mounted;
}

/** Gives the page a clipboard whose writeText answers `answer` (jsdom has none, as a page on plain http). */
function stubClipboard(answer: () => Promise<void>) {
  const writeText = vi.fn(answer);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  return writeText;
}

afterEach(() => {
  Reflect.deleteProperty(navigator, 'clipboard');
});

describe('after a ticket was taken', () => {
  it('shows the protocol number large in the focused status, and starts over with "send another"', async () => {
    const { screen, shadow } = await sendAnswered(201, { ok: true, ticket: { id: 'h1', protocol: 123 } });
    const status = await screen.findByRole('status');
    expect(status.textContent).toBe('Chamado criadoNúmero do chamado123');
    expect(shadow.querySelector('[part=ticket-number]')!.textContent).toBe('123');
    await waitFor(() => expect(shadow.activeElement).toBe(status));
    fireEvent.click(screen.getByRole('button', { name: 'Enviar outro' }));
    expect((screen.getByRole('textbox', { name: 'Assunto' }) as HTMLInputElement).value).toBe('');
    expect(shadow.querySelector('[part=ticket-number]')).toBeNull();
  });

  it('copies the number, and says so', async () => {
    const writeText = stubClipboard(async () => {});
    const { screen } = await sendAnswered(201, { ok: true, ticket: { id: 'h1', protocol: 123 } });
    fireEvent.click(await screen.findByRole('button', { name: 'Copiar' }));
    expect(await screen.findByRole('button', { name: 'Copiado' })).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith('123');
  });

  it.each([
    ['has no clipboard', () => {}],
    ['refuses the clipboard', () => stubClipboard(() => Promise.reject(new DOMException('denied', 'NotAllowedError')))],
  ])('offers the number selected for the customer to copy when the page %s', async (_, setUp) => {
    // jsdom selects nothing inside a shadow root: e2e/look.spec.ts checks the selection in Chromium.
    setUp();
    const { screen } = await sendAnswered(201, { ok: true, ticket: { id: 'h1', protocol: 77 } });
    fireEvent.click(await screen.findByRole('button', { name: 'Copiar' }));
    expect(await screen.findByRole('button', { name: 'Selecionado para copiar' })).toBeTruthy();
  });

  it('says the ticket was received, with its reference large and copied by the button, when the server queued it', async () => {
    const writeText = stubClipboard(async () => {});
    const success = vi.fn();
    const mounted = await mountElement();
    mounted.element.addEventListener('tomticket:success', (event) => success((event as CustomEvent).detail));
    fillValidTicket(mounted.screen);
    fireEvent.click(mounted.screen.getByRole('button', { name: 'Enviar' }));
    (await FakeXhr.sent()).respond(202, { ok: true, queued: true, reference: 'TT-7K3M9Q2X' });
    expect((await mounted.screen.findByRole('status')).textContent).toBe(
      'Recebemos seu chamado. Ele chegará ao suporte em breve; guarde a referência.ReferênciaTT-7K3M9Q2X',
    );
    fireEvent.click(mounted.screen.getByRole('button', { name: 'Copiar' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('TT-7K3M9Q2X'));
    await waitFor(() => expect(success).toHaveBeenCalledWith({ queued: true, reference: 'TT-7K3M9Q2X' }));
  });

  it('says the ticket was created, with nothing to copy, when TomTicket gave no protocol', async () => {
    const { screen } = await sendAnswered(201, { ok: true, ticket: {} });
    expect((await screen.findByRole('status')).textContent).toBe('Chamado criado');
    expect(screen.queryByRole('button', { name: 'Copiar' })).toBeNull();
  });

  it('follows a change of language while shown', async () => {
    const { screen, element } = await sendAnswered(201, { ok: true, ticket: { protocol: 9 } });
    await screen.findByRole('status');
    element.setAttribute('lang', 'en');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Ticket createdTicket number9'));
    expect(screen.getByRole('button', { name: 'Copy' })).toBeTruthy();
  });
});
