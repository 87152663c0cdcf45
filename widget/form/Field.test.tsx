import { fireEvent } from '@testing-library/preact';
import { options, type VNode } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
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
