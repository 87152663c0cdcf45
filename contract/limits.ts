/**
 * The limits of TomTicket's ticket-creation call (see ../shared/tomticket-api.md), shared by the
 * widget and the companion server so there is exactly one copy of each number.
 */
export const LIMITS = {
  /** `titulo`: at most 250 characters (Unicode code points, not bytes). */
  titleMaxChars: 250,
  /** `mensagem`: at most 1024 characters. */
  messageMaxChars: 1024,
  /** `id_departamento`, `id_tipoassunto` and custom-field values: at most 250 characters. */
  idMaxChars: 250,
  /** A custom field's value when its definition names no smaller maximum. */
  customFieldMaxChars: 250,
  /** The customer's name as sent to customer creation. */
  nameMaxChars: 250,
  /** An e-mail address (RFC 5321's path limit). */
  emailMaxChars: 254,
  /** The whole request, attachments included: 25 MB counted as 25 × 1024 × 1024 bytes. */
  requestMaxBytes: 25 * 1024 * 1024,
  /** A file name, in characters, after sanitising. */
  fileNameMaxChars: 200,
  /** How many files one ticket may carry (TomTicket's v2 documents 25; legacy publishes none). */
  maxFiles: 25,
} as const;

/** The full shape of {@link LIMITS}, as the form schema carries it to the widget. */
export type Limits = { readonly [K in keyof typeof LIMITS]: number };
