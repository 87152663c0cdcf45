import { describe, expect, it } from 'vitest';
import { validateFormConfig } from './validate-form-config.ts';

const CONSENT = {
  version: 'privacidade-2026-01',
  url: 'https://www.example.com/privacidade',
  text: {
    'pt-BR': 'Li e aceito a [Política de Privacidade].',
    en: 'I have read and accept the [Privacy Policy].',
    es: 'He leído y acepto la [Política de Privacidad].',
  },
};

describe('FORM_CONFIG consent', () => {
  it('takes a version, a text per language with its bracketed link, and one address or one per language', () => {
    expect(validateFormConfig({ consent: CONSENT })).toEqual({ config: { consent: CONSENT }, problems: [] });
    const perLanguage = { ...CONSENT, url: { 'pt-BR': 'https://a.example/pt', en: 'https://a.example/en', es: 'https://a.example/es' }, field: 'f1a2' };
    expect(validateFormConfig({ consent: perLanguage })).toEqual({ config: { consent: perLanguage }, problems: [] });
  });

  it('lists every problem with where it is', () => {
    const { config, problems } = validateFormConfig({
      consent: { version: 'v 1', url: 'ftp://x', text: { 'pt-BR': 'Aceito a política.', en: 'I [accept] the [policy].', fr: 'x' }, extra: 1 },
    });
    expect(config).toEqual({});
    expect(problems).toEqual([
      'consent.extra: unknown key; allowed here: version, text, url, field',
      expect.stringMatching(/^consent\.version: letters, digits/),
      'consent.text.fr: unknown key; allowed here: pt-BR, en, es',
      expect.stringMatching(/^consent\.text\.pt-BR: must put the words that link to the privacy policy in one pair of \[brackets\]/),
      expect.stringMatching(/^consent\.text\.en: must put the words/),
      'consent.text.es: missing (the form speaks pt-BR, en, es)',
      'consent.url: must be an absolute http(s) address, got "ftp://x"',
    ]);
    expect(validateFormConfig({ consent: true }).problems).toEqual(['consent: must be an object with version, text and url, got the value true']);
  });
});
