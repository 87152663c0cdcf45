import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../contract/index.ts';
import { DEFAULT_DENIED_EXTENSIONS } from '../protection/denied-extensions.ts';
import { ConfigError } from './env-values.ts';
import { readConfig } from './read-config.ts';
import { readProtectionConfig } from './read-protection-config.ts';

const SECRET = 'a'.repeat(32);

describe('readProtectionConfig', () => {
  it('switches every protection on by default', () => {
    expect(readProtectionConfig({})).toEqual({
      allowNoOrigin: false,
      trustProxy: [],
      // Nothing kept for signed-in customers while nobody can sign in (no IDENTITY_SECRET).
      rateLimits: { ipPerHour: 20, ipPerDay: 240, emailPerHour: 10, emailPerDay: 40, globalPerHour: 600, globalSignedInPercent: 0, refusedPerMinute: 30 },
      honeypot: true,
      minSubmitSeconds: 3,
      formMaxAgeSeconds: 86_400,
      proofOfWork: true,
      proofOfWorkMaxNumber: 50_000,
      identityRequired: false,
      identityAudience: 'tomticket-form',
      identityMaxLifetimeSeconds: 86_400,
      fileTypeChecks: true,
      deniedExtensions: [...DEFAULT_DENIED_EXTENSIONS],
      maxFileBytes: LIMITS.requestMaxBytes,
    });
    expect(DEFAULT_DENIED_EXTENSIONS).toEqual(expect.arrayContaining(['exe', 'bat', 'cmd', 'com', 'scr', 'msi', 'js', 'vbs', 'ps1', 'sh', 'jar']));
  });

  it('is what readConfig carries', () => {
    expect(readConfig({ SANDBOX: 'true', HONEYPOT: 'off' }).protection).toEqual(readProtectionConfig({ HONEYPOT: 'off' }));
  });

  it('reads every variable, and turns each protection off', () => {
    const config = readProtectionConfig({
      ALLOW_NO_ORIGIN: 'true',
      TRUST_PROXY: ' 127.0.0.1, 10.0.0.0/8 ,,::1,loopback',
      RATE_LIMIT_IP_HOUR: '0',
      RATE_LIMIT_IP_DAY: '0',
      RATE_LIMIT_EMAIL_HOUR: '3',
      RATE_LIMIT_EMAIL_DAY: '0',
      RATE_LIMIT_GLOBAL_HOUR: '0',
      RATE_LIMIT_GLOBAL_SIGNED_IN_PERCENT: '50',
      RATE_LIMIT_REFUSED_MINUTE: '0',
      HONEYPOT: 'false',
      MIN_SUBMIT_SECONDS: '0',
      FORM_MAX_AGE_SECONDS: '3600',
      FORM_SECRET: SECRET,
      PROOF_OF_WORK: 'no',
      PROOF_OF_WORK_MAX_NUMBER: '1000',
      IDENTITY_SECRET: `${SECRET}b`,
      IDENTITY_REQUIRED: 'true',
      IDENTITY_AUDIENCE: 'support.example.com',
      IDENTITY_MAX_LIFETIME_SECONDS: '600',
      FILE_TYPE_CHECKS: 'off',
      DENIED_FILE_EXTENSIONS: ' .EXE, bat ,,js ',
      MAX_FILE_MB: '10',
    });
    expect(config).toEqual({
      allowNoOrigin: true,
      trustProxy: ['127.0.0.1', '10.0.0.0/8', '::1', 'loopback'],
      rateLimits: { ipPerHour: 0, ipPerDay: 0, emailPerHour: 3, emailPerDay: 0, globalPerHour: 0, globalSignedInPercent: 50, refusedPerMinute: 0 },
      honeypot: false,
      minSubmitSeconds: 0,
      formMaxAgeSeconds: 3600,
      formSecret: SECRET,
      proofOfWork: false,
      proofOfWorkMaxNumber: 1000,
      identitySecret: `${SECRET}b`,
      identityRequired: true,
      identityAudience: 'support.example.com',
      identityMaxLifetimeSeconds: 600,
      fileTypeChecks: false,
      deniedExtensions: ['exe', 'bat', 'js'],
      maxFileBytes: 10 * 1024 * 1024,
    });
  });

  it('takes `none` as an empty deny list, and an anonymous customer', () => {
    const config = readProtectionConfig({ DENIED_FILE_EXTENSIONS: 'none', ANONYMOUS_CUSTOMER: 'site@example.com' });
    expect(config.deniedExtensions).toEqual([]);
    expect(config.anonymousCustomer).toBe('site@example.com');
  });

  it.each([
    [{ TRUST_PROXY: 'yes' }, /TRUST_PROXY must list proxy addresses or ranges.*invalid IP address: yes/],
    [{ TRUST_PROXY: '10.0.0.0/33' }, /TRUST_PROXY must list proxy addresses/],
    [{ RATE_LIMIT_GLOBAL_SIGNED_IN_PERCENT: '95' }, /RATE_LIMIT_GLOBAL_SIGNED_IN_PERCENT must be a whole number from 0 to 90/],
    [{ RATE_LIMIT_IP_HOUR: '-1' }, /RATE_LIMIT_IP_HOUR/],
    [{ MIN_SUBMIT_SECONDS: '1.5' }, /MIN_SUBMIT_SECONDS/],
    [{ PROOF_OF_WORK: 'maybe' }, /PROOF_OF_WORK must be true or false/],
    [{ PROOF_OF_WORK_MAX_NUMBER: '5' }, /PROOF_OF_WORK_MAX_NUMBER/],
    [{ MAX_FILE_MB: '26' }, /MAX_FILE_MB must be a whole number from 1 to 25/],
    [{ DENIED_FILE_EXTENSIONS: 'exe,../x' }, /DENIED_FILE_EXTENSIONS must list extensions/],
    [{ IDENTITY_REQUIRED: 'true' }, /IDENTITY_REQUIRED=true needs IDENTITY_SECRET/],
    [{ ANONYMOUS_CUSTOMER: 'not an e-mail' }, /ANONYMOUS_CUSTOMER must be the e-mail/],
    [{ ANONYMOUS_CUSTOMER: 'a@example.com', IDENTITY_REQUIRED: 'true', IDENTITY_SECRET: SECRET }, /no use with IDENTITY_REQUIRED/],
  ])('refuses %j', (env, message) => {
    expect(() => readProtectionConfig(env)).toThrow(ConfigError);
    expect(() => readProtectionConfig(env)).toThrow(message);
  });

  it('keeps 20 % of the global cap for signed-in customers once identity tokens are accepted', () => {
    expect(readProtectionConfig({ IDENTITY_SECRET: SECRET }).rateLimits.globalSignedInPercent).toBe(20);
  });

  it('takes TRUST_PROXY=0, the old default, as no proxy', () => {
    expect(readProtectionConfig({ TRUST_PROXY: '0' }).trustProxy).toEqual([]);
  });

  it.each(['1', '2'])('refuses the old hop count TRUST_PROXY=%s at start, saying what to write instead', (count) => {
    // A count believed X-Forwarded-For from anyone reaching the port; an address believes only that proxy.
    expect(() => readProtectionConfig({ TRUST_PROXY: count })).toThrow(ConfigError);
    expect(() => readProtectionConfig({ TRUST_PROXY: count })).toThrow(
      new RegExp(`TRUST_PROXY=${count} counted proxies; it now names them.*TRUST_PROXY=127\\.0\\.0\\.1 for nginx or Caddy on this machine`),
    );
  });

  it.each(['FORM_SECRET', 'IDENTITY_SECRET'])('refuses a short %s without repeating it', (name) => {
    const secret = 'short-secret-value';
    expect(() => readProtectionConfig({ [name]: secret })).toThrow(new RegExp(`${name} must be at least 32 characters`));
    expect(() => readProtectionConfig({ [name]: secret })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining(secret) }),
    );
  });
});
