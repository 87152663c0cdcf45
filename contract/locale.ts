/** The languages the widget ships, and the consent's texts are written in. */
export const LOCALES = ['pt-BR', 'en', 'es'] as const;

/** One of {@link LOCALES}. */
export type Locale = (typeof LOCALES)[number];
