import { describe, expect, it } from 'vitest';
import { upstreamUrl } from './upstream-url.ts';

describe('upstreamUrl', () => {
  it('puts the encoded token and segments in the URL and hides them in the log path', () => {
    const { url, logPath } = upstreamUrl('http://127.0.0.1:9/', 'to/ken', 'cliente', [{ value: 'ana+x@example.com' }], {
      tipo_identificador: 'E',
    });
    expect(url).toBe('http://127.0.0.1:9/cliente/to%2Fken/ana%2Bx%40example.com?tipo_identificador=E');
    expect(logPath).toBe('cliente/***/…?tipo_identificador=E');
  });

  it('shows segments marked as logged and keeps a trailing empty segment as a slash', () => {
    expect(upstreamUrl('http://h', 't', 'chamado', [{ value: 'abc', logged: true }]).logPath).toBe('chamado/***/abc');
    expect(upstreamUrl('http://h', 't', 'criar_cliente', [{ value: '', logged: true }]).url).toBe('http://h/criar_cliente/t/');
    expect(upstreamUrl('http://h', 't', 'departamentos').url).toBe('http://h/departamentos/t');
  });
});
