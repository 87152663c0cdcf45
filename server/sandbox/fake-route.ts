import type { FakeCallRole, FakeLegacyEndpoint } from './types.ts';

/** An endpoint of TomTicket's legacy API. */
export type FakeEndpoint = FakeLegacyEndpoint;

/** What each legacy endpoint is for (tests compare both APIs' calls by role). */
export const LEGACY_ROLES: Record<FakeEndpoint, FakeCallRole> = {
  criar_chamado: 'ticket_create',
  cliente: 'customer_check',
  criar_cliente: 'customer_create',
  departamentos: 'departments',
  chamado: 'ticket_detail',
  chamados: 'ticket_list',
};

/** Where a request path points: the endpoint, the raw token segment, and the raw segments after it. */
export interface FakeRoute {
  endpoint: FakeEndpoint;
  method: 'GET' | 'POST';
  tokenSegment: string;
  params: string[];
}

// Each endpoint's method and how many path segments may follow the token (see tomticket-api.md;
// `cliente` also takes the identifier type as a segment, which only the 'path' variant reads).
const ENDPOINTS: Record<FakeEndpoint, { method: 'GET' | 'POST'; params: readonly number[] }> = {
  criar_chamado: { method: 'POST', params: [1] },
  cliente: { method: 'GET', params: [1, 2] },
  criar_cliente: { method: 'POST', params: [0] },
  departamentos: { method: 'GET', params: [0] },
  chamado: { method: 'GET', params: [1] },
  chamados: { method: 'GET', params: [1] },
};

/** The endpoint a pathname addresses (one trailing slash allowed), or undefined when none does. */
export function matchFakeRoute(pathname: string): FakeRoute | undefined {
  const segments = pathname.split('/').slice(1);
  if (segments.length > 1 && segments.at(-1) === '') segments.pop();
  const [name, tokenSegment, ...params] = segments;
  if (name === undefined || tokenSegment === undefined || !Object.hasOwn(ENDPOINTS, name)) return undefined;
  const endpoint = name as FakeEndpoint;
  const shape = ENDPOINTS[endpoint];
  if (!shape.params.includes(params.length)) return undefined;
  return { endpoint, method: shape.method, tokenSegment, params };
}

/** Whether a raw path segment is the token, read as the account reads segments. */
export function isToken(segment: string, token: string, pathSegments: 'decoded' | 'raw' = 'decoded'): boolean {
  return token !== '' && readSegment(segment, pathSegments) === token;
}

/**
 * A path segment as the account reads it: URL-decoded ('decoded'), or exactly as it arrived
 * ('raw', a server that never decodes its path). Undefined when a decoding fails.
 */
export function readSegment(segment: string, pathSegments: 'decoded' | 'raw'): string | undefined {
  return pathSegments === 'raw' ? segment : decodeSegment(segment);
}

/** A URL-decoded path segment, or undefined when its percent-encoding is broken. */
export function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * The path and query as recorded: the token's segment becomes `***`, and so does the token
 * anywhere else it appears (raw or percent-encoded), wherever a confused client put it.
 */
export function redactPath(pathAndQuery: string, route: FakeRoute | undefined, tokens: readonly string[]): string {
  let redacted = pathAndQuery;
  if (route) {
    const queryStart = redacted.indexOf('?');
    const path = queryStart === -1 ? redacted : redacted.slice(0, queryStart);
    const query = queryStart === -1 ? '' : redacted.slice(queryStart);
    const segments = path.split('/');
    segments[2] = '***';
    redacted = segments.join('/') + query;
  }
  for (const token of tokens) {
    if (token) redacted = redacted.replaceAll(token, '***').replaceAll(encodeURIComponent(token), '***');
  }
  return redacted;
}
