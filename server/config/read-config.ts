import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServerConfig } from './types.ts';
import { ConfigError, readBaseUrl, readBoolean, readInteger, readOrigins, readText } from './env-values.ts';

export { ConfigError } from './env-values.ts';

/** The sandbox's example form configuration, used when FORM_CONFIG is not set in sandbox mode. */
export const SANDBOX_FORM_CONFIG_PATH = fileURLToPath(new URL('../sandbox/demo-form-config.json', import.meta.url));

const DEFAULT_API_URL = 'https://api.tomticket.com';
const MAX_TIMEOUT_MS = 10 * 60 * 1000;

/**
 * The server's configuration from environment variables, defaults filled in. Throws a
 * {@link ConfigError} naming the variable when a value is unusable. Without TOMTICKET_TOKEN the
 * server runs in sandbox mode: the token and API URL are then filled in by startServer, which
 * starts the built-in fake TomTicket.
 */
export function readConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const token = readText(env, 'TOMTICKET_TOKEN') ?? '';
  const mode = token === '' ? 'sandbox' : 'live';
  const requestTimeoutMs = readInteger(env, 'REQUEST_TIMEOUT_MS', 60_000, { min: 1000, max: MAX_TIMEOUT_MS });
  const headersTimeoutMs = readInteger(env, 'HEADERS_TIMEOUT_MS', 10_000, { min: 1000, max: MAX_TIMEOUT_MS });
  // Node refuses a headers timeout longer than the request timeout it is part of.
  if (headersTimeoutMs > requestTimeoutMs) {
    throw new ConfigError(
      `HEADERS_TIMEOUT_MS (${headersTimeoutMs}) must not exceed REQUEST_TIMEOUT_MS (${requestTimeoutMs})`,
    );
  }
  const formConfig = readText(env, 'FORM_CONFIG');

  return {
    mode,
    port: readInteger(env, 'PORT', 8787, { min: 0, max: 65_535 }),
    host: readText(env, 'HOST') ?? '127.0.0.1',
    tomticket: {
      token,
      apiUrl: readBaseUrl(env, 'TOMTICKET_API_URL', DEFAULT_API_URL),
      timeoutMs: readInteger(env, 'TOMTICKET_TIMEOUT_MS', 20_000, { min: 1, max: MAX_TIMEOUT_MS }),
      createCustomers: readBoolean(env, 'TOMTICKET_CREATE_CUSTOMERS', true),
      requestsPerSecond: readInteger(env, 'TOMTICKET_REQUESTS_PER_SECOND', 3, { min: 0, max: 1000 }),
      departmentsCacheMs: readInteger(env, 'DEPARTMENTS_CACHE_SECONDS', 300, { min: 0, max: 86_400 }) * 1000,
    },
    allowedOrigins: readOrigins(env, 'ALLOWED_ORIGINS'),
    allowLoopbackOrigins: readBoolean(env, 'ALLOW_LOOPBACK_ORIGINS', mode === 'sandbox'),
    formConfigPath:
      formConfig !== undefined ? resolve(formConfig) : mode === 'sandbox' ? SANDBOX_FORM_CONFIG_PATH : undefined,
    spoolDir: resolve(readText(env, 'SPOOL_DIR') ?? join(tmpdir(), 'tomticket-form')),
    requestTimeoutMs,
    headersTimeoutMs,
  };
}
