/**
 * Puts `text` on the clipboard; where the page may not (plain http, a refusal) selects `shown`,
 * the element showing it, for the visitor to copy. Resolves to what happened.
 */
export async function copyText(text: string, shown: HTMLElement): Promise<'copied' | 'selected'> {
  try {
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    getSelection()?.selectAllChildren(shown);
    return 'selected';
  }
}
