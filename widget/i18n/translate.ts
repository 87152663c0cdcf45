import { en } from './en.ts';
import { es } from './es.ts';
import { ptBR } from './pt-BR.ts';
import { KEYS } from './strings.ts';
import type { Locale, Problem, StringKey, StringOverrides, Strings, Table } from './strings.ts';

const TABLES: Readonly<Record<Locale, Table>> = { 'pt-BR': ptBR, en, es };
const KB = 1024;
const MB = KB * KB;

/** Values a string's `{placeholders}` are filled with. */
export type Vars = Record<string, string | number | undefined>;

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

/** The first of `candidates` (attribute, page language, browser language) the widget speaks, else pt-BR. */
export function pickLocale(...candidates: Array<string | null | undefined>): Locale {
  for (const candidate of candidates) {
    const primary = candidate?.slice(0, 2).toLowerCase();
    if (primary === 'pt') return 'pt-BR';
    if (primary === 'en' || primary === 'es') return primary;
  }
  return 'pt-BR';
}

/** Texts for `locale`, each of `overrides` (later wins) replacing strings of the shipped table. */
export function createI18n(locale: Locale, overrides: ReadonlyArray<StringOverrides | undefined>): I18n {
  const shipped = Object.fromEntries(KEYS.map((key, index) => [key, TABLES[locale][index]]));
  const table: Strings = Object.assign(shipped, ...overrides.map((o) => o?.[locale]));
  const t = (key: StringKey, vars?: Vars) =>
    String(table[key] ?? key).replace(/\{(\w+)\}/g, (hole, name: string) => String(vars?.[name] ?? hole));
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
      t(code in table ? (code as StringKey) : 'internal', { message, n, max: size(max) }),
  };
}
