import { enLauncher } from './en.ts';
import { esLauncher } from './es.ts';
import { ptBRLauncher } from './pt-BR.ts';
import type { LauncherStrings, Locale, StringOverrides } from './strings.ts';

const LAUNCHER_TABLES: Readonly<Record<Locale, LauncherStrings>> = { 'pt-BR': ptBRLauncher, en: enLauncher, es: esLauncher };

/** The launcher's texts in `locale`, each of `overrides` (later wins) replacing shipped ones. */
export function launcherTexts(locale: Locale, overrides: ReadonlyArray<StringOverrides | undefined>): LauncherStrings {
  const { open, close, partFailed } = Object.assign({}, LAUNCHER_TABLES[locale], ...overrides.map((o) => o?.[locale]));
  return { open, close, partFailed };
}
