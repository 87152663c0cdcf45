/**
 * The demo page at `/` (the coffee shop's help page the server answers) and its theme builder:
 * the builder restyles the page's forms live, writes the CSS and the elements to paste, and that
 * paste, on a fresh page of another site, draws the same form (a screenshot comparison of the two
 * forms); it warns of a colour pair below AA; axe finds nothing on the page in each state.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe.ts';
import { differingPixels } from './support/compare-pictures.ts';
import { sendButton } from './support/form-actions.ts';
import { SERVER_ORIGIN } from './support/ports.ts';
import { SCREENSHOT_TOLERANCE } from './support/screenshot-tolerance.ts';

// Independent tests: let both workers take them.
test.describe.configure({ mode: 'parallel' });

/** The demo page with its inline form ready to send and the theme builder drawn. */
async function demoPage(page: Page) {
  await page.goto(`${SERVER_ORIGIN}/`);
  const inline = page.locator('tomticket-form#demo-inline');
  await expect(sendButton(inline)).toBeEnabled();
  await expect(page.getByLabel('Destaque', { exact: true })).toBeVisible();
  const code = page.locator('.tb-code code');
  return { inline, launcher: page.locator('tomticket-form#demo-launcher'), css: code.nth(0), elements: code.nth(1) };
}

/** A form's picture as a comparison takes it: no focus, no caret, no animation, the floating launcher hidden. */
async function pictureOf(page: Page, form: Locator): Promise<Buffer> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  return form.screenshot({ animations: 'disabled', caret: 'hide', style: "tomticket-form[mode='launcher'] { display: none !important; }" });
}

test('the demo page: a styled help page with the form, the launcher, the snippet for this server and a favicon; axe finds nothing', async ({ page, request }) => {
  const { inline, launcher } = await demoPage(page);
  await expect(page).toHaveTitle('Central de ajuda · Café Serra Azul');
  // Its own stylesheet, not the browser's default serif.
  expect(await page.locator('body').evaluate((body) => getComputedStyle(body).fontFamily)).not.toMatch(/^"?Times/);
  // The pinned snippet, exactly as /embed.json gives it for this server.
  const embed = (await (await request.get(`${SERVER_ORIGIN}/embed.json`)).json()) as { url: string; snippet: string };
  expect(embed.url).toMatch(new RegExp(`^${SERVER_ORIGIN}/widget\\.[0-9a-f]{12}\\.js$`));
  await expect(page.locator('#embed-snippet')).toHaveText(embed.snippet);
  await expect(launcher.getByRole('button', { name: 'Abrir chamado' })).toBeVisible();
  await expect(inline.getByRole('textbox', { name: 'E-mail', exact: true })).toHaveAttribute('placeholder', 'voce@empresa.com.br');
  const icon = await request.get(`${SERVER_ORIGIN}/favicon.ico`);
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toBe('image/x-icon');
  await expectNoAxeViolations(page, 'demo page as loaded');

  await launcher.getByRole('button', { name: 'Abrir chamado' }).click();
  await expect(sendButton(launcher.getByRole('dialog'))).toBeEnabled();
  await expectNoAxeViolations(page, 'demo page, launcher open');
});

test('the theme builder restyles the forms live, and its CSS and elements pasted into a fresh page draw the same form', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: SERVER_ORIGIN });
  const { inline, launcher, css, elements } = await demoPage(page);

  await page.getByLabel('Destaque', { exact: true }).fill('#b5452a');
  await expect(sendButton(inline), 'the accent applies at once').toHaveCSS('background-color', 'rgb(181, 69, 42)');
  await expect(css).toContainText('--tt-accent: #b5452a;');
  await expect(css).toContainText('--tt-on-accent: #ffffff;');
  // A range input cannot be filled: set as a drag would, with its input event.
  await page.getByLabel('Cantos', { exact: true }).evaluate((input: HTMLInputElement) => {
    input.value = '14';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await expect(css).toContainText('--tt-radius: 14px;');
  await page.getByRole('radio', { name: 'Claro' }).check();
  await page.getByRole('radio', { name: 'Esquerdo' }).check();
  await page.getByRole('radio', { name: 'Só o ícone' }).check();
  await expect(elements).toHaveText('<tomticket-form theme="light"></tomticket-form>\n<tomticket-form mode="launcher" theme="light" position="bottom-left" launcher-label="icon"></tomticket-form>');
  // The page's own launcher follows: in the left corner, the icon alone.
  const opener = launcher.getByRole('button', { name: 'Abrir chamado' });
  await expect.poll(async () => (await opener.boundingBox())?.x).toBeLessThan(100);
  await expect(launcher.locator('svg')).toBeVisible();
  await expect(page.locator('.tb-ok')).toHaveText('Todas as cores do formulário têm contraste suficiente.');
  await expectNoAxeViolations(page, 'demo page, themed');

  // What a site owner copies.
  await page.getByRole('button', { name: 'Copiar o CSS' }).click();
  await expect(page.getByRole('button', { name: 'Copiado o CSS' })).toBeVisible();
  const copiedCss = await page.evaluate(() => navigator.clipboard.readText());
  expect(copiedCss).toBe(await css.textContent());
  await page.getByRole('button', { name: 'Copiar os elementos' }).click();
  await expect(page.getByRole('button', { name: 'Copiado os elementos' })).toBeVisible();
  const copiedElements = await page.evaluate(() => navigator.clipboard.readText());
  expect(copiedElements).toBe(await elements.textContent());

  const demoPicture = await pictureOf(page, inline);
  // Where the form sits, to the fraction of a pixel (antialiasing depends on it), the page at its top.
  const box = await inline.evaluate((element) => {
    const { x, y, width } = element.getBoundingClientRect();
    return { x: x + scrollX, y: y + scrollY, width };
  });
  const surroundings = await page.locator('.contact-form').evaluate((element) => getComputedStyle(element).backgroundColor);

  // A fresh page of another site: only widget.js, then the pasted CSS and elements (the same width
  // and surroundings as on the demo page, which are the test's, not the paste's).
  const fresh = await context.newPage();
  await fresh.goto('/fresh.html');
  await fresh.addStyleTag({
    content: `main { position: absolute; left: ${box.x}px; top: ${box.y % 1}px; width: ${box.width}px; padding: 0; background: ${surroundings}; }`,
  });
  const pasted = await fresh.addStyleTag({ content: copiedCss });
  await fresh.locator('#paste').evaluate((main, html) => main.insertAdjacentHTML('beforeend', html), copiedElements);
  const freshForm = fresh.locator('#paste tomticket-form:not([mode])');
  await expect(sendButton(freshForm)).toBeEnabled();
  await expect(fresh.locator('#paste tomticket-form[mode=launcher]').getByRole('button', { name: 'Abrir chamado' })).toBeVisible();
  const freshPicture = await pictureOf(fresh, freshForm);
  // Measured: 0 pixels differ (the same Chromium draws the same CSS).
  expect(await differingPixels(fresh, demoPicture, freshPicture), 'the pasted theme draws the same form').toBeLessThanOrEqual(SCREENSHOT_TOLERANCE.maxDiffPixels);

  // The comparison can tell: without the pasted CSS the fresh form looks otherwise.
  await pasted.evaluate((style) => (style as Element).remove());
  await expect(sendButton(freshForm)).toHaveCSS('background-color', 'rgb(10, 88, 202)');
  expect(await differingPixels(fresh, demoPicture, await pictureOf(fresh, freshForm))).toBeGreaterThan(SCREENSHOT_TOLERANCE.maxDiffPixels);
});

test('the theme builder warns of a colour pair below AA, and the warning goes once fixed; dark theme too; axe finds nothing', async ({ page }) => {
  const { inline } = await demoPage(page);
  const warnings = page.locator('.tb-warnings li');
  await expect(page.locator('.tb-ok')).toBeVisible();

  // A pale yellow accent: the Send text turns dark and reads, but the focus ring vanishes on white.
  await page.getByRole('radio', { name: 'Claro' }).check();
  await page.getByLabel('Destaque', { exact: true }).fill('#f5d76e');
  await expect(sendButton(inline)).toHaveCSS('color', 'rgb(17, 17, 17)');
  await expect(warnings).toHaveText([/^Cor de destaque \(anel de foco\) sobre o fundo: 1,\d\d:1, abaixo do mínimo de 3:1\.$/]);
  await expectNoAxeViolations(page, 'demo page, builder warning');

  // Grey text on a grey background: two warnings more (text, and hints).
  await page.getByLabel('Texto', { exact: true }).fill('#8c8c8c');
  await page.getByLabel('Fundo', { exact: true }).fill('#dddddd');
  await expect(warnings).toContainText([/^Texto sobre o fundo: /]);

  // Back to the defaults: no warning.
  for (const reset of await page.getByRole('button', { name: 'Padrão' }).all()) if (await reset.isEnabled()) await reset.click();
  await expect(page.locator('.tb-ok')).toBeVisible();
  await expect(warnings).toHaveCount(0);

  await page.getByRole('radio', { name: 'Escuro' }).check();
  await expect(inline.locator('div.tt')).toHaveCSS('background-color', 'rgb(13, 17, 23)');
  await expect(page.locator('.tb-ok')).toBeVisible();
  await expectNoAxeViolations(page, 'demo page, dark forms');
});
