import { LIMITS } from '../../contract/index.ts';
import { checkTrustedProxies } from '../protection/client-ip.ts';
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
  // A person whose ticket was refused tries again a few times; a flood of refusals is a program.
  RATE_LIMIT_REFUSED_MINUTE: 30,
} as const;
// The share of the global cap anonymous tickets cannot take, while identity tokens are accepted.
const DEFAULT_SIGNED_IN_PERCENT = 20;
/** IDENTITY_AUDIENCE when unset: the `aud` an identity token must carry to be taken by this form. */
export const DEFAULT_IDENTITY_AUDIENCE = 'tomticket-form';
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
  const signedInPercent = readInteger(env, 'RATE_LIMIT_GLOBAL_SIGNED_IN_PERCENT', DEFAULT_SIGNED_IN_PERCENT, { min: 0, max: 90 });
  const maxFileMb = readInteger(env, 'MAX_FILE_MB', LIMITS.requestMaxBytes / MB, { min: 1, max: LIMITS.requestMaxBytes / MB });

  return {
    allowNoOrigin: readBoolean(env, 'ALLOW_NO_ORIGIN', false),
    trustProxy: readTrustedProxies(env, 'TRUST_PROXY'),
    rateLimits: {
      ipPerHour: rate('RATE_LIMIT_IP_HOUR'),
      ipPerDay: rate('RATE_LIMIT_IP_DAY'),
      emailPerHour: rate('RATE_LIMIT_EMAIL_HOUR'),
      emailPerDay: rate('RATE_LIMIT_EMAIL_DAY'),
      globalPerHour: rate('RATE_LIMIT_GLOBAL_HOUR'),
      // Nobody is signed in without IDENTITY_SECRET: nothing is kept for them then.
      globalSignedInPercent: identitySecret === undefined ? 0 : signedInPercent,
      refusedPerMinute: rate('RATE_LIMIT_REFUSED_MINUTE'),
    },
    honeypot: readBoolean(env, 'HONEYPOT', true),
    minSubmitSeconds: readInteger(env, 'MIN_SUBMIT_SECONDS', 3, { min: 0, max: 600 }),
    formMaxAgeSeconds: readInteger(env, 'FORM_MAX_AGE_SECONDS', DAY_SECONDS, { min: 60, max: 7 * DAY_SECONDS }),
    ...(formSecret !== undefined ? { formSecret } : {}),
    proofOfWork: readBoolean(env, 'PROOF_OF_WORK', true),
    proofOfWorkMaxNumber: readInteger(env, 'PROOF_OF_WORK_MAX_NUMBER', 50_000, { min: 10, max: 10_000_000 }),
    ...(identitySecret !== undefined ? { identitySecret } : {}),
    identityRequired,
    identityAudience: readText(env, 'IDENTITY_AUDIENCE') ?? DEFAULT_IDENTITY_AUDIENCE,
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

/**
 * TRUST_PROXY: the addresses or CIDR ranges of the proxies in front of the server, comma-separated
 * (`127.0.0.1,10.0.0.0/8`; `loopback`, `linklocal`, `uniquelocal` as proxy-addr names them); unset
 * or `0` trusts none. A count of proxies (`1`, `2`), as this setting took before, is refused with
 * what to write instead: a count believes X-Forwarded-For from whoever reaches the port, so keeping
 * it would leave the limits spoofable, and guessing an address could put every visitor behind one
 * limit. Either would happen silently; a clear stop at start-up does not.
 */
function readTrustedProxies(env: NodeJS.ProcessEnv, name: string): string[] {
  const text = readText(env, name);
  if (text === undefined || text === '0') return [];
  if (/^\d+$/.test(text)) {
    throw new ConfigError(
      `${name}=${text} counted proxies; it now names them, since a count believes X-Forwarded-For from anyone who reaches the port. ` +
        `Write the proxies' addresses instead: ${name}=127.0.0.1 for nginx or Caddy on this machine (or ${name}=loopback), ` +
        `${name}=10.0.0.0/8 for a load balancer in that network, several separated by commas`,
    );
  }
  const trusted = text.split(',').map((item) => item.trim()).filter(Boolean);
  try {
    checkTrustedProxies(trusted);
  } catch (error) {
    throw new ConfigError(
      `${name} must list proxy addresses or ranges like 127.0.0.1,10.0.0.0/8,::1 or loopback: ${(error as Error).message}`,
    );
  }
  return trusted;
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
