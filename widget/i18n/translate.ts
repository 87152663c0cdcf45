import { enForm } from './en.ts';
import { esForm } from './es.ts';
import { fillText, type Vars } from './fillText.ts';
import { ptBRForm } from './pt-BR.ts';
import type { FormStrings, Locale, Problem, StringKey, StringOverrides, Strings } from './strings.ts';

export { pickLocale } from './pickLocale.ts';
export type { Vars } from './fillText.ts';

const TABLES: Readonly<Record<Locale, FormStrings>> = { 'pt-BR': ptBRForm, en: enForm, es: esForm };
const KB = 1024;
const MB = KB * KB;

/** The texts of one locale, with the site's overrides applied. */
export interface I18n {
  locale: Locale;
  /** The string `key`, its `{placeholders}` filled from `vars`. */
  t(key: StringKey, vars?: Vars): string;
  /** Bytes as people read them: `12,4 MB` (pt-BR), `12.4 MB` (en), rounded up. */
  size(bytes: number): string;
  /** The text of a problem's code; unknown codes get the generic text. */
  problem(problem: Problem): string;
}

/** Whether `key` names a text of `table`: the typed way from a server's error code to its text. */
function isStringKey(table: Partial<Strings>, key: string): key is StringKey {
  return Object.prototype.hasOwnProperty.call(table, key);
}

/**
 * Texts for `locale`: the form's shipped table, then each of `layers` (later wins) adding or
 * replacing strings: the problems' tables once the send part brought them, the site's overrides.
 */
export function createI18n(locale: Locale, layers: ReadonlyArray<StringOverrides | undefined>): I18n {
  const table: Partial<Strings> = Object.assign({}, TABLES[locale], ...layers.map((o) => o?.[locale]));
  const t = (key: StringKey, vars?: Vars) => fillText(table[key] ?? key, vars);
  const size = (bytes: number) => {
    const big = bytes >= MB;
    // Rounded up, so "remove 3.2 MB" is always enough and a limit is never shown as reached early.
    const rounded = String(Math.ceil((bytes / (big ? MB : KB)) * 10) / 10);
    // Not toLocaleString: the first Intl call of a page loads ICU data, 50–70 ms before the form shows.
    // A value under 1024 needs no grouping; English alone writes a decimal point.
    return t(big ? 'mb' : 'kb', { n: locale == 'en' ? rounded : rounded.replace('.', ',') });
  };
  return {
    locale,
    t,
    size,
    problem: ({ code, message, n, max = 0 }) =>
      t(isStringKey(table, code) ? code : 'internal', { message, n, max: size(max) }),
  };
}
