/**
 * The key of every user-visible text, in the order each locale table lists its texts. Keys named
 * after an error code hold that code's text; `{n}`, `{max}`, `{message}`… are filled in.
 */
export const KEYS = [
  // The form's labels
  'email', 'name', 'department', 'category', 'choose', 'title', 'message', 'priority', 'p1', 'p2', 'p3', 'p4',
  // Attachments and the size meter
  'attachments', 'drop', 'remove', 'more', 'kb', 'mb', 'meter', 'near', 'over',
  // Sending, its outcome, the launcher
  'send', 'sending', 'cancel', 'retry', 'loading', 'loadFailed', 'sent', 'sentPlain', 'queued', 'another',
  'open', 'close',
  // Problems, named by error code
  'required', 'too_long', 'invalid_email', 'invalid_value', 'not_an_option', 'too_many_files',
  'request_too_large', 'upstream_rejected', 'upstream_unavailable', 'upstream_timeout', 'rate_limited',
  'origin_not_allowed', 'identity_invalid', 'identity_required', 'file_type_denied', 'file_not_image',
  'attachments_unavailable', 'network', 'aborted', 'internal',
] as const;

/** A key of {@link Strings}. */
export type StringKey = (typeof KEYS)[number];

/** Every user-visible text of one locale, by key. */
export type Strings = Record<StringKey, string>;

/**
 * A locale as shipped: its texts in the order of {@link KEYS}, so the bundle carries each key once
 * (a text missing or extra is a type error).
 */
export type Table = OneTextPer<typeof KEYS>;

// Generic so that the mapped type keeps the tuple's length.
type OneTextPer<T> = { readonly [I in keyof T]: string };

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
