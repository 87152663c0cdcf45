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

/** The context's details in the order agents read them. */
export const CONTEXT_KEYS = Object.keys(CONTEXT_MAX_CHARS) as ContextKey[];

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
 * An upper bound of the bytes the context and the consent add to a ticket's request, in the browser's
 * body (the `context[…]` and `consent` parts) and in the form the server sends TomTicket (the block
 * at the end of the message, which shrinks to what the 1024 leaves, or the custom fields
 * CONTEXT_FIELD and the consent's `field` name). The size meter counts it whatever the form
 * sends, so it is never below either; server/notes/notes-bytes.test.ts fails when they outgrow it.
 */
export const NOTES_ALLOWANCE_BYTES = 12 * 1024;
