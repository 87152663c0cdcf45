import { expect, it } from 'vitest';
import { attachmentDisposition } from './content-disposition.ts';

it('keeps a plain name as is in both forms', () => {
  expect(attachmentDisposition('report.pdf')).toBe(`attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`);
});

it('gives the exact UTF-8 name in filename* and an ASCII stand-in in filename', () => {
  expect(attachmentDisposition('relatório*(1).txt')).toBe(
    `attachment; filename="relat_rio*(1).txt"; filename*=UTF-8''relat%C3%B3rio%2A%281%29.txt`,
  );
});

it('cannot be broken out of by quotes, backslashes or line breaks', () => {
  const header = attachmentDisposition('a"b\\c\r\nSet-Cookie: x=1.txt');
  expect(header).toBe(
    `attachment; filename="a_b_c__Set-Cookie: x=1.txt"; filename*=UTF-8''a%22b%5Cc%0D%0ASet-Cookie%3A%20x%3D1.txt`,
  );
  expect(() => new Headers({ 'Content-Disposition': header })).not.toThrow();
});

it('never leaves filename empty', () => {
  expect(attachmentDisposition('')).toBe(`attachment; filename="download"; filename*=UTF-8''`);
});
