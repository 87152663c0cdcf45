import { describe, expect, it } from 'vitest';
import { checkText } from './check-text.ts';

const field = (name: string, value: string) => ({ name, value, valueTruncated: false, nameTruncated: false });

describe('checkText', () => {
  it('accepts text people type, tabs and line breaks included', () => {
    expect(checkText([field('title', 'Olá 😀 — “aspas”'), field('message', 'a\r\nb\tc\nd')])).toBeUndefined();
  });

  it.each([
    ['a NUL byte', 'title', 'abc\u0000def'],
    ['an escape sequence', 'message', 'red \u001b[31m'],
    ['a C1 control', 'fields[x]', 'a\u0085b'],
    ['bytes that were not UTF-8', 'name', 'Jos\ufffd'],
  ])('refuses %s with 400 invalid_value on the field', (_case, name, value) => {
    expect(checkText([field('email', 'ana@example.com'), field(name, value)])).toMatchObject({ status: 400, code: 'invalid_value', field: name });
  });

  it('does not name a field the form does not have', () => {
    expect(checkText([field('stray', '\u0000')])).toEqual({ status: 400, code: 'invalid_value', message: expect.any(String) });
  });
});
