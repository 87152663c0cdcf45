import { describe, expect, it } from 'vitest';
import { pageOrigin } from './page-origin.ts';

const FALLBACK = 'http://localhost:8787';
const request = (headers: Record<string, string>) => new Request('http://localhost/', { headers });

describe('pageOrigin', () => {
  it('is the Host the visitor asked, over http unless a proxy says https', () => {
    expect(pageOrigin(request({ host: 'localhost:8787' }), FALLBACK)).toBe('http://localhost:8787');
    expect(pageOrigin(request({ host: 'Support.Example.com', 'x-forwarded-proto': 'https' }), FALLBACK)).toBe('https://support.example.com');
    expect(pageOrigin(request({ host: '127.0.0.1:48700', 'x-forwarded-proto': 'https, http' }), FALLBACK)).toBe('https://127.0.0.1:48700');
    expect(pageOrigin(request({ host: '[::1]:8787' }), FALLBACK)).toBe('http://[::1]:8787');
  });

  it('takes the fallback for a missing or malformed Host', () => {
    expect(pageOrigin(request({}), FALLBACK)).toBe(FALLBACK);
    expect(pageOrigin(request({ host: 'evil.example"><script>' }), FALLBACK)).toBe(FALLBACK);
    expect(pageOrigin(request({ host: 'a.example/path' }), FALLBACK)).toBe(FALLBACK);
  });
});
