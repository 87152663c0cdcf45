/**
 * Text with `& < > " '` replaced by character references: safe in HTML text and in quoted
 * attribute values alike, so one function serves every page the server writes.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
