import { act, fireEvent } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../contract/index.ts';
import { mountElement } from '../testing/mountElement.ts';
import { useWidgetTestEnvironment } from '../testing/setup.ts';

useWidgetTestEnvironment();

const MB = 1024 * 1024;

/** A file that claims `size` bytes without holding them. */
function fileOfSize(name: string, size: number, type = 'application/pdf') {
  const file = new File(['x'], name, { type });
  Object.defineProperty(file, 'size', { value: size });
  return file;
}

async function mountWithFiles(...files: File[]) {
  const mounted = await mountElement();
  const input = mounted.shadow.querySelector('input[type=file]') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  fireEvent.change(input);
  const meter = mounted.shadow.querySelector('[part=meter]')!;
  const live = meter.querySelector('[aria-live=polite]')!;
  const send = mounted.screen.getByRole('button', { name: 'Enviar' }) as HTMLButtonElement;
  return { ...mounted, meter, live, send };
}

describe('size meter', () => {
  it('grows by what typing adds to the request: UTF-8 bytes, a message line break as the <br> TomTicket receives', async () => {
    const report = fileOfSize('relatório.pdf', 12.3 * MB);
    const { screen, meter } = await mountWithFiles(report);
    const bytes = () => (meter.querySelector('progress') as HTMLProgressElement).value;
    // 12.3 MB plus a few hundred bytes of text and multipart framing: 12,4 MB once rounded up.
    expect(meter.textContent).toContain('12,4 MB de 25 MB');
    const title = screen.getByRole('textbox', { name: 'Assunto' });
    fireEvent.input(title, { target: { value: 'Título' } });
    const withTitle = bytes();
    fireEvent.input(title, { target: { value: 'Títulos' } });
    expect(bytes() - withTitle).toBe(1);
    fireEvent.input(title, { target: { value: 'Títulosé' } });
    expect(bytes() - withTitle).toBe(3);
    const message = screen.getByRole('textbox', { name: 'Mensagem' });
    fireEvent.input(message, { target: { value: 'a' } });
    const withMessage = bytes();
    fireEvent.input(message, { target: { value: 'a\nb' } });
    // Sent on as `a<br>b` (HTML messages, the default): longer than the browser's `a\r\nb`.
    expect(bytes() - withMessage).toBe(5);
  });

  it('is calm below 80 %, warns from 80 %, and announces only the state', async () => {
    const calm = await mountWithFiles(fileOfSize('a.pdf', 10 * MB));
    expect(calm.meter.className).toContain('calm');
    expect(calm.live.textContent).toBe('');
    document.body.replaceChildren();

    const warning = await mountWithFiles(fileOfSize('a.pdf', 0.8 * LIMITS.requestMaxBytes));
    expect(warning.meter.className).toContain('warning');
    expect(warning.live.textContent).toBe('Perto do limite');
    fireEvent.input(warning.screen.getByRole('textbox', { name: 'Assunto' }), { target: { value: 'abc' } });
    expect(warning.live.textContent).toBe('Perto do limite');
    expect(warning.send.disabled).toBe(false);
  });

  it('over the limit names how much to remove and keeps Send disabled until a file goes', async () => {
    const { meter, live, send, screen } = await mountWithFiles(fileOfSize('a.pdf', 19 * MB), fileOfSize('b.pdf', 9.2 * MB));
    expect(meter.className).toContain('over');
    expect(meter.textContent).toContain('28,3 MB de 25 MB');
    expect(live.textContent).toBe('Remova 3,3 MB para enviar');
    expect(send.disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Remover b.pdf' }));
    expect(meter.className).toContain('calm');
    expect(send.disabled).toBe(false);
  });

  it('speaks English sizes with a decimal point', async () => {
    const { shadow, element } = await mountWithFiles(fileOfSize('a.pdf', 12.3 * MB));
    act(() => element.setAttribute('lang', 'en'));
    expect(shadow.querySelector('[part=meter]')!.textContent).toContain('12.4 MB of 25 MB');
  });
});
