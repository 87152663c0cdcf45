import { expect, test, type Locator } from '@playwright/test';
import { openInlineForm, sendButton, textbox } from './support/form-actions.ts';
import { luminance } from './support/colors.ts';

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
