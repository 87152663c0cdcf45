import { describe, expect, it } from 'vitest';
import { customProperties, DEFAULT_CHOICES, themeCss, themeElements } from './themeChoices.ts';

describe('theme choices', () => {
  it('asks for nothing when nothing was chosen', () => {
    expect(customProperties(DEFAULT_CHOICES)).toEqual({});
    expect(themeCss(DEFAULT_CHOICES)).toMatch(/^\/\*.*\*\/$/);
    expect(themeElements(DEFAULT_CHOICES)).toBe('<tomticket-form></tomticket-form>\n<tomticket-form mode="launcher"></tomticket-form>');
  });

  it('writes each choice as its custom property on tomticket-form, the accent with a legible text colour', () => {
    const css = themeCss({
      ...DEFAULT_CHOICES,
      accent: '#ffd33d',
      text: '#222222',
      background: '#fffdf5',
      radius: 0,
      fontFamily: 'Georgia, serif',
      fontSize: 18,
    });
    expect(css).toBe(
      [
        'tomticket-form {',
        '  --tt-accent: #ffd33d;',
        '  --tt-on-accent: #111111;',
        '  --tt-text: #222222;',
        '  --tt-bg: #fffdf5;',
        '  --tt-radius: 0px;',
        '  --tt-font-family: Georgia, serif;',
        '  --tt-font-size: 18px;',
        '}',
      ].join('\n'),
    );
    expect(customProperties({ ...DEFAULT_CHOICES, accent: '#7a1fa2' })['--tt-on-accent']).toBe('#ffffff');
  });

  it('writes the theme on both elements, the corner and the label on the launcher alone', () => {
    expect(themeElements({ theme: 'dark', position: 'bottom-left', launcherLabel: 'icon' })).toBe(
      '<tomticket-form theme="dark"></tomticket-form>\n' +
        '<tomticket-form mode="launcher" theme="dark" position="bottom-left" launcher-label="icon"></tomticket-form>',
    );
  });
});
