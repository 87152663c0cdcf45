import { describe, expect, it } from 'vitest';
import { encodePathSegment, upstreamUrl } from './upstream-url.ts';

describe('upstreamUrl', () => {
  it('encodes the token fully, keeps @ and + of an e-mail bare, and hides both in the log path', () => {
    const { origin, path, logPath } = upstreamUrl('http://127.0.0.1:9/', 'to/ken+', 'cliente', [{ value: 'ana+x@example.com' }], {
      tipo_identificador: 'E',
    });
    expect(origin).toBe('http://127.0.0.1:9');
    expect(path).toBe('/cliente/to%2Fken%2B/ana+x@example.com?tipo_identificador=E');
    expect(logPath).toBe('cliente/***/…?tipo_identificador=E');
  });

  it('shows segments marked as logged, keeps a trailing empty segment as a slash, and keeps a base path', () => {
    expect(upstreamUrl('http://h', 't', 'chamado', [{ value: 'abc', logged: true }]).logPath).toBe('chamado/***/abc');
    expect(upstreamUrl('http://h', 't', 'criar_cliente', [{ value: '', logged: true }]).path).toBe('/criar_cliente/t/');
    expect(upstreamUrl('http://h/api/', 't', 'departamentos').path).toBe('/api/departamentos/t');
  });
});

describe('encodePathSegment', () => {
  it('encodes only what would break a path', () => {
    expect(encodePathSegment("o'brien.x_y-z~!$&*=,;:@ex.com")).toBe("o'brien.x_y-z~!$&*=,;:@ex.com");
    expect(encodePathSegment('a/b?c#d%e f')).toBe('a%2Fb%3Fc%23d%25e%20f');
    expect(encodePathSegment('joão@exemplo.com.br')).toBe('jo%C3%A3o@exemplo.com.br');
  });
});
