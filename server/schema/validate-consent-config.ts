import { LIMITS, LOCALES, type Locale } from '../../contract/index.ts';
import { checkKeys, checkText, describeValue, isObject, type Problems } from './config-checks.ts';
import type { FormConfigConsent } from './types.ts';

const CONSENT_KEYS = ['version', 'text', 'url', 'field'] as const;
const MAX_VERSION_CHARS = 64;
const MAX_TEXT_CHARS = 500;
// One link, in brackets, with something in them: "Li e aceito a [Política de Privacidade]."
const ONE_LINK = /^[^[\]]*\[[^[\]]*\S[^[\]]*\][^[\]]*$/;

/**
 * Checks FORM_CONFIG's `consent`: a `version` naming the text (letters, digits, `.`, `_`, `-`, up
 * to 64), its `text` in every language the widget speaks (pt-BR, en, es), each with one
 * `[bracketed]` part that links to the privacy policy, the policy's `url` (one absolute http(s)
 * address, or one per language), and optionally the custom `field` that also records it.
 */
export function validateConsentConfig(value: unknown, problems: Problems): FormConfigConsent | undefined {
  const where = 'consent';
  if (!isObject(value)) {
    problems.push(`${where}: must be an object with version, text and url, got ${describeValue(value)}`);
    return undefined;
  }
  const before = problems.length;
  checkKeys(value, CONSENT_KEYS, where, problems);
  const { version, text, url, field } = value;
  if (checkText(version, `${where}.version`, problems, MAX_VERSION_CHARS) && !/^[\w.-]+$/.test(version)) {
    problems.push(`${where}.version: letters, digits, ".", "_" and "-" only (it goes into every ticket), got ${describeValue(version)}`);
  }
  const texts = perLocale(text, `${where}.text`, problems, (entry, at) => {
    if (!checkText(entry, at, problems, MAX_TEXT_CHARS)) return;
    if (!ONE_LINK.test(entry)) problems.push(`${at}: must put the words that link to the privacy policy in one pair of [brackets], got ${describeValue(entry)}`);
  });
  const checkUrl = (entry: unknown, at: string) => {
    if (checkText(entry, at, problems) && !isWebAddress(entry)) problems.push(`${at}: must be an absolute http(s) address, got ${describeValue(entry)}`);
  };
  let urls: FormConfigConsent['url'] | undefined;
  if (typeof url === 'string') {
    checkUrl(url, `${where}.url`);
    urls = url;
  } else {
    urls = perLocale(url, `${where}.url`, problems, checkUrl);
  }
  if (field !== undefined) checkText(field, `${where}.field`, problems, LIMITS.idMaxChars);
  if (problems.length > before || !texts || !urls) return undefined;
  return { version: version as string, text: texts, url: urls, ...(field !== undefined ? { field: field as string } : {}) };
}

/** An object with one entry per widget language, each checked by `check`. */
function perLocale(value: unknown, where: string, problems: Problems, check: (entry: unknown, at: string) => void): Record<Locale, string> | undefined {
  if (!isObject(value)) {
    problems.push(`${where}: must be an object with one entry per language (${LOCALES.join(', ')}), got ${describeValue(value)}`);
    return undefined;
  }
  const before = problems.length;
  checkKeys(value, LOCALES, where, problems);
  for (const locale of LOCALES) {
    if (value[locale] === undefined) problems.push(`${where}.${locale}: missing (the form speaks ${LOCALES.join(', ')})`);
    else check(value[locale], `${where}.${locale}`);
  }
  return problems.length > before ? undefined : (value as Record<Locale, string>);
}

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
