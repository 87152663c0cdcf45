import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrastRatio, readableOn } from '../../demo/theme-builder/contrast.ts';

/**
 * The default tokens' own luminance check (WCAG 2.2 AA), read from tokens.css itself so a changed
 * colour is judged: text and hints 4.5:1 (1.4.3) on the background and the surface; field borders
 * and the focus ring (the accent) 3:1 (1.4.11) on the background and the surface (the drop zone's
 * dashed border sits on it); the Send button's text 4.5:1 on the accent. The e2e suite measures the
 * same pairs on what Chromium draws (e2e/theme.spec.ts), with axe beside it.
 */
const css = readFileSync(join(import.meta.dirname, 'tokens.css'), 'utf8');

/** The default of each short token in the rule starting at `selector`: `--b: var(--tt-border, #858d97)` → b → #858d97. */
function defaultsOf(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  const body = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/--(\w+): var\(--tt-[\w-]+, (#[0-9a-f]{3,6})\)/gi)].map((m) => [m[1], m[2]]));
}

const light = defaultsOf('.tt');
const dark = { ...light, ...defaultsOf('.dark') };

describe.each([
  ['light', light],
  ['dark', dark],
  // A site's own accent, with the text colour the theme builder pairs with it (demo/theme-builder).
  ['light with a terracotta accent', { ...light, a: '#b5452a', on: readableOn('#b5452a') }],
  ['dark with a terracotta accent', { ...dark, a: '#e0805f', on: readableOn('#e0805f') }],
])('the %s tokens pass WCAG 2.2 AA contrast', (_theme, tokens) => {
  const pairs: Array<[string, string, string, number]> = [
    ['text on the background', 't', 'bg', 4.5],
    ['text on the surface', 't', 's', 4.5],
    ['hints on the background', 'm', 'bg', 4.5],
    ['hints on the surface', 'm', 's', 4.5],
    ['errors on the background', 'e', 'bg', 4.5],
    ['the Send text on the accent', 'on', 'a', 4.5],
    ['field borders on the background', 'b', 'bg', 3],
    ['field borders on the surface', 'b', 's', 3],
    ['the focus ring on the background', 'a', 'bg', 3],
    ['the focus ring on the surface', 'a', 's', 3],
  ];
  it.each(pairs)('%s', (_what, foreground, background, minimum) => {
    expect(tokens[foreground], `--${foreground} in tokens.css`).toMatch(/^#/);
    expect(contrastRatio(tokens[foreground]!, tokens[background]!)).toBeGreaterThanOrEqual(minimum);
  });
});

it('a border one step lighter than the default would fail, so the check can tell', () => {
  expect(contrastRatio('#a0a7b0', light.bg!)).toBeLessThan(3);
});
