import { describe, expect, it } from 'vitest';
import { fakeLength } from './fake-length.ts';

describe('fakeLength', () => {
  it('counts code points, every CR and LF included', () => {
    expect(fakeLength('ção😀', 'chars')).toBe(4);
    expect(fakeLength('a\r\nb', 'chars')).toBe(4);
  });

  it('counts UTF-8 bytes as strlen does', () => {
    expect(fakeLength('ção😀', 'bytes')).toBe(9);
    expect(fakeLength('&lt;br&gt;', 'bytes')).toBe(10);
  });
});
