import { join, resolve } from 'node:path';
import { DEFAULT_WRITE_TIMEOUT_MS } from '../http/node-listener.ts';
import { PACKAGE_ROOT } from './package-root.ts';
import type { DeliveryConfig, ServerConfig } from './types.ts';
import { readProtectionConfig } from './read-protection-config.ts';
import { ConfigError, readBaseUrl, readBoolean, readInteger, readOrigins, readText } from './env-values.ts';
import type { ApiName } from '../tomticket/types.ts';
import { LIMITS, LOCALES, type Locale } from '../../contract/index.ts';
import { DEFAULT_ATTACHMENT_FIELD } from '../tomticket/v2/v2-dialect.ts';
import { DEMO_CONTEXT_FIELD } from '../sandbox/demo-data.ts';

export { ConfigError } from './env-values.ts';

/** The sandbox's example form configuration, used when FORM_CONFIG is not set in sandbox mode. */
export const SANDBOX_FORM_CONFIG_PATH = join(PACKAGE_ROOT, 'server', 'sandbox', 'demo-form-config.json');
/**
 * The same on API 2.0, where the demo account describes its custom fields itself: this file only
 * changes some of them (help texts, a label, a type the widget cannot guess), as a site owner's would.
 */
export const SANDBOX_V2_FORM_CONFIG_PATH = join(PACKAGE_ROOT, 'server', 'sandbox', 'demo-form-config-v2.json');

const DEFAULT_API_URL = 'https://api.tomticket.com';
// A multipart field name goes into a part header: nothing that could end or escape it.
const FIELD_NAME = /^[\x21\x23-\x7e][\x20\x21\x23-\x7e]{0,99}$/;
const MAX_TIMEOUT_MS = 10 * 60 * 1000;
const MAX_RETRY_PAUSE_MS = 24 * 60 * 60 * 1000;
/** DATA_DIR when unset, relative to the working directory (git-ignored). */
export const DEFAULT_DATA_DIR = '.data';
/**
 * MAX_CONNECTIONS when unset. Far more than a support form's visitors open at once (a browser uses
 * one or two), few enough that a flood of connections cannot take the process's file descriptors,
 * and each may be spooling up to 25 MB into SPOOL_DIR while it lasts.
 */
export const DEFAULT_MAX_CONNECTIONS = 256;
/** OUTBOX_MAX_MB when unset: a weekend-long outage of ordinary tickets, not 600 × 25 MB an hour. */
export const DEFAULT_OUTBOX_MAX_MB = 2048;
const MB = 1024 * 1024;

/** How the outbox delivers when the environment does not say. */
export const DELIVERY_DEFAULTS: DeliveryConfig = {
  waitMs: 15_000,
  retryBaseMs: 5_000,
  retryMaxMs: 5 * 60 * 1000,
  // Three days: a weekend-long outage still ends in delivery, not in the dead-letter folder.
  deadAfterMs: 72 * 60 * 60 * 1000,
  // Well past any creation TomTicket could still finish after the server gave up on its answer
  // (PHP's and proxies' own time limits are a minute or less).
  lookupGraceMs: 5 * 60 * 1000,
  // A few: an answer the server cannot read is a configuration problem, not a passing one.
  maxRefusals: 5,
};

/** What a server started with neither a token nor the sandbox is told (and exits with status 1). */
export const MISSING_TOKEN_MESSAGE =
  'TOMTICKET_TOKEN is not set. Set TOMTICKET_TOKEN to your TomTicket account\'s API token to send tickets to ' +
  'TomTicket, or set SANDBOX=true to try the form against the built-in fake TomTicket (tickets then go nowhere).';

/**
 * The server's configuration from environment variables, defaults filled in. Throws a
 * {@link ConfigError} naming the variable when a value is unusable, or when neither TOMTICKET_TOKEN
 * nor SANDBOX=true is set: a production server must never quietly become the sandbox. In sandbox
 * mode the token and API URL are filled in by startServer, which starts the built-in fake.
 */
export function readConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const sandbox = readBoolean(env, 'SANDBOX', false);
  const token = sandbox ? '' : (readText(env, 'TOMTICKET_TOKEN') ?? '');
  if (!sandbox && token === '') throw new ConfigError(MISSING_TOKEN_MESSAGE);
  const mode = sandbox ? 'sandbox' : 'live';
  const messageFormat = readText(env, 'MESSAGE_FORMAT') ?? 'html';
  if (messageFormat !== 'html' && messageFormat !== 'text') {
    throw new ConfigError(`MESSAGE_FORMAT must be html or text, got "${messageFormat}"`);
  }
  const requestTimeoutMs = readInteger(env, 'REQUEST_TIMEOUT_MS', 60_000, { min: 1000, max: MAX_TIMEOUT_MS });
  const headersTimeoutMs = readInteger(env, 'HEADERS_TIMEOUT_MS', 10_000, { min: 1000, max: MAX_TIMEOUT_MS });
  // Node refuses a headers timeout longer than the request timeout it is part of.
  if (headersTimeoutMs > requestTimeoutMs) {
    throw new ConfigError(
      `HEADERS_TIMEOUT_MS (${headersTimeoutMs}) must not exceed REQUEST_TIMEOUT_MS (${requestTimeoutMs})`,
    );
  }
  const api = readApi(env);
  const formConfig = readText(env, 'FORM_CONFIG');
  const sandboxFormConfig = api === 'v2' ? SANDBOX_V2_FORM_CONFIG_PATH : SANDBOX_FORM_CONFIG_PATH;
  // Sandbox tickets get their own outbox: a real ticket left queued must never go to the fake.
  const dataDir = resolve(readText(env, 'DATA_DIR') ?? DEFAULT_DATA_DIR, mode === 'sandbox' ? 'sandbox' : '.');

  return {
    mode,
    messageFormat,
    sandboxPublic: readBoolean(env, 'SANDBOX_PUBLIC', false),
    port: readInteger(env, 'PORT', 8787, { min: 0, max: 65_535 }),
    host: readText(env, 'HOST') ?? '127.0.0.1',
    tomticket: {
      api,
      token,
      apiUrl: readBaseUrl(env, 'TOMTICKET_API_URL', DEFAULT_API_URL),
      attachmentField: readAttachmentField(env),
      timeoutMs: readInteger(env, 'TOMTICKET_TIMEOUT_MS', 20_000, { min: 1, max: MAX_TIMEOUT_MS }),
      createCustomers: readBoolean(env, 'TOMTICKET_CREATE_CUSTOMERS', true),
      requestsPerSecond: readInteger(env, 'TOMTICKET_REQUESTS_PER_SECOND', 3, { min: 0, max: 1000 }),
      departmentsCacheMs: readInteger(env, 'DEPARTMENTS_CACHE_SECONDS', 300, { min: 0, max: 86_400 }) * 1000,
    },
    allowedOrigins: readOrigins(env, 'ALLOWED_ORIGINS'),
    allowLoopbackOrigins: readBoolean(env, 'ALLOW_LOOPBACK_ORIGINS', mode === 'sandbox'),
    formConfigPath:
      formConfig !== undefined ? resolve(formConfig) : mode === 'sandbox' ? sandboxFormConfig : undefined,
    // Beside the outbox by default, so an accepted upload moves into it by a rename, not a copy.
    spoolDir: resolve(readText(env, 'SPOOL_DIR') ?? join(dataDir, 'spool')),
    requestTimeoutMs,
    headersTimeoutMs,
    maxConnections: readInteger(env, 'MAX_CONNECTIONS', DEFAULT_MAX_CONNECTIONS, { min: 1, max: 1_000_000 }),
    writeTimeoutMs: readInteger(env, 'WRITE_TIMEOUT_MS', DEFAULT_WRITE_TIMEOUT_MS, { min: 100, max: MAX_TIMEOUT_MS }),
    outboxMaxBytes: readInteger(env, 'OUTBOX_MAX_MB', DEFAULT_OUTBOX_MAX_MB, { min: 1, max: 100 * 1024 * 1024 }) * MB,
    dataDir,
    delivery: readDeliveryConfig(env),
    protection: readProtectionConfig(env),
    ...(readText(env, 'PUBLIC_URL') !== undefined ? { publicUrl: readBaseUrl(env, 'PUBLIC_URL', '') } : {}),
    ...(readText(env, 'CONTEXT_FIELD') !== undefined
      ? { contextField: readContextField(env) }
      : mode === 'sandbox' && api === 'v2'
        ? { contextField: DEMO_CONTEXT_FIELD }
        : {}),
    notesLanguage: readNotesLanguage(env),
  };
}

/** CONTEXT_FIELD: a TomTicket custom field id (what FORM_CONFIG's field ids are). */
function readContextField(env: NodeJS.ProcessEnv): string {
  const id = readText(env, 'CONTEXT_FIELD') as string;
  if (Array.from(id).length > LIMITS.idMaxChars || /[\u0000-\u001f\u007f[\]]/.test(id)) {
    throw new ConfigError(`CONTEXT_FIELD must be a custom field id (at most ${LIMITS.idMaxChars} characters, no brackets), got "${id}"`);
  }
  return id;
}

/** TICKET_NOTES_LANG: one of the widget's languages; pt-BR by default. */
function readNotesLanguage(env: NodeJS.ProcessEnv): Locale {
  const language = readText(env, 'TICKET_NOTES_LANG') ?? 'pt-BR';
  const known = LOCALES.find((locale) => locale.toLowerCase() === language.toLowerCase());
  if (!known) throw new ConfigError(`TICKET_NOTES_LANG must be one of ${LOCALES.join(', ')}, got "${language}"`);
  return known;
}

/** TOMTICKET_API: `legacy` (default) or `v2`. */
function readApi(env: NodeJS.ProcessEnv): ApiName {
  const api = (readText(env, 'TOMTICKET_API') ?? 'legacy').toLowerCase();
  if (api === 'legacy' || api === 'v2') return api;
  throw new ConfigError(`TOMTICKET_API must be legacy or v2, got "${readText(env, 'TOMTICKET_API')}"`);
}

/** TOMTICKET_ATTACHMENT_FIELD: a form field name (printable ASCII, no quotes), `{n}` standing for the file's index. */
function readAttachmentField(env: NodeJS.ProcessEnv): string {
  const field = readText(env, 'TOMTICKET_ATTACHMENT_FIELD') ?? DEFAULT_ATTACHMENT_FIELD;
  if (!FIELD_NAME.test(field)) {
    throw new ConfigError(`TOMTICKET_ATTACHMENT_FIELD must be a form field name of at most 100 printable ASCII characters without quotes, e.g. attachment[{n}], got "${field}"`);
  }
  return field;
}

function readDeliveryConfig(env: NodeJS.ProcessEnv): DeliveryConfig {
  const retryBaseMs = readInteger(env, 'OUTBOX_RETRY_BASE_MS', DELIVERY_DEFAULTS.retryBaseMs, { min: 1, max: MAX_TIMEOUT_MS });
  const retryMaxMs = readInteger(env, 'OUTBOX_RETRY_MAX_MS', Math.max(retryBaseMs, DELIVERY_DEFAULTS.retryMaxMs), {
    min: 1,
    max: MAX_RETRY_PAUSE_MS,
  });
  if (retryMaxMs < retryBaseMs) {
    throw new ConfigError(`OUTBOX_RETRY_MAX_MS (${retryMaxMs}) must not be less than OUTBOX_RETRY_BASE_MS (${retryBaseMs})`);
  }
  return {
    waitMs: readInteger(env, 'DELIVERY_WAIT_MS', DELIVERY_DEFAULTS.waitMs, { min: 0, max: MAX_TIMEOUT_MS }),
    retryBaseMs,
    retryMaxMs,
    deadAfterMs: readInteger(env, 'OUTBOX_DEAD_AFTER_MS', DELIVERY_DEFAULTS.deadAfterMs, { min: 1 }),
    lookupGraceMs: readInteger(env, 'OUTBOX_LOOKUP_GRACE_MS', DELIVERY_DEFAULTS.lookupGraceMs as number, { min: 0, max: MAX_RETRY_PAUSE_MS }),
    maxRefusals: readInteger(env, 'OUTBOX_MAX_REFUSALS', DELIVERY_DEFAULTS.maxRefusals as number, { min: 1, max: 1000 }),
  };
}
