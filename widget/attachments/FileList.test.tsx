import { act, fireEvent } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { FakeXhr } from '../testing/fakeXhr.ts';
import { mountElement } from '../testing/mountElement.ts';
import { dispatchWithFiles, listedFileNames } from '../testing/dispatchWithFiles.ts';
import { useWidgetTestEnvironment } from '../testing/setup.ts';

useWidgetTestEnvironment();

describe('file list', () => {
  it('lists name and human size, with a thumbnail for images, a file-type icon for others, and a remove button named after the file', async () => {
    const { screen, shadow } = await mountElement();
    const zone = screen.getByRole('button', { name: 'Arraste, cole ou clique para anexar' });
    dispatchWithFiles(zone, 'drop', [
      new File(['x'.repeat(1536)], 'foto.png', { type: 'image/png' }),
      new File(['x'.repeat(10)], 'notas.txt', { type: 'text/plain' }),
    ]);
    const items = [...shadow.querySelectorAll('[part=file-list] li')];
    // The icon's extension is hidden from assistive technology: the name says it already.
    expect(items.map((li) => li.querySelector('span')!.textContent)).toEqual(['foto.png', 'notas.txt']);
    expect(items.map((li) => li.textContent)).toEqual(['PNGfoto.png1,5 KB×', 'TXTnotas.txt0,1 KB×']);
    // Every row has the thumbnail's slot: the image's preview, or the icon alone.
    const thumbs = items.map((li) => li.querySelector('.thumb')!);
    expect(thumbs.map((thumb) => thumb.getAttribute('aria-hidden'))).toEqual(['true', 'true']);
    expect(thumbs[0]!.querySelector('img')!.getAttribute('src')).toBe('blob:test/0');
    expect(thumbs[1]!.querySelector('img')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Remover foto.png' }));
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:test/0');
    expect(listedFileNames(shadow)).toEqual(['notas.txt']);
    expect(shadow.activeElement).toBe(zone);
  });

  it('sends the files as repeated attachments entries', async () => {
    const { screen, element } = await mountElement();
    const zone = screen.getByRole('button', { name: 'Arraste, cole ou clique para anexar' });
    dispatchWithFiles(zone, 'drop', [new File(['a'], 'a.txt'), new File(['b'], 'b.txt')]);
    act(() => element.prefill({ email: 'a@b.co', name: 'A', department: 'd2', title: 'T', message: 'M' }));
    fireEvent.click(screen.getByRole('button', { name: 'Enviar' }));
    await vi.waitFor(() => expect(FakeXhr.last().body).toBeDefined());
    const sent = FakeXhr.last().body!.getAll('attachments') as File[];
    expect(sent.map((f) => f.name)).toEqual(['a.txt', 'b.txt']);
  });
});
