import { jsonResponse } from '../http/json-response.ts';
import type { ServerConfig } from '../config/types.ts';
import type { UpstreamHealth } from './upstream-health.ts';

/** `GET /healthz`: the server is up, in which mode, and how the last TomTicket call went (no call of its own). */
export function createHealthRoute(mode: ServerConfig['mode'], upstream: UpstreamHealth): () => Response {
  return () =>
    jsonResponse(200, { ok: true, mode, upstream: upstream.status() }, { 'Cache-Control': 'no-store' });
}
