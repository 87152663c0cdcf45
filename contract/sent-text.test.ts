import { describe, expect, it } from 'vitest';
import { formatMessage, messageSentLength, normaliseTypedText, sentLength, typedTextSentLength } from './sent-text.ts';

describe('formatMessage', () => {
  it('escapes markup and turns line breaks into <br> for html', () => {
    expect(formatMessage('a < b & c > d\r\nsecond\rthird\nfourth', 'html')).toBe(
      'a &lt; b &amp; c &gt; d<br>second<br>third<br>fourth',
    );
    expect(formatMessage('<script>alert(1)</script>', 'html')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('sends text as typed, line breaks as LF and trimmed', () => {
    expect(formatMessage('  a < b\r\nc  ', 'text')).toBe('a < b\nc');
  });

  it('trims before formatting, so surrounding blank lines add nothing', () => {
    expect(formatMessage('\n\nhello\n\n', 'html')).toBe('hello');
  });
});

describe('sentLength', () => {
  it('counts code points or UTF-8 bytes', () => {
    expect(sentLength('ção', 'chars')).toBe(3);
    expect(sentLength('ção', 'bytes')).toBe(5);
    expect(sentLength('😀', 'chars')).toBe(1);
    expect(sentLength('😀', 'bytes')).toBe(4);
  });

  it('counts every line break as the CRLF a multipart form sends', () => {
    expect(sentLength('a\nb', 'chars')).toBe(4);
    expect(sentLength('a\r\nb', 'bytes')).toBe(4);
    expect(sentLength('a\rb', 'chars')).toBe(4);
  });
});

describe('messageSentLength', () => {
  it('makes a typed < count 4 in html, 1 in text', () => {
    expect(messageSentLength('<', { messageFormat: 'html', lengthUnit: 'chars' })).toBe(4);
    expect(messageSentLength('<', { messageFormat: 'text', lengthUnit: 'chars' })).toBe(1);
  });

  it('counts a line break as <br> in html and as CRLF in text', () => {
    expect(messageSentLength('a\r\nb', { messageFormat: 'html', lengthUnit: 'bytes' })).toBe(6);
    expect(messageSentLength('a\r\nb', { messageFormat: 'text', lengthUnit: 'bytes' })).toBe(4);
  });
});

describe('typedTextSentLength', () => {
  it('ignores surrounding whitespace, as the server trims it', () => {
    expect(typedTextSentLength('  título  ', 'chars')).toBe(6);
    expect(typedTextSentLength('  título  ', 'bytes')).toBe(7);
  });

  it('normalises like the server', () => {
    expect(normaliseTypedText(' a\r\nb\rc ')).toBe('a\nb\nc');
  });
});
