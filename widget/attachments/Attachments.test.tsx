import { fireEvent } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { FakeXhr } from '../testing/fakeXhr.ts';
import { mountElement } from '../testing/mountElement.ts';
import { dispatchWithFiles, listedFileNames } from '../testing/dispatchWithFiles.ts';
import { useWidgetTestEnvironment } from '../testing/setup.ts';

useWidgetTestEnvironment();

describe('attachments field: the drop zone, paste, the file limit', () => {
  it('is a button that opens the hidden file input', async () => {
    const { screen, shadow } = await mountElement();
    const input = shadow.querySelector('input[type=file]') as HTMLInputElement;
    expect(input.multiple).toBe(true);
    const click = vi.spyOn(input, 'click').mockImplementation(() => {});
    fireEvent.click(screen.getByRole('button', { name: 'Arraste, cole ou clique para anexar' }));
    expect(click).toHaveBeenCalledOnce();
  });

  it('takes files dropped on it', async () => {
    const { screen, shadow } = await mountElement();
    const zone = screen.getByRole('button', { name: 'Arraste, cole ou clique para anexar' });
    const over = new Event('dragover', { bubbles: true, cancelable: true });
    zone.dispatchEvent(over);
    expect(over.defaultPrevented).toBe(true);
    expect(zone.classList.contains('on')).toBe(true);
    const drop = dispatchWithFiles(zone, 'drop', [new File(['abc'], 'log.txt', { type: 'text/plain' })]);
    expect(drop.defaultPrevented).toBe(true);
    expect(zone.classList.contains('on')).toBe(false);
    expect(listedFileNames(shadow)).toEqual(['log.txt']);
  });

  it('takes pasted screenshots, named by time, and leaves plain text pastes alone', async () => {
    const { screen, shadow } = await mountElement();
    const message = screen.getByRole('textbox', { name: 'Mensagem' });
    const text = dispatchWithFiles(message, 'paste', []);
    expect(text.defaultPrevented).toBe(false);
    const image = dispatchWithFiles(message, 'paste', [new File(['png'], 'image.png', { type: 'image/png' })]);
    expect(image.defaultPrevented).toBe(true);
    expect(listedFileNames(shadow)).toEqual([expect.stringMatching(/^screenshot-\d+\.png$/)]);
  });

  it('enforces the file limit of the contract before sending', async () => {
    const { screen, shadow } = await mountElement();
    const zone = screen.getByRole('button', { name: 'Arraste, cole ou clique para anexar' });
    const files = Array.from({ length: 26 }, (_, i) => new File(['x'], `f${i}.txt`));
    dispatchWithFiles(zone, 'drop', files);
    expect(screen.getByText('Máximo de 25 arquivos')).toBeTruthy();
    expect(zone.getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Enviar' }));
    expect(FakeXhr.requests).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Remover f0.txt' }));
    expect(shadow.querySelector('#tt-attachments-error')).toBeNull();
  });

  it('lists only as many files as can be sent and sums up the rest, while the meter counts them all', async () => {
    const { screen, shadow } = await mountElement();
    const zone = screen.getByRole('button', { name: 'Arraste, cole ou clique para anexar' });
    dispatchWithFiles(zone, 'drop', Array.from({ length: 500 }, (_, i) => new File(['x'.repeat(1024)], `f${i}.txt`)));
    const rows = [...shadow.querySelectorAll('[part=file-list] li')];
    expect(rows).toHaveLength(26);
    expect(listedFileNames(shadow)).toEqual(Array.from({ length: 25 }, (_, i) => `f${i}.txt`));
    expect(rows.at(-1)!.textContent).toBe('+475 arquivos; no máximo 25 podem ser enviados');
    expect(rows.at(-1)!.querySelector('button')).toBeNull();
    // 500 KB of files, a few hundred bytes of framing each, and the 4.5 KB kept for the context and consent.
    expect(shadow.querySelector('[part=meter]')!.textContent).toMatch(/^5\d\d,\d KB de 25 MB/);
    expect(screen.getByText('Máximo de 25 arquivos')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Remover f0.txt' }));
    expect(listedFileNames(shadow)[0]).toBe('f1.txt');
    expect(shadow.querySelectorAll('[part=file-list] li')[25]!.textContent).toBe('+474 arquivos; no máximo 25 podem ser enviados');
  });
});

