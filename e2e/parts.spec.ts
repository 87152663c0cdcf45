import { expect, test, type Page } from '@playwright/test';
import { expectSent, fillRequired, readyForm, sendButton, textbox, uniqueTitle } from './support/form-actions.ts';
import { ticketByTitle } from './support/sandbox-tickets.ts';

// What a page downloads besides the script it embeds, and what happens when that cannot load:
// the send part (checks, problem texts, sending) every form loads after its first render, the
// launcher part widget.js loads for a form drawn as a launcher, the form part launcher.js loads.
// Each loaded under its pinned name (its content's hash), checked against the hash the script carries.
const SEND_PART = /\/widget-send\.[0-9a-f]{12}\.js$/;
const LAUNCHER_PART = /\/widget-launcher\.[0-9a-f]{12}\.js$/;
const pinned = (part: string) => expect.stringMatching(new RegExp(`^/${part}\\.[0-9a-f]{12}\\.js$`));

/** The path of every script the page asks for, in order, failed requests included. */
function watchScripts(page: Page): string[] {
  const paths: string[] = [];
  page.on('request', (request) => request.resourceType() === 'script' && paths.push(new URL(request.url()).pathname));
  return paths;
}

/** Records CSP violations and the widget's tomticket:error events from before the page's first script. */
async function watchPage(page: Page) {
  await page.addInitScript(() => {
    const seen = { violations: [] as string[], errors: [] as string[] };
    Object.assign(window, { watched: seen });
    document.addEventListener('securitypolicyviolation', (e) => seen.violations.push(`${e.violatedDirective} ${e.blockedURI}`), true);
    document.addEventListener('tomticket:error', (e) => seen.errors.push((e as CustomEvent<{ code: string }>).detail.code));
  });
  const read = () => page.evaluate(() => (window as unknown as { watched: { violations: string[]; errors: string[] } }).watched);
  return { violations: async () => (await read()).violations, errors: async () => (await read()).errors };
}

test('an inline form takes typing from widget.js alone; the send part loads beside the schema, and a failed load is said and retried', async ({ page, request }) => {
  const scripts = watchScripts(page);
  const watched = await watchPage(page);
  const asked: string[] = [];
  page.on('request', (r) => r.url().includes('/api/form') && asked.push('schema'));
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let attempts = 0;
  await page.route(SEND_PART, async (route) => {
    // The first load is held, then fails as offline would; the retry goes through.
    if (++attempts > 1) return route.continue();
    await held;
    await route.abort('internetdisconnected');
  });
  await page.goto('/csp-strict.html');
  const form = page.locator('tomticket-form#main');

  // While the part is on its way the form is drawn and takes typing; Send says why it waits.
  const subject = textbox(form, 'Assunto');
  await subject.fill('Digitado antes da parte de envio');
  await expect(form.getByRole('status')).toHaveText('Carregando o formulário; o envio fica disponível em seguida.');
  await expect(sendButton(form)).toHaveAttribute('aria-disabled', 'true');
  // Side by side: the schema is asked for while the part is still held, not after it.
  await expect.poll(() => asked).toEqual(['schema']);

  release();
  const alert = form.getByRole('alert');
  await expect(alert).toContainText('Falha ao carregar o formulário.');
  await expect.poll(watched.errors).toEqual(['network']);
  await expect(subject, 'nothing typed is lost').toHaveValue('Digitado antes da parte de envio');

  await alert.getByRole('button', { name: 'Tentar de novo' }).click();
  await readyForm(page);
  expect(attempts).toBe(2);
  const title = uniqueTitle('Enviado depois de a parte de envio carregar');
  await fillRequired(form, { title });
  await sendButton(form).click();
  await expectSent(form);
  await ticketByTitle(request, title);

  // An inline page downloads widget.js and the send part (the failed load, the retry); no launcher, no form part.
  expect(scripts).toEqual(['/widget.js', pinned('widget-send'), pinned('widget-send')]);
  expect(await watched.violations()).toEqual([]);
});

test('a launcher on a widget.js page loads its part; when it cannot, the page hears it and open() tries again', async ({ page }) => {
  const watched = await watchPage(page);
  let blocked = true;
  await page.route(LAUNCHER_PART, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
  await page.goto('/launcher.html');
  const host = page.locator('tomticket-form#help');
  await expect.poll(watched.errors).toEqual(['network']);
  await expect(host.getByRole('button', { name: 'Abrir chamado' })).toHaveCount(0);
  // The form (bundled in widget.js) is drawn, but never shown in the page without its dialog.
  await expect(host.locator('form')).toHaveCount(1);
  await expect(host.locator('form')).toBeHidden();

  blocked = false;
  await host.evaluate((element) => (element as HTMLElement & { open(): void }).open());
  const dialog = host.getByRole('dialog', { name: 'Abrir chamado' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Assunto', exact: true })).toBeEditable();
  await expect(host.getByRole('button', { name: 'Abrir chamado' })).toBeVisible();
});

for (const [script, parts] of [
  ['widget.js', ['widget-launcher', 'widget-send']],
  ['launcher.js', ['widget-form', 'widget-send']],
] as const) {
  test(`an inline form and a launcher on one page with ${script}: both send, each part loaded once`, async ({ page, request }) => {
    const scripts = watchScripts(page);
    const watched = await watchPage(page);
    await page.goto(`/csp-both.html?script=${script}`);

    const inline = await readyForm(page, 'main');
    const inlineTitle = uniqueTitle(`Na página, com ${script}`);
    await fillRequired(inline, { title: inlineTitle });
    await sendButton(inline).click();
    await expectSent(inline);

    const host = page.locator('tomticket-form#help');
    await host.getByRole('button', { name: 'Abrir chamado' }).click();
    const dialog = host.getByRole('dialog', { name: 'Abrir chamado' });
    await expect(dialog).toBeVisible();
    await expect(sendButton(dialog)).toBeEnabled();
    const launcherTitle = uniqueTitle(`Pelo botão, com ${script}`);
    await fillRequired(dialog, { title: launcherTitle });
    await sendButton(dialog).click();
    await expectSent(dialog);

    await ticketByTitle(request, inlineTitle);
    await ticketByTitle(request, launcherTitle);
    expect(scripts[0]).toBe(`/${script}`);
    expect(scripts.slice(1).sort()).toEqual(parts.map(pinned));
    expect(await watched.violations()).toEqual([]);
    expect(await watched.errors()).toEqual([]);
  });
}
