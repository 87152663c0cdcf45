import type { ptBR } from './pt-BR.ts';

/** Every user-visible text of one locale, by key (pt-BR defines the keys). */
export type Strings = { [K in keyof typeof ptBR]: string };

/** A key of {@link Strings}. */
export type StringKey = keyof Strings;

/** The locales the widget ships. */
export type Locale = 'pt-BR' | 'en' | 'es';

/** A site's replacements, per locale: `{ 'pt-BR': { send: 'Mandar' } }`. */
export type StringOverrides = { [L in Locale]?: Partial<Strings> };

/** Something that failed, by code; the text is looked up from the code and filled with the rest. */
export interface Problem {
  code: string;
  /** The server's own words (shown for upstream_rejected). */
  message?: string;
  /** A count: the character limit, the file limit, the minutes to wait. */
  n?: number;
  /** A byte limit, written as a size. */
  max?: number;
}
