import { waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { sendPart } from '../api/sendPart.ts';
import { formPart } from '../form/formPart.ts';
import { launcherPart } from '../launcher/launcherPart.ts';
import type { LauncherPart } from '../part/launcherPart.ts';
import { useWidgetTestEnvironment } from '../testing/setup.ts';
import { createDraftKeys } from './draftKeys.ts';
import { mountForm, type PageEnv } from './mount.ts';

useWidgetTestEnvironment();

/** A page whose launcher part is loaded by `loadLauncher`, as widget.js loads it; the form is bundled. */
function pageLoadingLauncher(loadLauncher: () => Promise<LauncherPart>): PageEnv {
  return { base: 'https://s.example/', strings: [], forms: new Set(), drafts: createDraftKeys(), form: formPart, launcher: loadLauncher, loadSendPart: async () => sendPart };
}

/** An element on the page, with every tomticket:error it dispatches. */
function host() {
  const element = document.body.appendChild(document.createElement('div'));
  const errors: unknown[] = [];
  element.addEventListener('tomticket:error', (e) => errors.push((e as CustomEvent).detail));
  return { element, errors };
}

describe('a launcher whose part is loaded (widget.js)', () => {
  it('keeps the form out of the page until the launcher is there, and opens when open() came first', async () => {
    let deliver = () => {};
    const part = new Promise<LauncherPart>((resolve) => (deliver = () => resolve(launcherPart)));
    const { element } = host();
    const handle = mountForm(element, { mode: 'launcher' }, pageLoadingLauncher(() => part));
    const shadow = element.shadowRoot!;
    await waitFor(() => expect(shadow.querySelector('form')).toBeTruthy());
    expect((shadow.querySelector('form')!.parentElement as HTMLElement).hidden).toBe(true);
    handle.open();

    deliver();
    await waitFor(() => expect(shadow.querySelector('dialog')?.open).toBe(true));
    const dialog = shadow.querySelector('dialog')!;
    expect(dialog.contains(shadow.querySelector('form'))).toBe(true);
    expect(within(dialog).getByRole('button', { name: 'Enviar' })).toBeTruthy();
    handle.destroy();
  });

  it('reports a part that cannot be loaded, and open() tries again', async () => {
    const loadLauncher = vi.fn<() => Promise<LauncherPart>>().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(launcherPart);
    const { element, errors } = host();
    const handle = mountForm(element, { mode: 'launcher' }, pageLoadingLauncher(loadLauncher));
    await waitFor(() => expect(errors).toEqual([{ code: 'network', message: 'Error: offline' }]));
    expect(element.shadowRoot!.querySelector('[part~=launcher]')).toBeNull();

    handle.open();
    await waitFor(() => expect(element.shadowRoot!.querySelector('dialog')?.open).toBe(true));
    expect(loadLauncher).toHaveBeenCalledTimes(2);
    expect(element.shadowRoot!.querySelector('[part~=launcher]')!.textContent).toBe('Abrir chamado');
    handle.destroy();
  });

  it('draws nothing of the launcher once the form went inline meanwhile', async () => {
    let deliver = () => {};
    const part = new Promise<LauncherPart>((resolve) => (deliver = () => resolve(launcherPart)));
    const { element } = host();
    const handle = mountForm(element, { mode: 'launcher' }, pageLoadingLauncher(() => part));
    handle.update({ mode: 'inline' });
    deliver();
    await part;
    await waitFor(() => expect(element.shadowRoot!.querySelector('form')).toBeTruthy());
    expect(element.shadowRoot!.querySelector('[part~=launcher], dialog')).toBeNull();
    expect((element.shadowRoot!.querySelector('form')!.parentElement as HTMLElement).hidden).toBe(false);
    handle.destroy();
  });
});
