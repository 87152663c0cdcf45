import { LIMITS } from '../../contract/index.ts';
import { DEFAULT_DENIED_EXTENSIONS } from '../protection/denied-extensions.ts';
import { isEmailAddress } from '../../contract/index.ts';
import { ConfigError, readBoolean, readInteger, readText } from './env-values.ts';
import type { ProtectionConfig } from './types.ts';

/** Defaults in the spirit of Zammad's web form: a person never opens 20 tickets an hour. */
const RATE_LIMIT_DEFAULTS = {
  RATE_LIMIT_IP_HOUR: 20,
  RATE_LIMIT_IP_DAY: 240,
  RATE_LIMIT_EMAIL_HOUR: 10,
  RATE_LIMIT_EMAIL_DAY: 40,
  RATE_LIMIT_GLOBAL_HOUR: 600,
} as const;
// HS256 keys shorter than the hash (32 bytes) weaken it (RFC 7518 §3.2).
const MIN_SECRET_CHARS = 32;
const DAY_SECONDS = 86_400;
const MB = 1024 * 1024;

/** The protection settings from environment variables (see ProtectionConfig for each variable); throws a ConfigError. */
export function readProtectionConfig(env: NodeJS.ProcessEnv): ProtectionConfig {
  const rate = (name: keyof typeof RATE_LIMIT_DEFAULTS) =>
    readInteger(env, name, RATE_LIMIT_DEFAULTS[name], { min: 0, max: 1_000_000 });
  const identitySecret = readSecret(env, 'IDENTITY_SECRET');
  const identityRequired = readBoolean(env, 'IDENTITY_REQUIRED', false);
  if (identityRequired && identitySecret === undefined) {
    throw new ConfigError('IDENTITY_REQUIRED=true needs IDENTITY_SECRET, the secret identity tokens are signed with');
  }
  const anonymousCustomer = readText(env, 'ANONYMOUS_CUSTOMER');
  if (anonymousCustomer !== undefined && !isEmailAddress(anonymousCustomer)) {
    throw new ConfigError(`ANONYMOUS_CUSTOMER must be the e-mail of a TomTicket customer, got "${anonymousCustomer}"`);
  }
  if (anonymousCustomer !== undefined && identityRequired) {
    throw new ConfigError('ANONYMOUS_CUSTOMER has no use with IDENTITY_REQUIRED=true: anonymous tickets are refused');
  }
  const formSecret = readSecret(env, 'FORM_SECRET');
  const maxFileMb = readInteger(env, 'MAX_FILE_MB', LIMITS.requestMaxBytes / MB, { min: 1, max: LIMITS.requestMaxBytes / MB });

  return {
    allowNoOrigin: readBoolean(env, 'ALLOW_NO_ORIGIN', false),
    trustProxy: readInteger(env, 'TRUST_PROXY', 0, { min: 0, max: 10 }),
    rateLimits: {
      ipPerHour: rate('RATE_LIMIT_IP_HOUR'),
      ipPerDay: rate('RATE_LIMIT_IP_DAY'),
      emailPerHour: rate('RATE_LIMIT_EMAIL_HOUR'),
      emailPerDay: rate('RATE_LIMIT_EMAIL_DAY'),
      globalPerHour: rate('RATE_LIMIT_GLOBAL_HOUR'),
    },
    honeypot: readBoolean(env, 'HONEYPOT', true),
    minSubmitSeconds: readInteger(env, 'MIN_SUBMIT_SECONDS', 3, { min: 0, max: 600 }),
    formMaxAgeSeconds: readInteger(env, 'FORM_MAX_AGE_SECONDS', DAY_SECONDS, { min: 60, max: 7 * DAY_SECONDS }),
    ...(formSecret !== undefined ? { formSecret } : {}),
    proofOfWork: readBoolean(env, 'PROOF_OF_WORK', true),
    proofOfWorkMaxNumber: readInteger(env, 'PROOF_OF_WORK_MAX_NUMBER', 50_000, { min: 10, max: 10_000_000 }),
    ...(identitySecret !== undefined ? { identitySecret } : {}),
    identityRequired,
    identityMaxLifetimeSeconds: readInteger(env, 'IDENTITY_MAX_LIFETIME_SECONDS', DAY_SECONDS, { min: 60, max: 30 * DAY_SECONDS }),
    ...(anonymousCustomer !== undefined ? { anonymousCustomer } : {}),
    fileTypeChecks: readBoolean(env, 'FILE_TYPE_CHECKS', true),
    deniedExtensions: readExtensions(env, 'DENIED_FILE_EXTENSIONS'),
    maxFileBytes: maxFileMb * MB,
  };
}

function readSecret(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const secret = readText(env, name);
  // The value itself is never part of the message: it is a secret.
  if (secret !== undefined && secret.length < MIN_SECRET_CHARS) {
    throw new ConfigError(`${name} must be at least ${MIN_SECRET_CHARS} characters long (e.g. \`openssl rand -hex 32\`)`);
  }
  return secret;
}

/** `exe, .BAT ,js` → ['exe', 'bat', 'js']; `none` → [] (only the content checks then). */
function readExtensions(env: NodeJS.ProcessEnv, name: string): string[] {
  const text = readText(env, name);
  if (text === undefined) return [...DEFAULT_DENIED_EXTENSIONS];
  if (text.toLowerCase() === 'none') return [];
  const extensions = text.split(',').map((item) => item.trim().replace(/^\./, '').toLowerCase()).filter(Boolean);
  const bad = extensions.find((extension) => !/^[a-z0-9][a-z0-9_-]{0,31}$/.test(extension));
  if (bad !== undefined) throw new ConfigError(`${name} must list extensions like exe,bat,js, got "${bad}"`);
  return extensions;
}
