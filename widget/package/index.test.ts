import { waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { useWidgetTestEnvironment } from '../testing/setup.ts';
import { mount, strings, version } from './index.ts';
import repoPackage from '../../package.json';

useWidgetTestEnvironment();

const screenOf = (element: HTMLElement) => within(element.shadowRoot!.firstElementChild as HTMLElement);

describe('the npm package entry', () => {
  it('registers <tomticket-form> on import: an element on the page draws a form that can send', async () => {
    const element = document.body.appendChild(document.createElement('tomticket-form'));
    element.setAttribute('endpoint', 'https://support.example.com');
    const send = await screenOf(element).findByRole('button', { name: 'Enviar' });
    // Sendable once the schema came and the send part, a dynamic import here, was loaded.
    await waitFor(() => expect(send.getAttribute('aria-disabled')).toBeNull());
    expect(fetch).toHaveBeenCalledWith('https://support.example.com/api/form', expect.anything());
  });

  it('mount() draws a launcher, its part loaded when first needed, with the texts strings() gave', async () => {
    strings({ 'pt-BR': { open: 'Fale conosco' } });
    const host = document.body.appendChild(document.createElement('div'));
    const handle = mount(host, { endpoint: 'https://support.example.com', mode: 'launcher' });
    await screenOf(host).findByRole('button', { name: 'Fale conosco' });
    handle.open();
    await waitFor(() => expect(host.shadowRoot!.querySelector('dialog')?.open).toBe(true));
    handle.destroy();
    expect(host.shadowRoot!.childElementCount).toBe(0);
  });

  it('leaves window.TomTicketForm to the script: a page with both keeps the script in charge of the global', () => {
    expect(window.TomTicketForm).toBeUndefined();
    expect(version).toBe(repoPackage.version);
  });
});
