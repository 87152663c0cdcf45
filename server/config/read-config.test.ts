import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, MISSING_TOKEN_MESSAGE, readConfig, SANDBOX_FORM_CONFIG_PATH, SANDBOX_V2_FORM_CONFIG_PATH } from './read-config.ts';
import { readProtectionConfig } from './read-protection-config.ts';

describe('readConfig', () => {
  it('fills every default, in sandbox mode when asked for', () => {
    const config = readConfig({ SANDBOX: 'true' });
    expect(config).toEqual({
      mode: 'sandbox',
      messageFormat: 'html',
      notesLanguage: 'pt-BR',
      sandboxPublic: false,
      port: 8787,
      host: '127.0.0.1',
      tomticket: {
        api: 'legacy',
        token: '',
        apiUrl: 'https://api.tomticket.com',
        attachmentField: 'attachment[{n}]',
        timeoutMs: 20_000,
        createCustomers: true,
        requestsPerSecond: 3,
        departmentsCacheMs: 300_000,
      },
      allowedOrigins: [],
      allowLoopbackOrigins: true,
      formConfigPath: SANDBOX_FORM_CONFIG_PATH,
      // Sandbox tickets keep their own outbox; uploads spool beside it, so accepting one is a rename.
      dataDir: resolve('.data', 'sandbox'),
      spoolDir: resolve('.data', 'sandbox', 'spool'),
      delivery: {
        waitMs: 15_000,
        retryBaseMs: 5000,
        retryMaxMs: 300_000,
        deadAfterMs: 72 * 3600 * 1000,
        lookupGraceMs: 300_000,
        maxRefusals: 5,
      },
      requestTimeoutMs: 60_000,
      headersTimeoutMs: 10_000,
      maxConnections: 256,
      writeTimeoutMs: 30_000,
      outboxMaxBytes: 2048 * 1024 * 1024,
      // Its defaults are listed in read-protection-config.test.ts.
      protection: readProtectionConfig({}),
    });
    expect(SANDBOX_FORM_CONFIG_PATH.endsWith(join('server', 'sandbox', 'demo-form-config.json'))).toBe(true);
  });

  it('is live with a token, without loopback origins or a default form configuration', () => {
    const config = readConfig({ TOMTICKET_TOKEN: '  abc123  ' });
    expect(config.mode).toBe('live');
    expect(config.tomticket.token).toBe('abc123');
    expect(config.allowLoopbackOrigins).toBe(false);
    expect(config.formConfigPath).toBeUndefined();
  });

  it('keeps the outbox of live mode in DATA_DIR itself, and reads the delivery settings', () => {
    const config = readConfig({
      TOMTICKET_TOKEN: 't',
      DATA_DIR: 'var/tomticket',
      DELIVERY_WAIT_MS: '0',
      OUTBOX_RETRY_BASE_MS: '250',
      OUTBOX_RETRY_MAX_MS: '1000',
      OUTBOX_DEAD_AFTER_MS: '60000',
    });
    expect(config).toMatchObject({
      dataDir: resolve('var/tomticket'),
      spoolDir: resolve('var/tomticket/spool'),
      delivery: { waitMs: 0, retryBaseMs: 250, retryMaxMs: 1000, deadAfterMs: 60_000 },
    });
    expect(readConfig({ SANDBOX: 'true', DATA_DIR: '/srv/data' }).dataDir).toBe(resolve('/srv/data/sandbox'));
    expect(readConfig({ SANDBOX: 'true', OUTBOX_RETRY_BASE_MS: '600000' }).delivery?.retryMaxMs).toBe(600_000);
    expect(readConfig({ TOMTICKET_TOKEN: 't', OUTBOX_LOOKUP_GRACE_MS: '0', OUTBOX_MAX_REFUSALS: '2' }).delivery).toMatchObject({
      lookupGraceMs: 0,
      maxRefusals: 2,
    });
  });

  it('refuses to start without a token unless SANDBOX=true, naming both', () => {
    for (const env of [{}, { TOMTICKET_TOKEN: '' }, { TOMTICKET_TOKEN: '   ' }, { SANDBOX: 'false' }]) {
      expect(() => readConfig(env)).toThrow(ConfigError);
      expect(() => readConfig(env)).toThrow(MISSING_TOKEN_MESSAGE);
    }
    expect(MISSING_TOKEN_MESSAGE).toMatch(/TOMTICKET_TOKEN.*SANDBOX=true/s);
    // Asked for, the sandbox wins over a token (which then goes nowhere).
    expect(readConfig({ SANDBOX: 'true', TOMTICKET_TOKEN: 'real' })).toMatchObject({ mode: 'sandbox', tomticket: { token: '' } });
  });

  it('reads MESSAGE_FORMAT and SANDBOX_PUBLIC', () => {
    expect(readConfig({ TOMTICKET_TOKEN: 't', MESSAGE_FORMAT: 'text' }).messageFormat).toBe('text');
    expect(() => readConfig({ TOMTICKET_TOKEN: 't', MESSAGE_FORMAT: 'markdown' })).toThrow(/MESSAGE_FORMAT must be html or text/);
    expect(readConfig({ SANDBOX: 'true', SANDBOX_PUBLIC: 'true' }).sandboxPublic).toBe(true);
  });

  it('reads every variable', () => {
    const config = readConfig({
      PORT: '0',
      HOST: '0.0.0.0',
      TOMTICKET_TOKEN: 't',
      TOMTICKET_API_URL: 'http://127.0.0.1:9999/base//',
      TOMTICKET_TIMEOUT_MS: '1500',
      TOMTICKET_CREATE_CUSTOMERS: 'false',
      TOMTICKET_REQUESTS_PER_SECOND: '5',
      DEPARTMENTS_CACHE_SECONDS: '0',
      ALLOWED_ORIGINS: 'https://www.example.com, http://shop.example.com:8080/ ,',
      ALLOW_LOOPBACK_ORIGINS: 'TRUE',
      FORM_CONFIG: 'some/form.json',
      SPOOL_DIR: 'spool',
      REQUEST_TIMEOUT_MS: '30000',
      HEADERS_TIMEOUT_MS: '5000',
      MAX_CONNECTIONS: '64',
      WRITE_TIMEOUT_MS: '5000',
      OUTBOX_MAX_MB: '100',
    });
    expect(config).toMatchObject({
      port: 0,
      host: '0.0.0.0',
      tomticket: {
        apiUrl: 'http://127.0.0.1:9999/base',
        timeoutMs: 1500,
        createCustomers: false,
        requestsPerSecond: 5,
        departmentsCacheMs: 0,
      },
      allowedOrigins: ['https://www.example.com', 'http://shop.example.com:8080'],
      allowLoopbackOrigins: true,
      formConfigPath: resolve('some/form.json'),
      spoolDir: resolve('spool'),
      requestTimeoutMs: 30_000,
      headersTimeoutMs: 5000,
      maxConnections: 64,
      writeTimeoutMs: 5000,
      outboxMaxBytes: 100 * 1024 * 1024,
    });
  });

  it.each([
    ['PORT', '70000', /PORT must be a whole number from 0 to 65535, got "70000"/],
    ['PORT', '80.5', /PORT/],
    ['TOMTICKET_TIMEOUT_MS', 'soon', /TOMTICKET_TIMEOUT_MS/],
    ['TOMTICKET_TIMEOUT_MS', '0', /TOMTICKET_TIMEOUT_MS/],
    ['TOMTICKET_CREATE_CUSTOMERS', 'nope', /TOMTICKET_CREATE_CUSTOMERS must be true or false/],
    ['TOMTICKET_REQUESTS_PER_SECOND', '-1', /TOMTICKET_REQUESTS_PER_SECOND/],
    ['TOMTICKET_API_URL', 'ftp://example.com', /TOMTICKET_API_URL must be an http\(s\) URL/],
    ['TOMTICKET_API_URL', 'not a url', /TOMTICKET_API_URL/],
    ['ALLOWED_ORIGINS', 'https://www.example.com/contact', /ALLOWED_ORIGINS must list exact origins/],
    ['ALLOWED_ORIGINS', '*', /ALLOWED_ORIGINS/],
    ['ALLOW_LOOPBACK_ORIGINS', 'maybe', /ALLOW_LOOPBACK_ORIGINS/],
    ['REQUEST_TIMEOUT_MS', '5000', /HEADERS_TIMEOUT_MS \(10000\) must not exceed REQUEST_TIMEOUT_MS \(5000\)/],
    ['DELIVERY_WAIT_MS', '-1', /DELIVERY_WAIT_MS/],
    ['OUTBOX_RETRY_BASE_MS', '0', /OUTBOX_RETRY_BASE_MS/],
    ['OUTBOX_RETRY_MAX_MS', '1', /OUTBOX_RETRY_MAX_MS \(1\) must not be less than OUTBOX_RETRY_BASE_MS \(5000\)/],
    ['OUTBOX_DEAD_AFTER_MS', 'soon', /OUTBOX_DEAD_AFTER_MS/],
    ['MAX_CONNECTIONS', '0', /MAX_CONNECTIONS must be a whole number from 1/],
    ['WRITE_TIMEOUT_MS', 'never', /WRITE_TIMEOUT_MS/],
    ['OUTBOX_MAX_MB', '0', /OUTBOX_MAX_MB must be a whole number from 1/],
  ])('refuses %s=%s with a clear error', (name, value, message) => {
    expect(() => readConfig({ TOMTICKET_TOKEN: 't', [name]: value })).toThrow(ConfigError);
    expect(() => readConfig({ TOMTICKET_TOKEN: 't', [name]: value })).toThrow(message);
  });

  it('reads PUBLIC_URL, CONTEXT_FIELD and TICKET_NOTES_LANG, refusing what cannot be used', () => {
    const config = readConfig({ SANDBOX: 'true', PUBLIC_URL: 'https://support.example.com/', CONTEXT_FIELD: 'f9a8b7c6d5', TICKET_NOTES_LANG: 'en' });
    expect(config).toMatchObject({ publicUrl: 'https://support.example.com', contextField: 'f9a8b7c6d5', notesLanguage: 'en' });
    expect(readConfig({ SANDBOX: 'true', TICKET_NOTES_LANG: 'PT-br' }).notesLanguage).toBe('pt-BR');
    expect(readConfig({ SANDBOX: 'true' })).not.toHaveProperty('contextField');
    expect(() => readConfig({ SANDBOX: 'true', TICKET_NOTES_LANG: 'fr' })).toThrow(/TICKET_NOTES_LANG must be one of pt-BR, en, es/);
    expect(() => readConfig({ SANDBOX: 'true', CONTEXT_FIELD: 'a[b]' })).toThrow(/CONTEXT_FIELD/);
    expect(() => readConfig({ SANDBOX: 'true', PUBLIC_URL: 'support.example.com' })).toThrow(/PUBLIC_URL must be an http\(s\) URL/);
    expect(() => readConfig({ SANDBOX: 'true', PUBLIC_URL: 'https://support.example.com/?x=1' })).toThrow(/PUBLIC_URL must not carry a query/);
  });

  it('reads TOMTICKET_API and TOMTICKET_ATTACHMENT_FIELD, and gives the sandbox on API 2.0 its own form configuration', () => {
    expect(readConfig({ TOMTICKET_TOKEN: 't', TOMTICKET_API: 'v2' }).tomticket).toMatchObject({ api: 'v2', attachmentField: 'attachment[{n}]' });
    expect(readConfig({ TOMTICKET_TOKEN: 't', TOMTICKET_API: 'V2' }).tomticket.api).toBe('v2');
    expect(readConfig({ TOMTICKET_TOKEN: 't', TOMTICKET_ATTACHMENT_FIELD: 'attachments[]' }).tomticket.attachmentField).toBe('attachments[]');
    expect(readConfig({ SANDBOX: 'true', TOMTICKET_API: 'v2' }).formConfigPath).toBe(SANDBOX_V2_FORM_CONFIG_PATH);
    expect(readConfig({ SANDBOX: 'true', TOMTICKET_API: 'v2', FORM_CONFIG: 'mine.json' }).formConfigPath).toBe(resolve('mine.json'));
    expect(() => readConfig({ TOMTICKET_TOKEN: 't', TOMTICKET_API: '2.0' })).toThrow(/TOMTICKET_API must be legacy or v2, got "2.0"/);
    // A name goes into a multipart part header: nothing that could end or escape it.
    for (const bad of ['attach"ment[{n}]', 'a\r\nX-Evil: 1', 'x'.repeat(101)]) {
      expect(() => readConfig({ TOMTICKET_TOKEN: 't', TOMTICKET_ATTACHMENT_FIELD: bad })).toThrow(ConfigError);
    }
  });

  it('never puts the token in an error message', () => {
    const token = 'secret-token-value';
    expect(() => readConfig({ TOMTICKET_TOKEN: token, PORT: 'x' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining(token) }),
    );
  });
});
