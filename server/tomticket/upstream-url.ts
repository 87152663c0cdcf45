import type { Endpoint } from './endpoint.ts';

/** Where a legacy-API call goes: the real URL, and the same path fit for a log line. */
export interface UpstreamUrl {
  /** Holds the token: only ever handed to fetch. */
  url: string;
  /** e.g. `criar_chamado/***\/…`: the token as `***`, hidden segments as `…`. */
  logPath: string;
}

/** A path segment after the token; `logged: true` shows it in logs (a ticket id, not an e-mail). */
export interface PathSegment {
  value: string;
  logged?: boolean;
}

/**
 * The URL of `{apiUrl}/{endpoint}/{token}/{segments…}?{query}`, every segment URL-encoded.
 * The legacy API puts the token in the path, so the URL itself is a secret.
 */
export function upstreamUrl(
  apiUrl: string,
  token: string,
  endpoint: Endpoint,
  segments: readonly PathSegment[] = [],
  query?: Record<string, string>,
): UpstreamUrl {
  const base = apiUrl.replace(/\/+$/, '');
  const path = [endpoint, encodeURIComponent(token), ...segments.map((segment) => encodeURIComponent(segment.value))];
  const logPath = [endpoint, '***', ...segments.map((segment) => (segment.logged ? encodeURIComponent(segment.value) : '…'))];
  const search = query ? `?${new URLSearchParams(query).toString()}` : '';
  return { url: `${base}/${path.join('/')}${search}`, logPath: logPath.join('/') + search };
}
