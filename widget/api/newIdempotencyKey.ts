/**
 * A random UUID for the Idempotency-Key header. crypto.randomUUID exists only in secure contexts
 * and a page embedding the form may be plain http: there a blob URL's UUID serves (made unique by
 * the browser, and released at once).
 */
export function newIdempotencyKey(): string {
  if (crypto.randomUUID) return crypto.randomUUID();
  const url = URL.createObjectURL(new Blob());
  URL.revokeObjectURL(url);
  return url.slice(-36);
}
