/**
 * The length TomTicket's limits see of a value as it arrived (line breaks as the multipart form
 * carried them, CRLF counting two): code points, or UTF-8 bytes as PHP's `strlen` counts them.
 * The fake's own arithmetic on purpose, not contract/'s, so a wrong guess in the server's
 * counting shows up as a refusal in the tests instead of agreeing with itself.
 */
export function fakeLength(value: string, unit: 'chars' | 'bytes'): number {
  if (unit === 'bytes') return Buffer.byteLength(value, 'utf8');
  let codePoints = 0;
  for (const _ of value) codePoints++;
  return codePoints;
}
