/** An `rgb(r, g, b)` / `rgba(…)` computed colour as its channels (0–255). */
export function parseRgb(color: string): [number, number, number] {
  const match = /^rgba?\((\d+(?:\.\d+)?),\s*(\d+(?:\.\d+)?),\s*(\d+(?:\.\d+)?)/.exec(color);
  if (!match) throw new Error(`not an rgb() colour: ${color}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** WCAG relative luminance of a computed colour: 0 is black, 1 is white (https://www.w3.org/TR/WCAG22/#dfn-relative-luminance). */
export function luminance(color: string): number {
  const [r, g, b] = parseRgb(color).map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

