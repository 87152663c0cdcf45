import type { UpstreamRequest } from '../call-upstream.ts';
import type { WireTarget } from '../dialect.ts';
import { loggedQuerySuffix, querySuffix } from '../upstream-url.ts';

/**
 * Where an API 2.0 call goes: `{apiUrl}/v2.0/{endpoint}?{query}`, the token only ever in the
 * `Authorization: Bearer` header [doc: "A autenticação da versão 2.0 da API é feita por Bearer
 * Token"]. Nothing secret is in the path, but a customer's e-mail in the query is still hidden
 * from the log path.
 */
export function v2Target(apiUrl: string, token: string, request: UpstreamRequest): WireTarget {
  const prefix = new URL(apiUrl).pathname.replace(/\/+$/, '');
  return {
    path: `${prefix}/v2.0/${request.endpoint}${querySuffix(request.query)}`,
    logPath: `v2.0/${request.endpoint}${loggedQuerySuffix(request.query, request.hiddenQuery ?? [])}`,
    headers: { authorization: `Bearer ${token}` },
  };
}
