// A host name or address with an optional port, as a Host header carries it: anything else is not
// put into the page.
const HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The origin a visitor reached this server at, for the demo page's embed snippet: the `Host`
 * header, and `https` when a proxy in front says so (`X-Forwarded-Proto`). Both come from the
 * visitor's own request and only shape the page answered to them (escaped as text), so a forged
 * value misleads no one else; a malformed Host falls back to `fallback`.
 */
export function pageOrigin(request: Request, fallback: string): string {
  const host = request.headers.get('host') ?? '';
  if (!HOST.test(host)) return fallback;
  const forwarded = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return `${forwarded === 'https' ? 'https' : 'http'}://${host.toLowerCase()}`;
}
