import { describe, expect, it } from 'vitest';
import { embedSnippet } from './embed-snippet.ts';

describe('embedSnippet', () => {
  it('loads widget.js from the server it is given and adds the element', () => {
    expect(embedSnippet('https://support.example.com')).toBe(
      '<script src="https://support.example.com/widget.js" defer></script>\n<tomticket-form></tomticket-form>',
    );
  });
});
