import { expect, it } from 'vitest';
import { escapeHtml, html } from './html.ts';

it('escapes every character that could open markup or leave an attribute', () => {
  expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;');
});

it('escapes interpolated text but keeps nested templates and joins lists', () => {
  const items = ['<b>', 'ok'].map((text) => html`<li>${text}</li>`);
  expect(html`<ul title="${'"x"'}">${items}</ul>${null}${undefined}${3}`.markup).toBe(
    '<ul title="&#34;x&#34;"><li>&#60;b&#62;</li><li>ok</li></ul>3',
  );
});
