import { describe, expect, it } from 'vitest';
import { checkValue } from './checkValue.ts';

describe('checkValue', () => {
  it('requires a value, counting blanks as empty', () => {
    expect(checkValue({ name: 'title', required: true }, '  ')).toEqual({ code: 'required' });
    expect(checkValue({ name: 'title', required: false }, '')).toBeUndefined();
  });

  it('counts characters in code points, as the server does', () => {
    const rule = { name: 'title', required: true, max: 3 };
    expect(checkValue(rule, '👋👋👋')).toBeUndefined();
    expect(checkValue(rule, 'abcd')).toEqual({ code: 'too_long', n: 3 });
  });

  it('checks e-mails, options, numbers and dates', () => {
    expect(checkValue({ name: 'email', required: true, type: 'email' }, 'a@b')).toEqual({ code: 'invalid_email' });
    expect(checkValue({ name: 'email', required: true, type: 'email' }, 'a@b.co')).toBeUndefined();
    expect(checkValue({ name: 'x', required: false, options: [{ value: '1' }, { value: '2' }] }, '3')).toEqual({ code: 'not_an_option' });
    const number = { name: 'n', required: false, type: 'number' as const, min: 1, top: 10 };
    expect(checkValue(number, '0')).toEqual({ code: 'invalid_value' });
    expect(checkValue(number, '10')).toBeUndefined();
    expect(checkValue(number, 'abc')).toEqual({ code: 'invalid_value' });
    expect(checkValue({ name: 'd', required: false, type: 'date' }, '2024-02-30x')).toEqual({ code: 'invalid_value' });
    expect(checkValue({ name: 'd', required: false, type: 'date' }, '2024-02-03')).toBeUndefined();
  });

  it('treats an unchecked checkbox as empty', () => {
    const rule = { name: 'c', required: true, type: 'checkbox' as const };
    expect(checkValue(rule, '')).toEqual({ code: 'required' });
    expect(checkValue(rule, 'false')).toEqual({ code: 'required' });
    expect(checkValue(rule, 'true')).toBeUndefined();
  });
});
