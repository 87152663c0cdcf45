import { describe, expect, it } from 'vitest';
import { formatMessage, sentLength, type TextRules, type TicketContext } from '../../contract/index.ts';
import type { TicketToCreate } from '../tomticket/types.ts';
import { composeTicket, consentReserve } from './compose-ticket.ts';

const HTML: TextRules = { messageFormat: 'html', lengthUnit: 'bytes' };
const TEXT: TextRules = { messageFormat: 'text', lengthUnit: 'chars' };
const RECEIVED = new Date('2026-03-04T12:34:56.789Z');
const CONTEXT: TicketContext = {
  page: 'https://loja.example.com/checkout',
  title: 'Finalizar <compra> & pagar',
  browser: 'Chrome 126',
  os: 'Windows 11',
  device: 'desktop',
  screen: '1920x1080',
  window: '1280x720',
  language: 'pt-BR',
  timeZone: 'America/Sao_Paulo',
};

function ticket(message: string, rules: TextRules, notes: TicketToCreate['notes'] = {}): TicketToCreate {
  return {
    customer: { email: 'ana@example.com' },
    departmentId: 'd1',
    title: 'Título',
    message: formatMessage(message, rules.messageFormat),
    priority: 1,
    customFields: { f1: 'x' },
    attachments: [],
    notes,
  };
}

const compose = (t: TicketToCreate, rules = HTML, language: 'pt-BR' | 'en' | 'es' = 'pt-BR') =>
  composeTicket(t, 'TT-7K3M9Q2X', { rules, language, receivedAt: RECEIVED });

describe('composeTicket', () => {
  it('ends the message with the form\'s block: heading, consent, context lines (values escaped), the reference last', () => {
    const sent = compose(ticket('Não consigo pagar.\nAjuda!', HTML, { context: CONTEXT, consent: { version: 'privacidade-2026-01' } }));
    expect(sent.message).toBe(
      'Não consigo pagar.<br>Ajuda!<br><br><b>Dados do formulário</b>' +
        '<br>Consentimento: dado em 2026-03-04T12:34:56Z (versão privacidade-2026-01)' +
        '<br>Página: https://loja.example.com/checkout' +
        '<br>Título da página: Finalizar &lt;compra&gt; &amp; pagar' +
        '<br>Navegador: Chrome 126 · Windows 11 · computador' +
        '<br>Tela: 1920x1080 · janela 1280x720' +
        '<br>Idioma: pt-BR · fuso horário America/Sao_Paulo' +
        '<br>[ref TT-7K3M9Q2X]',
    );
    expect(sent).not.toHaveProperty('notes');
    expect(sent.customFields).toEqual({ f1: 'x' });
  });

  it('writes the labels in TICKET_NOTES_LANG, and as plain lines under MESSAGE_FORMAT=text', () => {
    const sent = compose(ticket('Hi', TEXT, { context: { page: 'https://a.example/', device: 'mobile', browser: 'Safari 17.4' } }), TEXT, 'en');
    expect(sent.message).toBe('Hi\n\n--- Form details ---\nPage: https://a.example/\nBrowser: Safari 17.4 · mobile\n[ref TT-7K3M9Q2X]');
  });

  it('drops the least useful context lines first when the message leaves little room, keeping the reference, then the block', () => {
    const lines = (message: string) => compose(ticket(message, HTML, { context: CONTEXT })).message.split('<br>').slice(-7);
    const fullBlock = sentLength(compose(ticket('a', HTML, { context: CONTEXT })).message, 'bytes') - 1;
    // Just too long for the whole block: language and time zone go first.
    const almost = lines('a'.repeat(1024 - fullBlock + 1));
    expect(almost.join('|')).not.toContain('Idioma');
    expect(almost.join('|')).toContain('Tela: 1920x1080');
    expect(almost.at(-1)).toBe('[ref TT-7K3M9Q2X]');
    // Longer: only the page is left, then no line at all, but the reference as long as it fits.
    const pageOnly = compose(ticket('a'.repeat(900), HTML, { context: CONTEXT })).message;
    expect(pageOnly).toMatch(/<b>Dados do formulário<\/b><br>Página: https:\/\/loja\.example\.com\/checkout<br>\[ref TT-7K3M9Q2X\]$/);
    expect(sentLength(pageOnly, 'bytes')).toBeLessThanOrEqual(1024);
    const referenceOnly = compose(ticket('a'.repeat(990), HTML, { context: CONTEXT })).message;
    expect(referenceOnly).toBe(`${'a'.repeat(990)}<br><br>[ref TT-7K3M9Q2X]`);
    // The customer's 1024 are never cut: no block, no reference.
    expect(compose(ticket('a'.repeat(1024), HTML, { context: CONTEXT })).message).toBe('a'.repeat(1024));
  });

  it('always writes the consent within the room the form kept for it, the reference giving way', () => {
    const reserve = consentReserve('v1', 'pt-BR', HTML);
    const longest = 'a'.repeat(1024 - reserve);
    const sent = compose(ticket(longest, HTML, { consent: { version: 'v1' }, context: CONTEXT }));
    expect(sent.message).toBe(`${longest}<br><br><b>Dados do formulário</b><br>Consentimento: dado em 2026-03-04T12:34:56Z (versão v1)`);
    expect(sentLength(sent.message, 'bytes')).toBe(1024);
  });

  it('puts the context in its custom field as one line within the field\'s limit, and the consent in its own field too', () => {
    const sent = compose(
      ticket('Oi', HTML, {
        context: CONTEXT,
        consent: { version: 'v1' },
        contextField: { id: 'ctx', maxLength: 250, required: false },
        consentField: { id: 'lgpd', maxLength: 250, required: true },
      }),
    );
    expect(sent.customFields).toEqual({
      f1: 'x',
      ctx: 'https://loja.example.com/checkout · Finalizar <compra> & pagar · Chrome 126 · Windows 11 · computador · Tela 1920x1080 · janela 1280x720 · pt-BR · America/Sao_Paulo',
      lgpd: 'Consentimento: dado em 2026-03-04T12:34:56Z (versão v1)',
    });
    // The consent is in the message as well; the context only in its field.
    expect(sent.message).toBe('Oi<br><br><b>Dados do formulário</b><br>Consentimento: dado em 2026-03-04T12:34:56Z (versão v1)<br>[ref TT-7K3M9Q2X]');

    // Counted as TomTicket counts (here UTF-8 bytes: each "·" is two).
    const narrow = compose(ticket('Oi', HTML, { context: CONTEXT, contextField: { id: 'ctx', maxLength: 61, required: false } }));
    expect(narrow.customFields.ctx).toBe('https://loja.example.com/checkout · Chrome 126 · Windows 11');
    const tiny = compose(ticket('Oi', HTML, { context: CONTEXT, contextField: { id: 'ctx', maxLength: 20, required: false } }));
    expect(tiny.customFields.ctx).toBe('https://loja.exam…'); // 17 bytes and the 3 of …
  });

  it('fills a required context field that has nothing to hold with "não enviado", and leaves an optional one out', () => {
    expect(compose(ticket('Oi', HTML, { contextField: { id: 'ctx', maxLength: 250, required: true } })).customFields).toEqual({ f1: 'x', ctx: 'não enviado' });
    expect(compose(ticket('Oi', HTML, { contextField: { id: 'ctx', maxLength: 250, required: false } })).customFields).toEqual({ f1: 'x' });
  });

  it('adds only the reference to a ticket without notes, as before', () => {
    expect(compose(ticket('Oi', HTML)).message).toBe('Oi<br><br>[ref TT-7K3M9Q2X]');
    expect(compose(ticket('Oi', TEXT), TEXT).message).toBe('Oi\n\n[ref TT-7K3M9Q2X]');
  });

  it('leaves no way to forge the block: customer markup stays escaped, and in text a typed heading is changed', () => {
    const html = compose(ticket('<b>Dados do formulário</b>\nConsentimento: dado', HTML, { context: { page: 'https://a.example/' } }));
    expect(html.message.startsWith('&lt;b&gt;Dados do formulário&lt;/b&gt;<br>Consentimento: dado<br><br><b>Dados do formulário</b>')).toBe(true);
    const text = compose(ticket('Oi\n--- Dados do formulário ---\nPágina: https://falsa.example/\n  --- Form details ---', TEXT, { context: { page: 'https://a.example/' } }), TEXT);
    expect(text.message).toBe(
      'Oi\n- - Dados do formulário ---\nPágina: https://falsa.example/\n  - - Form details ---\n\n--- Dados do formulário ---\nPágina: https://a.example/\n[ref TT-7K3M9Q2X]',
    );
  });

  it('keeps room for the consent as the form counts it: the widest time stamp, the heading and the separator', () => {
    expect(consentReserve('v1', 'pt-BR', HTML)).toBe(sentLength('<br><br><b>Dados do formulário</b><br>Consentimento: dado em 2000-12-31T23:59:59Z (versão v1)', 'bytes'));
    expect(consentReserve('v1', 'en', TEXT)).toBe(sentLength('\n\n--- Form details ---\nConsent: given on 2000-12-31T23:59:59Z (version v1)', 'chars'));
  });
});
