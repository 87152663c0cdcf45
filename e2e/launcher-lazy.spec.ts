import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { fillRequired, expectSent, uniqueTitle } from './support/form-actions.ts';
import { ticketByTitle } from './support/sandbox-tickets.ts';

const PAGE = '/csp-launcher.html';
const BEFORE_INTENT_BUDGET = 5 * 1024;
const PART = /\/widget-form\.[0-9a-f]{12}\.js$/;

/** Every script the page downloads, with its gzip size, and every request to the API, as they happen. */
function watchDownloads(page: Page) {
  const scripts: Array<{ url: string; gzip: number }> = [];
  const api: string[] = [];
  page.on('request', (request) => request.url().includes('/api/') && api.push(request.url()));
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script' || !response.ok()) return;
    scripts.push({ url: response.url(), gzip: gzipSync(await response.body(), { level: 9 }).length });
  });
  return { scripts, api };
}

/** Records CSP violations from before the page's first script (an init script is not subject to the page's policy). */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { cspViolations: seen });
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`), true);
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

test('a launcher-only page downloads at most 5 KB gzip of script before intent; the rest loads on pointer over the button', async ({ page, request }) => {
  const violations = await watchCsp(page);
  const downloads = watchDownloads(page);
  const response = await page.goto(PAGE);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  const host = page.locator('tomticket-form#help');
  const launcher = host.getByRole('button', { name: 'Abrir chamado' });
  await expect(launcher).toBeVisible();
  // The launcher is styled by its own sheet before the form exists: the accent pill, not a grey button.
  await expect(launcher).toHaveCSS('background-color', 'rgb(10, 88, 202)');
  await expect(launcher).toHaveCSS('position', 'fixed');
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);

  const beforeIntent = downloads.scripts.map((s) => new URL(s.url).pathname);
  expect(beforeIntent).toEqual(['/launcher.js']);
  const bytes = downloads.scripts.reduce((sum, s) => sum + s.gzip, 0);
  console.log(`launcher-only page, script before intent: ${bytes} B gzip`);
  expect(bytes).toBeLessThanOrEqual(BEFORE_INTENT_BUDGET);
  expect(downloads.api, 'nothing is asked of the server before intent').toEqual([]);

  const part = page.waitForResponse(PART);
  await launcher.hover();
  expect((await part).ok()).toBe(true);
  await launcher.click();
  const dialog = host.getByRole('dialog', { name: 'Abrir chamado' });
  await expect(dialog).toBeVisible();
  const title = uniqueTitle('Pelo botão carregado sob demanda');
  await fillRequired(dialog, { title });
  await dialog.getByRole('button', { name: 'Enviar', exact: true }).click();
  await expectSent(dialog);
  await ticketByTitle(request, title);
  expect(await violations()).toEqual([]);
});

test('after the lazy load the launcher opens by keyboard alone, keeps the focus in the dialog and gives it back', async ({ page }) => {
  await page.goto(PAGE);
  const host = page.locator('tomticket-form#help');
  const launcher = host.getByRole('button', { name: 'Abrir chamado' });
  await expect(launcher).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Ver o catálogo' })).toBeFocused();
  // The focus on the button is intent: the form part loads while the customer reaches for Enter.
  const part = page.waitForResponse(PART);
  await page.keyboard.press('Tab');
  await expect(launcher).toBeFocused();
  await part;
  await page.keyboard.press('Enter');
  const dialog = host.getByRole('dialog', { name: 'Abrir chamado' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Fechar' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('textbox', { name: 'E-mail', exact: true })).toBeFocused();
  await page.keyboard.type('ana@example.com');
  await expect(dialog.getByRole('textbox', { name: 'E-mail', exact: true })).toHaveValue('ana@example.com');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(launcher).toBeFocused();
  // Open again by click: the form kept what was typed.
  await launcher.click();
  await expect(dialog.getByRole('textbox', { name: 'E-mail', exact: true })).toHaveValue('ana@example.com');
});

test('a click before the form part arrives opens the dialog once it has loaded', async ({ page }) => {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(PART, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(PAGE);
  const host = page.locator('tomticket-form#help');
  const launcher = host.getByRole('button', { name: 'Abrir chamado' });
  await launcher.click();
  await expect(launcher).toHaveAttribute('aria-busy', 'true');
  const dialog = host.getByRole('dialog', { name: 'Abrir chamado' });
  await expect(dialog).toBeHidden();
  release();
  await expect(dialog).toBeVisible();
  await expect(launcher).not.toHaveAttribute('aria-busy', 'true');
  await expect(dialog.getByRole('textbox', { name: 'Assunto', exact: true })).toBeEditable();
});

test('when the rest cannot load the launcher says so in the customer\'s language and tries again on the next click', async ({ page }) => {
  let blocked = true;
  let attempts = 0;
  await page.route(PART, (route) => {
    attempts++;
    return blocked ? route.abort('internetdisconnected') : route.continue();
  });
  await page.goto(PAGE);
  const host = page.locator('tomticket-form#help');
  await host.evaluate((element) => {
    element.setAttribute('lang', 'es');
    element.addEventListener('tomticket:error', (e) => Object.assign(window, { lastError: (e as CustomEvent).detail }));
  });
  const launcher = host.getByRole('button', { name: 'Abrir un ticket' });
  await launcher.click();
  await expect(host.getByRole('alert')).toHaveText('No se pudo abrir el formulario. Compruebe la conexión y haga clic de nuevo.');
  await expect(host.getByRole('dialog')).toBeHidden();
  expect(await page.evaluate(() => (window as unknown as { lastError: { code: string } }).lastError.code)).toBe('network');
  const failedAttempts = attempts;

  blocked = false;
  await launcher.click();
  const dialog = host.getByRole('dialog', { name: 'Abrir un ticket' });
  await expect(dialog).toBeVisible();
  expect(attempts).toBe(failedAttempts + 1);
  await expect(host.getByRole('alert')).toHaveCount(0);
  await expect(dialog.getByRole('textbox', { name: 'Asunto', exact: true })).toBeEditable();
});
