import type { LegacyEndpoint } from './endpoint.ts';

/** Where a legacy-API call goes: the server to connect to, the path to ask for, and the same path fit for a log line. */
export interface UpstreamUrl {
  /** e.g. `https://api.tomticket.com`. */
  origin: string;
  /** The request target, token included: only ever handed to the HTTP client. */
  path: string;
  /** e.g. `criar_chamado/***\/…`: the token as `***`, hidden segments and query values as `…`. */
  logPath: string;
}

/** A path segment after the token; `logged: true` shows it in logs (a ticket id, not an e-mail). */
export interface PathSegment {
  value: string;
  logged?: boolean;
}

// RFC 3986 `pchar`: what a path segment may carry as is. `@` among them: every public integration
// sends e-mails with a bare `@`, and a server that does not decode its path would not find `%40`.
const NOT_PATH_CHARACTER = /[^A-Za-z0-9\-._~!$&'()*+,;=:@]/gu;

/**
 * A segment as it goes into the path: characters a path segment may hold stay as they are (`@`,
 * `+`, `.`), everything that would break the path (`/`, `?`, `#`, `%`, spaces, non-ASCII) is
 * percent-encoded as UTF-8.
 */
export function encodePathSegment(value: string): string {
  return value.replace(NOT_PATH_CHARACTER, (character) => encodeURIComponent(character));
}

/**
 * The target of `{apiUrl}/{endpoint}/{token}/{segments…}?{query}`. The token is fully
 * URL-encoded (it is ours to spell); the segments after it keep the characters a path allows.
 * The legacy API puts the token in the path, so the path itself is a secret.
 */
export function upstreamUrl(
  apiUrl: string,
  token: string,
  endpoint: LegacyEndpoint,
  segments: readonly PathSegment[] = [],
  query?: Record<string, string>,
  hiddenQuery: readonly string[] = [],
): UpstreamUrl {
  const base = new URL(apiUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  const path = [endpoint, encodeURIComponent(token), ...segments.map((segment) => encodePathSegment(segment.value))];
  const logPath = [endpoint, '***', ...segments.map((segment) => (segment.logged ? encodePathSegment(segment.value) : '…'))];
  return { origin: base.origin, path: `${prefix}/${path.join('/')}${querySuffix(query)}`, logPath: logPath.join('/') + loggedQuerySuffix(query, hiddenQuery) };
}

/** `?a=1&b=2`, or nothing without a query. */
export function querySuffix(query: Record<string, string> | undefined): string {
  return query ? `?${new URLSearchParams(query).toString()}` : '';
}

/** The query as a log line shows it: the values of `hidden` keys (a customer's e-mail) as `…`. */
export function loggedQuerySuffix(query: Record<string, string> | undefined, hidden: readonly string[]): string {
  if (!query) return '';
  const pairs = Object.entries(query).map(([key, value]) => `${encodeURIComponent(key)}=${hidden.includes(key) ? '…' : encodeURIComponent(value)}`);
  return `?${pairs.join('&')}`;
}
