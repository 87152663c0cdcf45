import { fireEvent, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { mountElement, type TomTicketMethods } from '../testing/mountElement.ts';
import { useWidgetTestEnvironment } from '../testing/setup.ts';

useWidgetTestEnvironment();

// Role queries are made only once the dialog is open: jsdom keeps a computed `display: none`
// cached for a closed <dialog> inside a shadow root even after it opens.
async function mountLauncher(attributes: Record<string, string> = {}) {
  const element = document.createElement('tomticket-form') as HTMLElement & TomTicketMethods;
  element.setAttribute('mode', 'launcher');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  document.body.append(element);
  const shadow = element.shadowRoot!;
  await waitFor(() => expect(shadow.querySelector('form')).toBeTruthy());
  const launcher = shadow.querySelector('[part~=launcher]') as HTMLButtonElement;
  return { element, shadow, launcher, dialog: shadow.querySelector('dialog')! };
}

describe('launcher mode', () => {
  it('shows a floating button that opens the form in a dialog and gives the focus back on close', async () => {
    const { shadow, launcher, dialog } = await mountLauncher();
    expect(launcher.textContent).toBe('Abrir chamado');
    expect(launcher.getAttribute('aria-haspopup')).toBe('dialog');
    expect(dialog.open).toBe(false);

    fireEvent.click(launcher);
    expect(dialog.open).toBe(true);
    const inside = within(dialog);
    expect(inside.getByRole('heading', { name: 'Abrir chamado' }).id).toBe(dialog.getAttribute('aria-labelledby'));
    expect(inside.getByRole('button', { name: 'Enviar' })).toBeTruthy();

    fireEvent.click(inside.getByRole('button', { name: 'Fechar' }));
    expect(dialog.open).toBe(false);
    expect(shadow.activeElement).toBe(launcher);
  });

  it('opens and closes with the element methods', async () => {
    const { element, dialog, shadow, launcher } = await mountLauncher();
    element.open();
    expect(dialog.open).toBe(true);
    element.open();
    expect(dialog.open).toBe(true);
    element.close();
    expect(dialog.open).toBe(false);
    expect(shadow.activeElement).toBe(launcher);
  });

  it('does nothing for open() and close() inline', async () => {
    const { element, shadow } = await mountElement();
    element.open();
    element.close();
    expect(shadow.querySelector('dialog')).toBeNull();
    expect(shadow.querySelector('form')).toBeTruthy();
  });

  it('sits bottom-right with its label and icon by default, and follows position and launcher-label', async () => {
    const { element, launcher, dialog } = await mountLauncher();
    expect(launcher.className).toBe('opener primary right');
    expect(dialog.className).toBe('right');
    expect(launcher.querySelector('svg')!.getAttribute('aria-hidden')).toBe('true');

    element.setAttribute('position', 'bottom-left');
    element.setAttribute('launcher-label', 'icon');
    expect(launcher.className).toBe('opener primary left only-icon');
    expect(dialog.className).toBe('left');
    // The icon alone still has the text as its accessible name.
    expect(within(element.shadowRoot as unknown as HTMLElement).getByRole('button', { name: 'Abrir chamado' })).toBe(launcher);

    element.setAttribute('launcher-label', 'label');
    expect(launcher.className).toBe('opener primary left only-label');
    // Unknown values take the defaults.
    element.setAttribute('position', 'top-middle');
    element.setAttribute('launcher-label', 'huge');
    expect(launcher.className).toBe('opener primary right');
  });

  it('takes position and launcherLabel as mount options', async () => {
    const host = document.body.appendChild(document.createElement('div'));
    const handle = window.TomTicketForm!.mount(host, { mode: 'launcher', position: 'bottom-left', launcherLabel: 'label' });
    const launcher = await waitFor(() => host.shadowRoot!.querySelector('[part~=launcher]')!);
    expect(launcher.className).toBe('opener primary left only-label');
    handle.update({ mode: 'launcher' });
    expect(launcher.className).toBe('opener primary right');
    handle.destroy();
  });
});
