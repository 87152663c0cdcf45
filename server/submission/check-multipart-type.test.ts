import { describe, expect, it } from 'vitest';
import { checkMultipartType } from './check-multipart-type.ts';

describe('checkMultipartType', () => {
  it.each([
    'multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW',
    'Multipart/Form-Data;boundary="quoted boundary"',
    `multipart/form-data; charset=utf-8; boundary=${'x'.repeat(70)}`,
  ])('accepts %s', (type) => {
    expect(checkMultipartType(type)).toBeUndefined();
  });

  it.each([null, 'text/plain', 'application/x-www-form-urlencoded', 'application/json', 'multipart/mixed; boundary=x'])(
    'answers 415 not_multipart to %s',
    (type) => {
      expect(checkMultipartType(type)).toMatchObject({ status: 415, code: 'not_multipart' });
    },
  );

  it.each([
    'multipart/form-data',
    'multipart/form-data; boundary=',
    'multipart/form-data; boundary=""',
    `multipart/form-data; boundary=${'x'.repeat(71)}`,
    'multipart/form-data; boundary="ends with space "',
    'multipart/form-data; boundary="bad\\char"',
  ])('answers 400 malformed_body to %s', (type) => {
    expect(checkMultipartType(type)).toMatchObject({ status: 400, code: 'malformed_body' });
  });
});
