/**
 * Length of a text in Unicode code points, the unit TomTicket's character limits are read in
 * (an emoji is one character, not two UTF-16 units). Line breaks count once whatever their form,
 * since browsers turn `\n` into `\r\n` when they send a form.
 */
export function countChars(text: string): number {
  // Each surrogate pair and each CRLF becomes one unit; a lone surrogate already is one.
  return text.replace(/[\ud800-\udbff][\udc00-\udfff]|\r\n/g, ' ').length;
}
