/**
 * The page and device details the widget sends with a ticket so that agents need not ask (the
 * `context` attribute): each a multipart part `context[<key>]` of plain text, at most
 * {@link CONTEXT_MAX_CHARS} characters (Unicode code points). The widget collects them at send time
 * and cuts them to these lengths; the server refuses anything longer or of another shape.
 */
export const CONTEXT_MAX_CHARS = {
  /** The page's address: without query string and fragment unless `context="full"`. */
  page: 500,
  /** The page's title. */
  title: 200,
  /** Browser and major version: `Chrome 126`, `Safari 17.4`. */
  browser: 60,
  /** Operating system and version: `Windows 11`, `Android 14`, `iOS 17.5`. */
  os: 60,
  /** One of {@link DEVICE_TYPES}. */
  device: 7,
  /** The screen's size in CSS pixels: `1920x1080`. */
  screen: 11,
  /** The browser window's inner size in CSS pixels: `1280x720`. */
  window: 11,
  /** The browser's language, a BCP 47 tag: `pt-BR`. */
  language: 35,
  /** The IANA time zone: `America/Sao_Paulo`. */
  timeZone: 64,
} as const;

/** One of the context's details. */
export type ContextKey = keyof typeof CONTEXT_MAX_CHARS;

/** The context's details in the order agents read them. Pure: the widget's scripts that do not use it drop it. */
export const CONTEXT_KEYS = /* @__PURE__ */ Object.keys(CONTEXT_MAX_CHARS) as ContextKey[];

/** The kinds of device the context names. */
export const DEVICE_TYPES = ['desktop', 'mobile', 'tablet'] as const;

/** A ticket's context, as sent: any subset of the details (a browser may not tell them all). */
export type TicketContext = Partial<Record<ContextKey, string>>;

/** The multipart name of a context detail: `context[page]`. */
export function contextFieldName(key: ContextKey): `context[${ContextKey}]` {
  return `context[${key}]`;
}

/** The detail inside a `context[<key>]` name, or undefined when the name is not one. */
export function parseContextFieldName(name: string): ContextKey | undefined {
  const match = /^context\[(\w+)\]$/.exec(name);
  return match && Object.hasOwn(CONTEXT_MAX_CHARS, match[1] as string) ? (match[1] as ContextKey) : undefined;
}

/**
 * What no detail holds: control characters (line breaks and tabs too: a detail is one line of the
 * block agents read) and the marks that reorder text on screen.
 */
export const NOT_PLAIN_TEXT = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffd]/;

const NAME_AND_VERSION = /^[\p{L}\p{N} .()/_+-]+$/u;
const SIZE = /^\d{1,5}x\d{1,5}$/;
// Each detail's shape, beyond its length: what a browser reports, nothing that could carry markup.
const SHAPES: Readonly<Record<ContextKey, (value: string) => boolean>> = {
  page: isPageAddress,
  title: () => true,
  browser: (value) => NAME_AND_VERSION.test(value),
  os: (value) => NAME_AND_VERSION.test(value),
  device: (value) => (DEVICE_TYPES as readonly string[]).includes(value),
  screen: (value) => SIZE.test(value),
  window: (value) => SIZE.test(value),
  language: (value) => /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/.test(value),
  timeZone: (value) => /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/.test(value),
};

/**
 * Why the server would refuse `value` as the detail `key` (trimmed, non-empty): longer than its
 * limit (in code points), or not of its shape. The widget drops what this refuses before sending,
 * so an honest form never has its ticket refused for its context.
 */
export function contextProblem(key: ContextKey, value: string): 'too_long' | 'invalid_value' | undefined {
  if (Array.from(value).length > CONTEXT_MAX_CHARS[key]) return 'too_long';
  return NOT_PLAIN_TEXT.test(value) || !SHAPES[key](value) ? 'invalid_value' : undefined;
}

/** An absolute http(s) address without credentials. */
function isPageAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/**
 * An upper bound of the bytes the context and the consent add to a ticket's request, in the browser's
 * body (the `context[…]` and `consent` parts) and in the form the server sends TomTicket (the block
 * at the end of the message, which shrinks to what the 1024 leaves, or the custom fields
 * CONTEXT_FIELD and the consent's `field` name). The size meter counts it whatever the form
 * sends, so it is never below either; server/notes/notes-bytes.test.ts fails when they outgrow it
 * (the browser's parts are the larger: 4,388 B at most), or when it is far above them.
 */
export const NOTES_ALLOWANCE_BYTES = 4608;
