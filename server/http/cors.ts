import { PROTECTION } from '../../contract/index.ts';
import type { ServerConfig } from '../config/types.ts';

/** Which browser origins may call /api/*. */
export interface OriginPolicy {
  allows(origin: string): boolean;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * The exact origins of ALLOWED_ORIGINS, plus http(s)://localhost, 127.0.0.1 and [::1] on any port
 * when loopback origins are allowed (the sandbox default, so the demo page works out of the box).
 */
export function createOriginPolicy(config: Pick<ServerConfig, 'allowedOrigins' | 'allowLoopbackOrigins'>): OriginPolicy {
  const exact = new Set(config.allowedOrigins);
  return {
    allows(origin) {
      if (exact.has(origin)) return true;
      return config.allowLoopbackOrigins && isLoopbackOrigin(origin);
    },
  };
}

function isLoopbackOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    // url.origin === origin rejects anything a browser would not send, e.g. a path or credentials.
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(url.hostname) && url.origin === origin;
  } catch {
    return false;
  }
}

/** Headers that let an allowed origin read an answer, Retry-After included (the widget shows the wait). */
export function allowOriginHeaders(origin: string): Record<string, string> {
  return { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': 'Retry-After' };
}

/** The methods of /api/*, as preflights announce them. */
export const API_METHODS = ['GET', 'POST', 'OPTIONS'] as const;

/** The answer to a CORS preflight from an allowed origin: the methods and headers the API accepts. */
export function preflightHeaders(origin: string): Record<string, string> {
  return {
    ...allowOriginHeaders(origin),
    'Access-Control-Allow-Methods': API_METHODS.join(', '),
    // Authorization carries the customer's identity token; Form-Token and Altcha the bot checks.
    'Access-Control-Allow-Headers': `Content-Type, Idempotency-Key, Authorization, ${PROTECTION.formTokenHeader}, ${PROTECTION.proofHeader}`,
    'Access-Control-Max-Age': String(PREFLIGHT_MAX_AGE_SECONDS),
  };
}
