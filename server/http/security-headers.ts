/** Headers every answer carries: no MIME sniffing, no framing, no referrer leaving the page. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
};

/**
 * The Content-Security-Policy of answers that set none: JSON, scripts and errors never need to
 * load anything or be framed, so even if a browser were tricked into rendering one as a page,
 * nothing in it could run.
 */
export const DEFAULT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/**
 * The policy of the demo page: the widget script and the API from this server only, its
 * thumbnails from blob: URLs, no inline script or style, never framed.
 */
export const PAGE_CSP =
  "default-src 'self'; img-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** A copy of `response` with extra headers set (answers from fetch-like sources may have immutable headers). */
export function withHeaders(response: Response, headers: Readonly<Record<string, string>>): Response {
  const merged = new Headers(response.headers);
  for (const [name, value] of Object.entries(headers)) merged.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: merged });
}

/** `response` with {@link SECURITY_HEADERS}, and {@link DEFAULT_CSP} unless it brings its own policy. */
export function withSecurityHeaders(response: Response): Response {
  const secured = withHeaders(response, SECURITY_HEADERS);
  if (!secured.headers.has('content-security-policy')) secured.headers.set('Content-Security-Policy', DEFAULT_CSP);
  return secured;
}
