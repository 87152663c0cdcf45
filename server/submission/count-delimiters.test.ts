import { describe, expect, it } from 'vitest';
import { createDelimiterCounter } from './count-delimiters.ts';

const body = '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--xyz\r\nContent-Disposition: form-data; name="b"\r\n\r\n2\r\n--xyz--\r\n';

describe('createDelimiterCounter', () => {
  it.each([1, 2, 3, 5, 7, 1000])('counts every delimiter, the first and the closing one included, in chunks of %i bytes', (size) => {
    const counter = createDelimiterCounter('xyz');
    const bytes = new TextEncoder().encode(body);
    for (let i = 0; i < bytes.length; i += size) counter.feed(bytes.subarray(i, i + size));
    expect(counter.count).toBe(3);
  });

  it('does not count the boundary without its leading dashes or line break', () => {
    const counter = createDelimiterCounter('xyz');
    counter.feed(new TextEncoder().encode('preamble xyz -xyz\n--xyz'));
    expect(counter.count).toBe(0);
  });
});
