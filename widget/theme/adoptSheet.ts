/**
 * Adds `css` to `root` as a constructed stylesheet, after the ones it has: a strict `style-src`
 * CSP allows it where a <style> without nonce would not. The returned function takes it away.
 */
export function adoptSheet(root: ShadowRoot, css: string): () => void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  return () => (root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet));
}
