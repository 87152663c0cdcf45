import { describe, expect, it } from 'vitest';
import { redactSecrets } from './redact-secrets.ts';

const TOKEN = 'tok/en+with space&ç';

describe('redactSecrets', () => {
  it('replaces the raw secret everywhere in the text', () => {
    expect(redactSecrets(`a ${TOKEN} b ${TOKEN}`, [TOKEN])).toBe('a *** b ***');
  });

  it('replaces the URL-encoded secret, in either hex case', () => {
    const encoded = encodeURIComponent(TOKEN);
    expect(encoded).not.toBe(TOKEN);
    const url = `http://x/criar_chamado/${encoded}/ana`;
    expect(redactSecrets(url, [TOKEN])).toBe('http://x/criar_chamado/***/ana');
    expect(redactSecrets(`/c/${encodeURIComponent('a/b')}/`.toLowerCase(), ['a/b'])).toBe('/c/***/');
  });

  it('replaces the form-encoded and the JSON-escaped secret', () => {
    expect(redactSecrets(new URLSearchParams({ token: TOKEN }).toString(), [TOKEN])).toBe('token=***');
    const quoted = 'se"cr\\et';
    expect(redactSecrets(JSON.stringify({ token: quoted }), [quoted])).toBe('{"token":"***"}');
  });

  it('replaces a longer secret whole when it contains a shorter one', () => {
    expect(redactSecrets('abcdef and abc', ['abc', 'abcdef'])).toBe('*** and ***');
  });

  it('leaves text alone when the secret list is empty or holds an empty string', () => {
    expect(redactSecrets('nothing secret', [])).toBe('nothing secret');
    expect(redactSecrets('nothing secret', [''])).toBe('nothing secret');
  });
});
