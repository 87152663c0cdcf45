import { describe, expect, it, vi } from 'vitest';
import { sendPart } from '../api/sendPart.ts';
import { enForm, enLauncher, enProblems, enSent } from './en.ts';
import { esForm, esLauncher, esProblems, esSent } from './es.ts';
import { ptBRForm, ptBRLauncher, ptBRProblems, ptBRSent } from './pt-BR.ts';
import { launcherTexts } from './launcherTexts.ts';
import type { Locale } from './strings.ts';
import { createI18n, pickLocale } from './translate.ts';

const MB = 1024 * 1024;
/** Each locale's four tables: the launcher's, the form's, the send part's (sending and sent, problems). */
const SHIPPED = {
  'pt-BR': [ptBRLauncher, ptBRForm, ptBRSent, ptBRProblems],
  en: [enLauncher, enForm, enSent, enProblems],
  es: [esLauncher, esForm, esSent, esProblems],
} as const;
/** The texts a form shows once the send part arrived: its own, then the send part's. */
const formTexts = (locale: Locale, overrides: Parameters<typeof createI18n>[1] = []) =>
  createI18n(locale, [sendPart.texts, ...overrides]);

describe('pickLocale', () => {
  it('takes the first candidate the widget speaks, by primary language', () => {
    expect(pickLocale('en', 'pt-BR')).toBe('en');
    expect(pickLocale(null, 'es-MX', 'en-US')).toBe('es');
    expect(pickLocale('', 'pt-PT')).toBe('pt-BR');
    expect(pickLocale('fr', 'de', 'EN-gb')).toBe('en');
  });

  it('falls back to pt-BR', () => {
    expect(pickLocale(undefined, 'ja', 'zh-CN')).toBe('pt-BR');
  });
});

describe('createI18n', () => {
  it('fills placeholders', () => {
    expect(formTexts('pt-BR').t('too_long', { n: 250 })).toBe('Máximo de 250 caracteres');
    expect(createI18n('en', [{ en: { sent: 'Ticket #{n} created' } }]).t('sent', { n: 123 })).toBe('Ticket #123 created');
    expect(formTexts('es', [{ es: { queued: 'Recibido ({ref}).' } }]).t('queued', { ref: 'TT-7K3M9Q2X' })).toBe('Recibido (TT-7K3M9Q2X).');
  });

  it('writes sizes with the locale decimal separator, rounded up to a tenth', () => {
    expect(createI18n('pt-BR', []).size(12.34 * MB)).toBe('12,4 MB');
    expect(createI18n('en', []).size(12.34 * MB)).toBe('12.4 MB');
    expect(createI18n('es', []).size(25 * MB)).toBe('25 MB');
    expect(createI18n('pt-BR', []).size(1536)).toBe('1,5 KB');
    expect(createI18n('es', []).size(0.3 * MB)).toBe('307,2 KB');
    expect(createI18n('en', []).size(1023.91 * 1024)).toBe('1024 KB');
    expect(createI18n('es', []).size(1)).toBe('0,1 KB');
    expect(createI18n('en', []).size(2.01 * MB)).toBe('2.1 MB');
  });

  it('writes sizes without Intl, whose first use delays the form', () => {
    const toLocaleString = vi.spyOn(Number.prototype, 'toLocaleString');
    const format = vi.spyOn(Intl, 'NumberFormat');
    for (const locale of ['pt-BR', 'en', 'es'] as const) createI18n(locale, []).size(12.34 * MB);
    expect(toLocaleString).not.toHaveBeenCalled();
    expect(format).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });

  it('looks up problems by code, with the generic text for unknown codes', () => {
    const { problem } = formTexts('pt-BR');
    expect(problem({ code: 'upstream_rejected', message: 'Cliente inativo' })).toBe('Cliente inativo');
    expect(problem({ code: 'rate_limited', n: 3 })).toBe('Muitos envios. Tente em 3 min.');
    expect(problem({ code: 'request_too_large', max: 25 * MB })).toBe('Envio acima de 25 MB');
    expect(problem({ code: 'identity_expired' })).toBe(ptBRProblems.internal);
    expect(problem({ code: 'constructor' })).toBe(ptBRProblems.internal);
  });

  it('lets site overrides win over the problems\' texts the send part brings', () => {
    const texts = formTexts('es', [{ es: { required: 'Rellene este campo' } }]);
    expect(texts.problem({ code: 'required' })).toBe('Rellene este campo');
    expect(texts.problem({ code: 'network' })).toBe(esProblems.network);
  });

  it('applies overrides in order, for their locale only', () => {
    const overrides = [{ 'pt-BR': { send: 'Mandar' }, en: { send: 'Go' } }, { 'pt-BR': { send: 'Abrir' } }];
    expect(createI18n('pt-BR', overrides).t('send')).toBe('Abrir');
    expect(createI18n('en', overrides).t('send')).toBe('Go');
    expect(createI18n('es', overrides).t('send')).toBe('Enviar');
  });

  it('ships the same keys in every locale, the names site owners override (README, Texts and overrides)', () => {
    const documented = [
      'open', 'close', 'partFailed', 'email', 'name', 'department', 'category', 'choose', 'title', 'message', 'priority',
      'emailPlaceholder', 'titlePlaceholder', 'messagePlaceholder', 'emailHint', 'ticketNumber', 'reference', 'copy',
      'copied', 'copySelected',
      'p1', 'p2', 'p3', 'p4', 'attachments', 'drop', 'remove', 'more', 'kb', 'mb', 'meter', 'near', 'over', 'send',
      'sending', 'cancel', 'retry', 'loading', 'loadFailed', 'sent', 'sentPlain', 'queued', 'another', 'required',
      'too_long', 'invalid_email', 'invalid_value', 'not_an_option', 'too_many_files', 'request_too_large',
      'upstream_rejected', 'upstream_unavailable', 'upstream_timeout', 'rate_limited', 'origin_not_allowed',
      'identity_invalid', 'identity_required', 'file_type_denied', 'file_not_image', 'attachments_unavailable', 'network', 'aborted', 'internal',
      'contextNote', 'consentRequired',
    ].sort();
    for (const tables of Object.values(SHIPPED)) {
      const keys = tables.flatMap((table) => Object.keys(table));
      // Every key in exactly one of the locale's tables.
      expect(keys.sort()).toEqual(documented);
    }
  });
});

describe('launcherTexts', () => {
  it('gives the launcher its three texts, with the site\'s overrides', () => {
    expect(launcherTexts('es', [])).toEqual(esLauncher);
    expect(launcherTexts('en', [{ en: { open: 'Help' } }, undefined]).open).toBe('Help');
  });
});
