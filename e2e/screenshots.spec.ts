/**
 * The widget's look, compared with committed baselines (docs/screenshots/, the README's
 * pictures) by Playwright's toHaveScreenshot, within SCREENSHOT_TOLERANCE: an unintended visual
 * change fails the suite. Every page draws with the Inter font the host server ships
 * (e2e/pages/fonts.css, loaded before widget.js: look.html, look-launcher.html), so the pictures
 * do not depend on the machine's fonts; texts, files and
 * ticket numbers are fixed, the focus is removed, animations are finished. Refresh the baselines
 * on purpose: `npx playwright test e2e/screenshots.spec.ts --update-snapshots` (README, Development).
 * The last tests prove the tolerance: a re-render matches, a moved or recoloured element does not.
 */
import { writeFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { combobox, fileInput, fillRequired, listedFiles, openInlineForm, pickFiles, sendButton, sizeMeter, textbox } from './support/form-actions.ts';
import { CHROMIUM_ARGS, findChromium } from './support/find-chromium.ts';
import { MB, pngFile, randomFile } from './support/test-files.ts';

// Independent tests: let both workers take them.
test.describe.configure({ mode: 'parallel' });

test.use({ viewport: { width: 1024, height: 900 } });

/** Waits until the page's test font is loaded, so no picture is taken with a fallback font. */
async function fontsReady(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(async () => (await document.fonts.ready, document.fonts.check("600 16px 'Inter Test'")))).toBe(true);
}

/** A form as the README shows it: a department with custom fields, typed text, an image and a document attached. */
async function fillForShowing(form: Locator): Promise<void> {
  await textbox(form, 'E-mail').fill('ana.souza@example.com');
  await textbox(form, 'Nome').fill('Ana Souza');
  await combobox(form, 'Departamento').selectOption({ label: 'Suporte' });
  await combobox(form, 'Categoria').selectOption({ label: 'Integrações' });
  await combobox(form, 'Navegador').selectOption({ label: 'Google Chrome' });
  await textbox(form, 'Endereço da integração').fill('https://erp.example.com/webhook');
  await textbox(form, 'Assunto').fill('A integração com o ERP parou');
  await textbox(form, 'Mensagem').fill('Desde ontem às 14h os pedidos não chegam ao ERP. Segue o print e o log.');
  await combobox(form, 'Prioridade').selectOption({ label: 'Alta' });
  await pickFiles(form, [pngFile('print-do-erro.png'), randomFile('integracao.log', 180 * 1024, 'text/plain')]);
  await expect(listedFiles(form)).toHaveText(['print-do-erro.png', 'integracao.log']);
  await expect.poll(() => form.locator('[part=file-list] img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
}

/** Takes the focus away (a focus ring would differ between shots) from the page and every shadow root. */
async function blur(page: Page): Promise<void> {
  await page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    (active as HTMLElement | null)?.blur();
  });
}

/** The inline form of look.html (`?theme=`), filled as the README shows it, unfocused. */
async function filledForm(page: Page, theme = 'light'): Promise<Locator> {
  const form = await openInlineForm(page, `/look.html?theme=${theme}`);
  await fontsReady(page);
  await fillForShowing(form);
  await blur(page);
  return form;
}

/** Writes a file big enough for the meter's states to disk (handing Chromium a path is instant). */
async function bigFile(path: string, size: number): Promise<string> {
  await writeFile(path, Buffer.alloc(size, 1));
  return path;
}

/** The launcher page with its panel open, focus removed. */
async function openLauncher(page: Page): Promise<Locator> {
  await page.goto('/look-launcher.html');
  await fontsReady(page);
  const host = page.locator('tomticket-form#help');
  await host.getByRole('button', { name: 'Abrir chamado' }).click();
  const dialog = host.getByRole('dialog', { name: 'Abrir chamado' });
  await expect(sendButton(dialog)).toBeEnabled();
  await blur(page);
  return dialog;
}

test('screenshot: inline form, light theme', async ({ page }) => {
  const form = await filledForm(page);
  await expect(form.locator('div.tt')).toHaveCSS('background-color', 'rgb(255, 255, 255)');
  await expect(form).toHaveScreenshot('form-light.png');
});

test('screenshot: inline form, dark theme', async ({ page }) => {
  const form = await filledForm(page, 'dark');
  await expect(form.locator('div.tt')).toHaveCSS('background-color', 'rgb(13, 17, 23)');
  await expect(form).toHaveScreenshot('form-dark.png');
});

test('screenshot: launcher panel anchored above its button', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await openLauncher(page);
  await expect(page).toHaveScreenshot('launcher-open.png');
});

test('screenshot: launcher panel as a sheet on a 360 px phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openLauncher(page);
  await expect(page).toHaveScreenshot('launcher-phone.png');
});

test('screenshot: phone width (360 px) without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await filledForm(page);
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: innerWidth }));
  expect(widths.page, 'the form fits the phone width').toBeLessThanOrEqual(widths.viewport);
  await expect(page).toHaveScreenshot('phone-360.png', { fullPage: true });
});

test('screenshot: size meter near and over the limit', async ({ page }, testInfo) => {
  const form = await openInlineForm(page, '/look.html');
  await fontsReady(page);
  const attachments = form.locator('[part=field]').filter({ has: page.locator('[part=meter]') });
  const meter = sizeMeter(form);

  await fileInput(form).setInputFiles(await bigFile(testInfo.outputPath('gravacao-da-tela.mp4'), 21 * MB));
  await expect(meter).toHaveClass(/\bwarning\b/);
  await expect(meter.locator('[aria-live=polite]')).toHaveText('Perto do limite');
  await blur(page);
  await expect(attachments).toHaveScreenshot('meter-warning.png');

  await fileInput(form).setInputFiles(await bigFile(testInfo.outputPath('backup.zip'), 5 * MB));
  await expect(meter).toHaveClass(/\bover\b/);
  await expect(meter.locator('[aria-live=polite]')).toHaveText(/^Remova \d+,\d MB para enviar$/);
  await expect(sendButton(form)).toBeDisabled();
  await blur(page);
  await expect(attachments).toHaveScreenshot('meter-over.png');
});

test('screenshot: sending, then the ticket number large with its copy button', async ({ page }) => {
  const form = await openInlineForm(page, '/look.html');
  await fontsReady(page);
  await fillRequired(form, { title: 'Pedido 1042 chegou incompleto', email: 'ana.souza@example.com', name: 'Ana Souza' });
  // The server's answer is held, then given with a fixed protocol: the picture is the same every run.
  let answer!: () => void;
  const answered = new Promise<void>((resolve) => (answer = resolve));
  await page.route('**/api/tickets', async (route) => {
    await answered;
    await route.fulfill({ status: 201, contentType: 'application/json', body: JSON.stringify({ ok: true, ticket: { id: 'a1', protocol: 48213 } }) });
  });
  await sendButton(form).click();
  const sending = form.locator('.sending');
  await expect(sending).toBeVisible();
  await expect(form.getByRole('button', { name: 'Cancelar' })).toBeFocused();
  await blur(page);
  // The percentage depends on how fast the body left: masked.
  await expect(form).toHaveScreenshot('sending.png', { mask: [sending.locator('span')] });

  answer();
  await expect(form.locator('[part=ticket-number]')).toHaveText('48213');
  await blur(page);
  await expect(form).toHaveScreenshot('success.png');
});

test.describe('the tolerance of the comparisons', () => {
  for (const hinting of ['none', 'full']) {
    test(`a re-render with --font-render-hinting=${hinting} matches the baseline`, async ({ browser }) => {
      // A browser of its own, asked for other hinting: the shipped font is drawn the same.
      const hinted = await browser.browserType().launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS, `--font-render-hinting=${hinting}`] });
      try {
        const page = await hinted.newPage({ viewport: { width: 1024, height: 900 }, baseURL: test.info().project.use.baseURL });
        await expect(await filledForm(page)).toHaveScreenshot('form-light.png');
      } finally {
        await hinted.close();
      }
    });
  }

  test('an element moved by 1 px, or recoloured, no longer matches', async ({ page }) => {
    const form = await filledForm(page);
    await expect(form).toHaveScreenshot('form-light.png');
    // The .not matcher compares without ever writing a baseline, even under --update-snapshots.
    const moved = await page.addStyleTag({ content: 'tomticket-form::part(submit) { translate: 0 1px; }' });
    await expect(form).not.toHaveScreenshot('form-light.png');
    await moved.evaluate((style) => (style as Element).remove());
    await expect(form).toHaveScreenshot('form-light.png');
    // The accent a little lighter (#0a58ca → #2f6fd0): only the Send button changes colour.
    await page.addStyleTag({ content: 'tomticket-form { --tt-accent: #2f6fd0; }' });
    await expect(form).not.toHaveScreenshot('form-light.png');
  });
});
