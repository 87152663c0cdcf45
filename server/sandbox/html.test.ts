import { expect, it } from 'vitest';
import { html } from './html.ts';

it('escapes interpolated text but keeps nested templates and joins lists', () => {
  const items = ['<b>', 'ok'].map((text) => html`<li>${text}</li>`);
  expect(html`<ul title="${'"x"'}">${items}</ul>${null}${undefined}${3}`.markup).toBe(
    '<ul title="&#34;x&#34;"><li>&#60;b&#62;</li><li>ok</li></ul>3',
  );
});
