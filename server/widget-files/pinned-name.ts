/**
 * Content-addressed script names: `widget.js` is also served as `widget.<hash>.js`, where `<hash>`
 * is the first 12 hexadecimal digits of the SHA-256 of its bytes. The build writes them, the
 * server serves them (and nothing else under such a name), the loaders ask for them: one pattern.
 */
export const PINNED_HASH_DIGITS = 12;

/** The pinned name of `file` whose SHA-256 is `sha256Hex`: `widget.js` → `widget.3f2a9c1b7e4d.js`. */
export function pinnedName(file: string, sha256Hex: string): string {
  return file.replace(/\.js$/, `.${sha256Hex.slice(0, PINNED_HASH_DIGITS)}.js`);
}

/** The stable name and the hash inside a pinned name, or undefined when `name` is not one (`widget-send.3f2a9c1b7e4d.js` → `widget-send.js`). */
export function parsePinnedName(name: string): { file: string; hash: string } | undefined {
  const match = new RegExp(`^([a-z][a-z-]*)\\.([0-9a-f]{${PINNED_HASH_DIGITS}})\\.js$`).exec(name);
  return match ? { file: `${match[1]}.js`, hash: match[2] as string } : undefined;
}
