/**
 * `Content-Disposition: attachment` for a file name anybody chose: an ASCII-only `filename` for old
 * clients and the exact name in RFC 6266's `filename*=UTF-8''…`. Quotes, backslashes and control
 * characters cannot break out of the header.
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_') || 'download';
  // RFC 5987's attr-char excludes ' ( ) * which encodeURIComponent leaves alone.
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
