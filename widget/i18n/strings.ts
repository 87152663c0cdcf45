import type { Locale } from '../../contract/index.ts';

/** The texts the launcher draws before the rest of the form is loaded (launcher.js carries only these). */
export type LauncherKey =
  | 'open'
  | 'close'
  // The rest of the form could not be loaded (offline, blocked): the next click tries again.
  | 'partFailed';

/**
 * The key of every user-visible text: one list, which every locale table is checked against with
 * `satisfies` (a missing, extra or misspelled key is a type error). Each locale ships it in four
 * tables, one per script part that shows them: the launcher's, the form's, and the send part's two
 * (what sending and a sent ticket show, and the problems').
 * Keys named after an error code hold that code's text; `{n}`, `{max}`, `{message}`… are filled in.
 */
export type StringKey = LauncherKey | FormKey | SentKey | ProblemKey;

/** The texts the form draws: its labels, buttons and states. */
export type FormKey =
  // The form's labels
  | 'email' | 'name' | 'department' | 'category' | 'choose' | 'title' | 'message' | 'priority'
  | PriorityKey
  // What empty fields show, and the hints under them
  | PlaceholderKey | 'emailHint'
  // Attachments and the size meter
  | 'attachments' | 'drop' | 'remove' | 'more' | 'kb' | 'mb' | 'meter' | 'near' | 'over'
  // Send, and why it cannot send yet
  | 'send' | 'retry' | 'loading' | 'loadFailed';

/** The text a built-in text field shows while empty. */
export type PlaceholderKey = 'emailPlaceholder' | 'titlePlaceholder' | 'messagePlaceholder';

/**
 * What only a form that sends shows: the progress, a sent ticket's number or a queued one's
 * reference with a copy button, the line saying what the form sends with a ticket, the consent
 * left unticked. In the send part, since nothing is sent before it arrives.
 */
export type SentKey =
  | 'sending' | 'cancel' | 'sent' | 'sentPlain' | 'queued' | 'another'
  | 'ticketNumber' | 'reference' | 'copy' | 'copied' | 'copySelected'
  | 'contextNote' | 'consentRequired';

/** The text key of a priority's name: `p1` Baixa … `p4` Urgente. */
export type PriorityKey = 'p1' | 'p2' | 'p3' | 'p4';

/** The error codes that have a text of their own; every other code shows `internal`'s. */
export type ProblemKey =
  | 'required' | 'too_long' | 'invalid_email' | 'invalid_value' | 'not_an_option' | 'too_many_files'
  | 'request_too_large' | 'upstream_rejected' | 'upstream_unavailable' | 'upstream_timeout' | 'rate_limited'
  | 'origin_not_allowed' | 'identity_invalid' | 'identity_required' | 'file_type_denied' | 'file_not_image'
  | 'attachments_unavailable' | 'network' | 'aborted' | 'internal';

/** Every user-visible text of one locale, by key. */
export type Strings = Record<StringKey, string>;

/** The launcher's texts of one locale. */
export type LauncherStrings = Record<LauncherKey, string>;

/** The form's own texts of one locale. */
export type FormStrings = Record<FormKey, string>;

/** What sending and a sent ticket show, in one locale. */
export type SentStrings = Record<SentKey, string>;

/** The problems' texts of one locale. */
export type ProblemStrings = Record<ProblemKey, string>;

/** The locales the widget ships. */
export type { Locale };

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
