import type { Locale } from './locale.ts';

/**
 * The consent a form asks for when FORM_CONFIG defines one (LGPD, GDPR): a required checkbox whose
 * label is `text` in the form's language, the part in `[brackets]` linking to `url`. `version`
 * names the text; the ticket records it with the consent.
 */
export interface ConsentSchema {
  version: string;
  texts: Readonly<Record<Locale, { text: string; url: string }>>;
}

/** The multipart name of the consent checkbox: sent as `true` when ticked. */
export const CONSENT_FIELD = 'consent';
