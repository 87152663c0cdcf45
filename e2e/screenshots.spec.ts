/**
 * Shoots the README's pictures into docs/screenshots/ (overwritten each run), each after checking
 * that what it shows is really on screen. Same viewport, fixed texts and files, focus removed, so
 * runs on one machine give the same images.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { combobox, fileInput, listedFiles, openInlineForm, pickFiles, sendButton, sizeMeter, textbox } from './support/form-actions.ts';
import { MB, pngFile, randomFile } from './support/test-files.ts';

const SCREENSHOTS = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const SHOT = { animations: 'disabled', caret: 'hide' } as const;

// Independent tests: let both workers take them.
test.describe.configure({ mode: 'parallel' });

test.use({ viewport: { width: 1024, height: 900 } });

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

/** Shoots `target` with `margin` pixels of the page around it, so the picture does not end at its borders. */
async function shootAround(page: Page, target: Locator, path: string, margin = 12): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  if (!box) throw new Error(`nothing to shoot for ${path}`);
  const clip = { x: Math.max(0, box.x - margin), y: Math.max(0, box.y - margin), width: box.width + 2 * margin, height: box.height + 2 * margin };
  await page.screenshot({ ...SHOT, clip, path });
}

/** Writes a file big enough for the meter's states to disk (handing Chromium a path is instant). */
async function bigFile(path: string, size: number): Promise<string> {
  await writeFile(path, Buffer.alloc(size, 1));
  return path;
}

test('screenshot: inline form, light theme', async ({ page }) => {
  const form = await openInlineForm(page, '/index.html');
  await fillForShowing(form);
  await expect(form.locator('div.tt')).toHaveCSS('background-color', 'rgb(255, 255, 255)');
  await blur(page);
  await form.screenshot({ ...SHOT, path: `${SCREENSHOTS}form-light.png` });
});

test('screenshot: inline form, dark theme', async ({ page }) => {
  const form = await openInlineForm(page, '/index.html?theme=dark');
  await fillForShowing(form);
  await expect(form.locator('div.tt')).toHaveCSS('background-color', 'rgb(13, 17, 23)');
  await blur(page);
  await form.screenshot({ ...SHOT, path: `${SCREENSHOTS}form-dark.png` });
});

test('screenshot: launcher dialog open', async ({ page }) => {
  await page.goto('/launcher.html');
  const host = page.locator('tomticket-form#help');
  await host.getByRole('button', { name: 'Abrir chamado' }).click();
  const dialog = host.getByRole('dialog', { name: 'Abrir chamado' });
  await expect(sendButton(dialog)).toBeVisible();
  await blur(page);
  await page.screenshot({ ...SHOT, path: `${SCREENSHOTS}launcher-open.png` });
});

test('screenshot: phone width (360 px) without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  const form = await openInlineForm(page, '/index.html');
  await fillForShowing(form);
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: innerWidth }));
  expect(widths.page, 'the form fits the phone width').toBeLessThanOrEqual(widths.viewport);
  await blur(page);
  await page.screenshot({ ...SHOT, fullPage: true, path: `${SCREENSHOTS}phone-360.png` });
});

test('screenshot: size meter near and over the limit', async ({ page }, testInfo) => {
  const form = await openInlineForm(page, '/index.html');
  const attachments = form.locator('[part=field]').filter({ has: page.locator('[part=meter]') });
  const meter = sizeMeter(form);

  await fileInput(form).setInputFiles(await bigFile(testInfo.outputPath('gravacao-da-tela.mp4'), 21 * MB));
  await expect(meter).toHaveClass(/\bwarning\b/);
  await expect(meter.locator('[aria-live=polite]')).toHaveText('Perto do limite');
  await blur(page);
  await shootAround(page, attachments, `${SCREENSHOTS}meter-warning.png`);

  await fileInput(form).setInputFiles(await bigFile(testInfo.outputPath('backup.zip'), 5 * MB));
  await expect(meter).toHaveClass(/\bover\b/);
  await expect(meter.locator('[aria-live=polite]')).toHaveText(/^Remova \d+,\d MB para enviar$/);
  await expect(sendButton(form)).toBeDisabled();
  await blur(page);
  await shootAround(page, attachments, `${SCREENSHOTS}meter-over.png`);
});
