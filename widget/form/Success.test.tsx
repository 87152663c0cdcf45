import { fireEvent, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { FakeXhr } from '../testing/fakeXhr.ts';
import { fillValidTicket } from '../testing/formActions.ts';
import { mountElement } from '../testing/mountElement.ts';
import { useWidgetTestEnvironment } from '../testing/setup.ts';

useWidgetTestEnvironment();

describe('after a ticket was taken', () => {
  it('shows the protocol number after success and starts over with "send another"', async () => {
    const { screen, shadow } = await mountElement();
    fillValidTicket(screen);
    fireEvent.click(screen.getByRole('button', { name: 'Enviar' }));
    (await FakeXhr.sent()).respond(201, { ok: true, ticket: { id: 'h1', protocol: 123 } });
    const status = await screen.findByRole('status');
    expect(status.textContent).toBe('Chamado nº 123 criado');
    await waitFor(() => expect(shadow.activeElement).toBe(status));
    fireEvent.click(screen.getByRole('button', { name: 'Enviar outro' }));
    expect((screen.getByRole('textbox', { name: 'Assunto' }) as HTMLInputElement).value).toBe('');
  });

  it('says the ticket was received, with its reference, when the server queued it', async () => {
    const { screen, element } = await mountElement();
    const success = vi.fn();
    element.addEventListener('tomticket:success', (event) => success((event as CustomEvent).detail));
    fillValidTicket(screen);
    fireEvent.click(screen.getByRole('button', { name: 'Enviar' }));
    (await FakeXhr.sent()).respond(202, { ok: true, queued: true, reference: 'TT-7K3M9Q2X' });
    expect((await screen.findByRole('status')).textContent).toBe('Recebido (TT-7K3M9Q2X). Chegará ao suporte em breve.');
    await waitFor(() => expect(success).toHaveBeenCalledWith({ queued: true, reference: 'TT-7K3M9Q2X' }));
  });

  it('says the ticket was created when TomTicket gave no protocol', async () => {
    const { screen } = await mountElement();
    fillValidTicket(screen);
    fireEvent.click(screen.getByRole('button', { name: 'Enviar' }));
    (await FakeXhr.sent()).respond(201, { ok: true, ticket: {} });
    expect((await screen.findByRole('status')).textContent).toBe('Chamado criado');
  });
});

