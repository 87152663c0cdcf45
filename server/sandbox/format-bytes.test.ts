import { expect, it } from 'vitest';
import { LIMITS } from '../../contract/index.ts';
import { formatBytes } from './format-bytes.ts';

it.each([
  [0, '0 B'],
  [1023, '1023 B'],
  [1024, '1.0 KB'],
  [1536, '1.5 KB'],
  [1024 * 1024 - 1, '1024.0 KB'],
  [1024 * 1024, '1.0 MB'],
  [LIMITS.requestMaxBytes, '25.0 MB'],
  [3 * 1024 ** 3, '3.0 GB'],
])('formats %i bytes as %s', (bytes, text) => {
  expect(formatBytes(bytes)).toBe(text);
});
