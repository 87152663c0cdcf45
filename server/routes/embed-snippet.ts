/**
 * The two lines a site pastes to embed the form this server answers, served from `origin`: the
 * widget's script and the element. The demo page shows them (its `{{EMBED_SNIPPET}}`), so a
 * newcomer copies the exact address of the server in front of them.
 */
export function embedSnippet(origin: string): string {
  return `<script src="${origin}/widget.js" defer></script>\n<tomticket-form></tomticket-form>`;
}
