import { jsonResponse } from '../http/json-response.ts';
import type { ServerConfig } from '../config/types.ts';
import type { OutboxStatus } from '../outbox/types.ts';
import type { UpstreamHealth } from './upstream-health.ts';

/**
 * `GET /healthz`: the server is up, in which mode, how the last TomTicket call went (no call of its
 * own) and, when given, the outbox: tickets waiting, parked as uncertain or dead, the oldest's age.
 */
export function createHealthRoute(
  mode: ServerConfig['mode'],
  upstream: UpstreamHealth,
  outbox?: () => Promise<OutboxStatus>,
): () => Promise<Response> {
  return async () =>
    jsonResponse(
      200,
      { ok: true, mode, upstream: upstream.status(), ...(outbox ? { outbox: await outbox() } : {}) },
      { 'Cache-Control': 'no-store' },
    );
}
