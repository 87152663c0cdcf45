import proxyAddr from 'proxy-addr';
import type { RequestContext } from './types.ts';

/** The address a page reaches this server at, for the snippets that embed the widget. */
export type PublicOriginOf = (request: Request, context: RequestContext) => string;

// A host name, IPv4 or bracketed IPv6 address, and an optional port: nothing a Host header could smuggle into a snippet.
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * Where sites load the widget from: PUBLIC_URL when set (behind a proxy that rewrites paths, or to
 * show one address whatever name a request used). Otherwise the request's `Host` (when it is a plain
 * host name or address), over https when the request came through one of the TRUST_PROXY proxies
 * saying `X-Forwarded-Proto: https`, else http; `fallback` when the Host header is missing or odd.
 */
export function createPublicOrigin(options: { publicUrl?: string; trustProxy: readonly string[]; fallback: string }): PublicOriginOf {
  if (options.publicUrl) {
    const fixed = options.publicUrl;
    return () => fixed;
  }
  const trusted = options.trustProxy.length > 0 ? proxyAddr.compile([...options.trustProxy]) : () => false;
  return (request, context) => {
    const host = request.headers.get('host') ?? '';
    if (!HOST.test(host)) return options.fallback;
    const forwarded = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
    const https = forwarded === 'https' && trusted(context.remoteAddress, 0);
    return `${https ? 'https' : 'http'}://${host.toLowerCase()}`;
  };
}
