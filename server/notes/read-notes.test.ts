import { describe, expect, it } from 'vitest';
import { readNotes } from './read-notes.ts';

const fields = (pairs: Record<string, string> | Array<[string, string]>) =>
  (Array.isArray(pairs) ? pairs : Object.entries(pairs)).map(([name, value]) => ({ name, value, valueTruncated: false, nameTruncated: false }));

const GOOD = {
  'context[page]': 'https://loja.example.com/checkout',
  'context[title]': 'Finalizar <compra> & "pagar"',
  'context[browser]': 'Chrome 126',
  'context[os]': 'Windows 11',
  'context[device]': 'desktop',
  'context[screen]': '1920x1080',
  'context[window]': '1280x720',
  'context[language]': 'pt-BR',
  'context[timeZone]': 'America/Sao_Paulo',
};

describe('readNotes', () => {
  it('reads every detail a browser sends, and the consent, ignoring the form\'s other fields', () => {
    expect(readNotes(fields({ ...GOOD, title: 'x', consent: 'true' }))).toEqual({
      context: {
        page: 'https://loja.example.com/checkout',
        title: 'Finalizar <compra> & "pagar"',
        browser: 'Chrome 126',
        os: 'Windows 11',
        device: 'desktop',
        screen: '1920x1080',
        window: '1280x720',
        language: 'pt-BR',
        timeZone: 'America/Sao_Paulo',
      },
      consentGiven: true,
      problems: [],
    });
    expect(readNotes(fields({ title: 'x' }))).toEqual({ consentGiven: false, problems: [] });
    expect(readNotes(fields({ 'context[page]': '  ', 'context[os]': '' }))).toEqual({ consentGiven: false, problems: [] });
  });

  it.each([
    ['context[page]', 'javascript:alert(1)', 'invalid_value'],
    ['context[page]', 'https://user:secret@example.com/', 'invalid_value'],
    ['context[page]', `https://example.com/${'a'.repeat(500)}`, 'too_long'],
    ['context[title]', 'Linha 1\nLinha 2', 'invalid_value'],
    ['context[title]', 'Fatura \u202Egpj.exe', 'invalid_value'],
    ['context[title]', 'ç'.repeat(201), 'too_long'],
    ['context[browser]', 'Chrome<script>', 'invalid_value'],
    ['context[device]', 'phone', 'invalid_value'],
    ['context[screen]', '1920 x 1080', 'invalid_value'],
    ['context[window]', '99999999x1', 'invalid_value'],
    ['context[language]', 'pt_BR; drop', 'invalid_value'],
    ['context[timeZone]', '../../etc/passwd', 'invalid_value'],
    ['consent', 'yes', 'invalid_value'],
  ])('refuses %s = %j with %s, naming the field', (name, value, code) => {
    expect(readNotes(fields({ [name]: value })).problems).toEqual([{ code, message: expect.any(String), field: name }]);
  });

  it('refuses a detail sent twice, and a value the parser cut', () => {
    expect(readNotes(fields([['context[os]', 'Linux'], ['context[os]', 'Linux']])).problems).toEqual([
      { code: 'duplicate_field', message: expect.any(String), field: 'context[os]' },
    ]);
    const cut = [{ name: 'context[title]', value: 'x', valueTruncated: true, nameTruncated: false }];
    expect(readNotes(cut).problems[0]).toMatchObject({ code: 'too_long', field: 'context[title]' });
  });
});
