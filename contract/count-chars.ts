/**
 * Length of a text in Unicode code points, the unit TomTicket's character limits are read in
 * (an emoji is one character, not two UTF-16 units). Line breaks count once whatever their form,
 * since browsers turn `\n` into `\r\n` when they send a form.
 */
export function countChars(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const isHighSurrogate = code >= 0xd800 && code <= 0xdbff;
    if (isHighSurrogate && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    } else if (code === 0x0d && text.charCodeAt(i + 1) === 0x0a) {
      i++;
    }
    count++;
  }
  return count;
}
