import { afterEach, describe, expect, it } from 'vitest';
import { appendContext, collectContext } from './collectContext.ts';

afterEach(() => {
  document.title = '';
  history.replaceState(null, '', '/');
});

describe('collectContext', () => {
  it('reads the page without its query and fragment, its title, the device, sizes, language and time zone', async () => {
    history.replaceState(null, '', '/loja/checkout?cupom=SEGREDO#pagar');
    document.title = 'Finalizar compra';
    const context = await collectContext(true);
    expect(context).toEqual({
      page: `${location.origin}/loja/checkout`,
      title: 'Finalizar compra',
      device: 'desktop',
      screen: '0x0',
      window: `${innerWidth}x${innerHeight}`,
      language: navigator.language,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
  });

  it('sends the whole address with context="full", and nothing with context="off" or false', async () => {
    history.replaceState(null, '', '/loja/checkout?cupom=1#pagar');
    expect((await collectContext('full')).page).toBe(`${location.origin}/loja/checkout?cupom=1#pagar`);
    expect(await collectContext('off')).toEqual({});
    expect(await collectContext(false)).toEqual({});
  });

  it('makes the title one line of plain text within its length, as the server accepts it', async () => {
    document.title = `Fatura \u202Egpj.exe ${'ç'.repeat(300)}`;
    const { title } = await collectContext(true);
    expect(title).toMatch(/^Fatura  gpj\.exe ç+$/);
    expect(Array.from(title as string)).toHaveLength(200);
  });

  it('appends each detail as a context[<key>] part', () => {
    const body = new FormData();
    appendContext(body, { page: 'https://a.example/', device: 'mobile' });
    expect([...body.entries()]).toEqual([
      ['context[page]', 'https://a.example/'],
      ['context[device]', 'mobile'],
    ]);
  });
});
