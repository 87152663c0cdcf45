/**
 * A typed value as it is counted and forwarded: every line break as LF (browsers send CRLF, and
 * TomTicket's limits count a line break once) and no surrounding whitespace.
 */
export function normaliseText(value: string): string {
  return value.replace(/\r\n?/g, '\n').trim();
}
