import { expect, test, type Locator } from '@playwright/test';
import { openInlineForm, sendButton, textbox } from './support/form-actions.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { contrastRatio as contrast, relativeLuminance as luminance } from '../demo/theme-builder/contrast.ts';

interface Look {
  background: string;
  text: string;
  input: string;
  accent: string;
}

/** The computed colours that make a theme: the card's background and text, an input's background, the Send button's. */
async function lookOf(form: Locator): Promise<Look> {
  const card = form.locator('div.tt');
  const css = (target: Locator, property: string) =>
    target.evaluate((element, name) => getComputedStyle(element).getPropertyValue(name), property);
  return {
    background: await css(card, 'background-color'),
    text: await css(card, 'color'),
    input: await css(textbox(form, 'Assunto'), 'background-color'),
    accent: await css(sendButton(form), 'background-color'),
  };
}

function expectDark(look: Look) {
  expect(luminance(look.background), `background ${look.background}`).toBeLessThan(0.05);
  expect(luminance(look.input), `input ${look.input}`).toBeLessThan(0.05);
  expect(luminance(look.text), `text ${look.text}`).toBeGreaterThan(0.7);
}

function expectLight(look: Look) {
  expect(luminance(look.background), `background ${look.background}`).toBeGreaterThan(0.9);
  expect(luminance(look.input), `input ${look.input}`).toBeGreaterThan(0.9);
  expect(luminance(look.text), `text ${look.text}`).toBeLessThan(0.05);
}

test('theme="dark" draws the dark tokens, unlike theme="light"', async ({ page }) => {
  const light = await lookOf(await openInlineForm(page, '/index.html'));
  expectLight(light);
  const dark = await lookOf(await openInlineForm(page, '/index.html?theme=dark'));
  expectDark(dark);
  expect(dark.accent).not.toBe(light.accent);
  // The documented defaults of both themes.
  expect(light).toMatchObject({ background: 'rgb(255, 255, 255)', text: 'rgb(31, 35, 40)', accent: 'rgb(10, 88, 202)' });
  expect(dark).toMatchObject({ background: 'rgb(13, 17, 23)', text: 'rgb(230, 237, 243)', accent: 'rgb(88, 166, 255)' });
});

test('theme="auto" follows prefers-color-scheme, also when it changes while the form is shown', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const form = await openInlineForm(page, '/index.html?theme=auto');
  expectDark(await lookOf(form));
  await page.emulateMedia({ colorScheme: 'light' });
  expectLight(await lookOf(form));
  await page.emulateMedia({ colorScheme: 'dark' });
  expectDark(await lookOf(form));
});

// WCAG 2.2 AA 1.4.11: what shows a control's edge and the focus needs 3:1 against what is beside
// it; 1.4.3: text 4.5:1. Measured on the colours the browser computes, in each theme and with a
// site's own accent (a terracotta a coffee shop might pick), and axe run in the same state.
for (const [theme, accent] of [['light', ''], ['dark', ''], ['light', '#b5452a']] as const) {
  test(`borders, the focus ring and hints pass AA contrast (luminance check and axe): ${theme}${accent ? `, accent ${accent}` : ''}`, async ({ page }) => {
    const form = await openInlineForm(page, `/index.html?theme=${theme}`);
    if (accent) {
      await page.addStyleTag({ content: `tomticket-form { --tt-accent: ${accent}; --tt-on-accent: #ffffff; }` });
      await expect(sendButton(form)).toHaveCSS('background-color', 'rgb(181, 69, 42)');
    }
    const css = (target: Locator, property: string) =>
      target.evaluate((element, name) => getComputedStyle(element).getPropertyValue(name), property);
    const background = await css(form.locator('div.tt'), 'background-color');
    const input = textbox(form, 'Assunto');
    const dropzone = form.locator('[part~=dropzone]');
    const dropBackground = await css(dropzone, 'background-color');
    // The focus ring, as the keyboard shows it.
    await input.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect(input).toBeFocused();
    const ring = await css(input, 'outline-color');
    expect(await css(input, 'outline-style')).toBe('solid');
    const pairs: Array<[string, string, string, number]> = [
      ['field border on the background', await css(input, 'border-top-color'), background, 3],
      ['drop zone border on its own background', await css(dropzone, 'border-top-color'), dropBackground, 3],
      ['focus ring on the background', ring, background, 3],
      ['focus ring on the field', ring, await css(input, 'background-color'), 3],
      ['placeholder on the field', await input.evaluate((element) => getComputedStyle(element, '::placeholder').color), await css(input, 'background-color'), 4.5],
      ['hint on the background', await css(form.locator('[part~=field] small').first(), 'color'), background, 4.5],
      ['Send text on the accent', await css(sendButton(form), 'color'), await css(sendButton(form), 'background-color'), 4.5],
    ];
    for (const [what, foreground, behind, minimum] of pairs) {
      expect(contrast(foreground, behind), `${what}: ${foreground} on ${behind}`).toBeGreaterThanOrEqual(minimum);
    }
    await expectNoAxeViolations(page, `${theme} ${accent}`);
  });
}
