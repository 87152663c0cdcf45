import { describe, expect, it } from 'vitest';
import { LIMITS, countChars } from '../../contract/index.ts';
import { sanitizeFileName } from './sanitize-file-name.ts';

describe('sanitizeFileName', () => {
  it.each([
    ['relatório.pdf', 'relatório.pdf'],
    ['C:\\Users\\ana\\Desktop\\foto.png', 'foto.png'],
    ['../../etc/passwd', 'passwd'],
    ['dir/sub\\mixed/name.txt', 'name.txt'],
    ['.htaccess', 'htaccess'],
    ['...hidden.txt', 'hidden.txt'],
    ['  spaced name.txt  ', 'spaced name.txt'],
    ['nul\u0000byte.txt', 'nulbyte.txt'],
    ['tab\tand\nnewline\r.txt', 'tabandnewline.txt'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['..', ''],
    ['/', ''],
    ['a/b/', ''],
    ['\u0001\u0002', ''],
    ['', ''],
    ['evil.exe. . ', 'evil.exe'],
    ['what? <a|b>: "q" *.txt', 'what_ _a_b__ _q_ _.txt'],
    ['CON.txt', '_CON.txt'],
    ['nul', '_nul'],
    ['com1.tar.gz', '_com1.tar.gz'],
    ['console.txt', 'console.txt'],
  ])('%j → %j', (raw, expected) => {
    expect(sanitizeFileName(raw)).toBe(expected);
  });

  it('normalises to NFC', () => {
    const decomposed = 'cafe\u0301.txt';
    expect(sanitizeFileName(decomposed)).toBe('caf\u00e9.txt');
  });

  it('caps long names at the limit in code points, keeping the extension', () => {
    const name = sanitizeFileName(`${'😀'.repeat(300)}.jpeg`);
    expect(countChars(name)).toBe(LIMITS.fileNameMaxChars);
    expect(name.endsWith('😀.jpeg')).toBe(true);
    // No lone surrogate left by the cut: it would not survive a round trip through UTF-8.
    expect(new TextDecoder().decode(new TextEncoder().encode(name))).toBe(name);
  });

  it('cuts a name whose "extension" is too long to be one', () => {
    const name = sanitizeFileName(`a.${'b'.repeat(300)}`);
    expect(countChars(name)).toBe(LIMITS.fileNameMaxChars);
    expect(name.startsWith('a.bbb')).toBe(true);
  });
});
