/** Bytes a string takes in UTF-8 (a lone surrogate is sent as U+FFFD, three bytes). */
export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}
