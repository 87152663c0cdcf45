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

  it('replaces the credential after Bearer, known secret or not, in a header or an error quoting it', () => {
    expect(redactSecrets(`Authorization: Bearer ${TOKEN}`, [TOKEN])).toBe('Authorization: Bearer ***');
    // A token replaced since (not among the secrets), quoted by an error, or URL-encoded.
    expect(redactSecrets('rejected header "Bearer 0ld7ok3n5f0r60773n" from 10.0.0.1', [TOKEN])).toBe('rejected header "Bearer ***" from 10.0.0.1');
    expect(redactSecrets('authorization=Bearer%200ld7ok3n5f0r60773n&x=1', [])).toBe('authorization=Bearer%20***&x=1');
    // Prose about the header stays readable.
    expect(redactSecrets('send the Bearer token in the header', [])).toBe('send the Bearer token in the header');
  });
});
