import type { Locale } from './strings.ts';

/** The first of `candidates` (attribute, page language, browser language) the widget speaks, else pt-BR. */
export function pickLocale(...candidates: Array<string | null | undefined>): Locale {
  for (const candidate of candidates) {
    const primary = candidate?.slice(0, 2).toLowerCase();
    if (primary === 'pt') return 'pt-BR';
    if (primary === 'en' || primary === 'es') return primary;
  }
  return 'pt-BR';
}
