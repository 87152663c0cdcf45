import { describe, expect, it } from 'vitest';
import { createLogger, type LoggerOptions } from './create-logger.ts';

const TOKEN = 'f00dbabe/secret token';

function capture(options: Partial<LoggerOptions> = {}) {
  const lines: string[] = [];
  const logger = createLogger({ secrets: [TOKEN], write: (line) => lines.push(line), ...options });
  return { logger, lines, parsed: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('createLogger', () => {
  it('writes one JSON line per event with time, level, message and details', () => {
    const at = new Date('2026-01-02T03:04:05.000Z');
    const { logger, lines, parsed } = capture({ now: () => at });
    logger.info('ticket created', { status: 200, durationMs: 12 });
    logger.warn('slow');
    expect(lines).toHaveLength(2);
    expect(lines.every((line) => !line.includes('\n'))).toBe(true);
    expect(parsed()).toEqual([
      { time: '2026-01-02T03:04:05.000Z', level: 'info', msg: 'ticket created', status: 200, durationMs: 12 },
      { time: '2026-01-02T03:04:05.000Z', level: 'warn', msg: 'slow' },
    ]);
  });

  it('writes nothing below the configured level', () => {
    const { logger, parsed } = capture({ level: 'warn' });
    logger.info('hidden');
    logger.warn('shown');
    logger.error('shown too');
    expect(parsed().map((line) => line.level)).toEqual(['warn', 'error']);
  });

  it('redacts the token and its URL-encoded form in the message and nested details', () => {
    const { logger, lines } = capture();
    logger.info(`calling ${TOKEN}`, {
      url: `http://127.0.0.1/criar_chamado/${encodeURIComponent(TOKEN)}/ana`,
      nested: { deeper: [{ token: TOKEN }], [TOKEN]: 'as a key' },
      asUrl: new URL(`http://127.0.0.1/cliente/${encodeURIComponent(TOKEN)}`),
    });
    const line = lines[0] ?? '';
    expect(line).not.toContain(TOKEN);
    expect(line).not.toContain(encodeURIComponent(TOKEN));
    expect(line).not.toContain('f00dbabe');
    const entry = JSON.parse(line);
    expect(entry.msg).toBe('calling ***');
    expect(entry.url).toBe('http://127.0.0.1/criar_chamado/***/ana');
    expect(entry.nested).toEqual({ deeper: [{ token: '***' }], '***': 'as a key' });
    expect(entry.asUrl).toBe('http://127.0.0.1/cliente/***');
  });

  it('writes credential headers as *** and redacts an error quoting the Bearer header', () => {
    const lines: string[] = [];
    const logger = createLogger({ secrets: ['v2-token-0f1e2d3c4b5a6978'], write: (line) => lines.push(line) });
    const error = new Error('request failed: {"authorization":"Bearer v2-token-0f1e2d3c4b5a6978"}');
    logger.warn('tomticket call failed', { headers: { Authorization: 'Bearer v2-token-0f1e2d3c4b5a6978', accept: 'application/json' }, error });
    logger.warn('a replaced token quoted back', { upstreamMessage: 'invalid credential Bearer 1d2c3b4a59687706a5b4' });
    expect(lines.join('\n')).not.toMatch(/v2-token|1d2c3b4a59687706a5b4/);
    const line = JSON.parse(lines[0] as string) as { headers: Record<string, string>; error: { message: string } };
    expect(line.headers).toEqual({ Authorization: '***', accept: 'application/json' });
    expect(line.error.message).toBe('request failed: {"authorization":"Bearer ***"}');
  });

  it('logs an Error with name, message and cause, redacted, stack included', () => {
    const { logger, lines } = capture();
    const cause = Object.assign(new Error(`connect ECONNREFUSED /${encodeURIComponent(TOKEN)}`), { code: 'ECONNREFUSED' });
    const error = new TypeError(`fetch failed for ${TOKEN}`, { cause });
    logger.error('upstream failed', { error });
    const line = lines[0] ?? '';
    expect(line).not.toContain('f00dbabe');
    const entry = JSON.parse(line);
    expect(entry.error.name).toBe('TypeError');
    expect(entry.error.message).toBe('fetch failed for ***');
    expect(entry.error.cause).toMatchObject({ name: 'Error', message: 'connect ECONNREFUSED /***', code: 'ECONNREFUSED' });
    expect(entry.error.stack).toContain('fetch failed for ***');
  });

  it('redacts a secret that is logged as a number', () => {
    const lines: string[] = [];
    const logger = createLogger({ secrets: ['987654321'], write: (line) => lines.push(line) });
    logger.info('numbers', { value: 987654321 });
    expect(lines[0]).not.toContain('987654321');
  });

  it('survives cycles, bigints and functions, and keeps its own keys from being overwritten', () => {
    const { logger, parsed } = capture();
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    logger.info('odd values', { cyclic, big: 10n, fn: () => 1, msg: 'not the message', level: 'debug' });
    const [entry] = parsed();
    expect(entry).toMatchObject({
      msg: 'odd values',
      level: 'info',
      cyclic: { name: 'loop', self: '[Circular]' },
      big: '10',
      detail_msg: 'not the message',
      detail_level: 'debug',
    });
    expect(entry).not.toHaveProperty('fn');
  });

  it('does not throw when a detail cannot be read', () => {
    const { logger, parsed } = capture();
    const hostile = {
      get value(): never {
        throw new Error(`getter broke with ${TOKEN}`);
      },
    };
    expect(() => logger.info('hostile', { hostile })).not.toThrow();
    expect(parsed()[0]).toMatchObject({ msg: 'hostile', detailsUnavailable: { message: 'getter broke with ***' } });
  });
});
