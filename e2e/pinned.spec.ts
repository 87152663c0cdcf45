import { expect, test, type Page } from '@playwright/test';
import { expectSent, fillRequired, sendButton, uniqueTitle } from './support/form-actions.ts';
import { SERVER_ORIGIN } from './support/ports.ts';
import { ticketByTitle } from './support/sandbox-tickets.ts';
import { tamperWith } from './support/tamper.ts';

// The embed snippet pinned as GET /embed.json gives it (content-addressed URL, integrity,
// crossorigin), on a page served with a strict CSP: it works, and a copy with one byte changed,
// of the script or of a part it loads later, never runs.
const PINNED = (part: string) => new RegExp(`/${part}\\.[0-9a-f]{12}\\.js$`);

/** Records CSP violations, the widget's tomticket:error events and the console's errors. */
async function watchPage(page: Page) {
  const console: string[] = [];
  page.on('console', (message) => message.type() === 'error' && console.push(message.text()));
  await page.addInitScript(() => {
    const seen = { violations: [] as string[], errors: [] as string[] };
    Object.assign(window, { watched: seen });
    document.addEventListener('securitypolicyviolation', (e) => seen.violations.push(`${e.violatedDirective} ${e.blockedURI}`), true);
    document.addEventListener('tomticket:error', (e) => seen.errors.push((e as CustomEvent<{ code: string }>).detail.code));
  });
  const read = () => page.evaluate(() => (window as unknown as { watched: { violations: string[]; errors: string[] } }).watched);
  return { violations: async () => (await read()).violations, errors: async () => (await read()).errors, console };
}

/** Serves the part matching `pattern` with one byte changed (its pinned name and the hash the script expects unchanged). */
async function tamperPart(page: Page, pattern: RegExp): Promise<string[]> {
  const served: string[] = [];
  await page.route(pattern, async (route) => {
    const response = await route.fetch();
    served.push(new URL(route.request().url()).pathname);
    await route.fulfill({ response, body: tamperWith(await response.text()) });
  });
  return served;
}

test('the pinned snippet sends a ticket under a strict CSP; the script and its part come immutable and checked', async ({ page, request }) => {
  const watched = await watchPage(page);
  const scripts: Array<{ path: string; cacheControl?: string }> = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push({ path: new URL(response.url()).pathname, cacheControl: response.headers()['cache-control'] });
  });
  const embed = await (await request.get(`${SERVER_ORIGIN}/embed.json`)).json();
  expect(embed.snippet).toContain(`integrity="${embed.integrity}" crossorigin="anonymous"`);

  const answer = await page.goto('/csp-pinned.html');
  expect(answer?.headers()['content-security-policy']).toContain("default-src 'self'");
  await expect(page.locator('main script[integrity]')).toHaveAttribute('src', embed.url);
  const form = page.locator('tomticket-form');
  await expect(sendButton(form)).toBeEnabled();
  const title = uniqueTitle('Pelo widget fixado');
  await fillRequired(form, { title });
  await sendButton(form).click();
  await expectSent(form);
  await ticketByTitle(request, title);

  const widget = scripts.find((s) => PINNED('widget').test(s.path));
  const sendPart = scripts.find((s) => PINNED('widget-send').test(s.path));
  expect(widget?.cacheControl).toBe('public, max-age=31536000, immutable');
  expect(sendPart?.cacheControl).toBe('public, max-age=31536000, immutable');
  expect(await watched.violations()).toEqual([]);
  expect(await watched.errors()).toEqual([]);
});

test('the pinned launcher.js snippet opens a form from its pinned form part and sends', async ({ page, request }) => {
  const watched = await watchPage(page);
  await page.goto('/csp-pinned.html?script=launcher.js');
  const host = page.locator('tomticket-form');
  const formPart = page.waitForResponse(PINNED('widget-form'));
  await host.getByRole('button', { name: 'Abrir chamado' }).click();
  expect((await formPart).headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  const dialog = host.getByRole('dialog', { name: 'Abrir chamado' });
  await expect(sendButton(dialog)).toBeEnabled();
  const title = uniqueTitle('Pelo launcher fixado');
  await fillRequired(dialog, { title });
  await sendButton(dialog).click();
  await expectSent(dialog);
  await ticketByTitle(request, title);
  expect(await watched.violations()).toEqual([]);
});

for (const script of ['widget.js', 'launcher.js']) {
  test(`a copy of the pinned ${script} with one byte changed is refused: no form, and the page's own scripts keep working`, async ({ page }) => {
    const watched = await watchPage(page);
    const copies: number[] = [];
    page.on('response', (response) => response.url().includes('/tampered/') && copies.push(response.status()));
    await page.goto(`/csp-pinned.html?script=${script}&tamper=1`);
    await expect(page.locator('main script[integrity]')).toHaveAttribute('src', /\/tampered\//);
    // The copy was downloaded, then refused before it ran.
    await expect.poll(() => copies).toEqual([200]);
    await expect.poll(() => watched.console.join('\n')).toMatch(/integrity/i);

    await page.locator('#page-button').click();
    await page.locator('#page-button').click();
    await expect(page.locator('#page-count')).toHaveText('2');
    expect(await page.evaluate(() => customElements.get('tomticket-form') === undefined && !('TomTicketForm' in window))).toBe(true);
    await expect(page.locator('tomticket-form')).toBeEmpty();
    expect(await page.locator('tomticket-form').evaluate((element) => element.shadowRoot)).toBeNull();
    expect(await watched.violations()).toEqual([]);
  });
}

test('a send part changed by one byte is refused: the form says it failed to load, and a retry is refused again', async ({ page }) => {
  const watched = await watchPage(page);
  const served = await tamperPart(page, PINNED('widget-send'));
  await page.goto('/csp-pinned.html');
  const form = page.locator('tomticket-form');
  const alert = form.getByRole('alert');
  await expect(alert).toContainText('Falha ao carregar o formulário.');
  await expect.poll(watched.errors).toEqual(['network']);
  await expect(sendButton(form)).toHaveAttribute('aria-disabled', 'true');

  expect(served).toHaveLength(1);

  // The retry asks again (the browser may answer it from what it fetched) and is refused again.
  await alert.getByRole('button', { name: 'Tentar de novo' }).click();
  await expect.poll(watched.errors).toEqual(['network', 'network']);
  await expect(form.getByRole('alert')).toContainText('Falha ao carregar o formulário.');
  expect(await page.evaluate(() => typeof (window as unknown as { TomTicketForm?: object }).TomTicketForm)).toBe('object');
});

test('a form part changed by one byte is refused: the launcher says it could not open the form', async ({ page }) => {
  const watched = await watchPage(page);
  await tamperPart(page, PINNED('widget-form'));
  await page.goto('/csp-pinned.html?script=launcher.js');
  const host = page.locator('tomticket-form');
  await host.getByRole('button', { name: 'Abrir chamado' }).click();
  await expect(host.getByRole('alert')).toHaveText('Não foi possível abrir o formulário. Verifique a conexão e clique de novo.');
  await expect.poll(watched.errors).toEqual(['network']);
  await expect(host.getByRole('dialog')).toBeHidden();
});

test('a launcher part changed by one byte is refused by the latest widget.js too: the page hears it and no button shows', async ({ page }) => {
  const watched = await watchPage(page);
  const served = await tamperPart(page, PINNED('widget-launcher'));
  await page.goto('/launcher.html');
  await expect.poll(() => served.length).toBe(1);
  await expect.poll(watched.errors).toEqual(['network']);
  const host = page.locator('tomticket-form#help');
  await expect(host.getByRole('button', { name: 'Abrir chamado' })).toHaveCount(0);
  await expect(host.locator('form')).toBeHidden();
});
