import { expect, test, type Page } from '@playwright/test';
import {
  combobox,
  expectSent,
  fillRequired,
  listedFiles,
  pickFiles,
  readyForm,
  sendButton,
  textbox,
  uniqueTitle,
} from './support/form-actions.ts';
import { randomFile } from './support/test-files.ts';
import { HOST_ORIGIN, SERVER_ORIGIN } from './support/ports.ts';
import type { TicketCreatedBody } from '../contract/index.ts';

const TICKETS_URL = `${SERVER_ORIGIN}/api/tickets`;

/** The draft a form saved in localStorage (key: `tomticket-form:<page path>#<element id>`), or null. */
function savedDraft(page: Page, id: string): Promise<Record<string, string> | null> {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), `tomticket-form:/two-forms.html#${id}`);
}

test('two forms on one page keep separate values, files and drafts; a draft survives a reload and goes after success', async ({ page }) => {
  await page.goto('/two-forms.html');
  const first = await readyForm(page, 'first');
  const second = await readyForm(page, 'second');

  const firstTitle = uniqueTitle('Só no primeiro');
  await textbox(first, 'Assunto').fill(firstTitle);
  await expect(textbox(second, 'Assunto')).toHaveValue('');
  await combobox(second, 'Departamento').selectOption({ label: 'Comercial' });
  await textbox(second, 'Assunto').fill('Só no segundo');
  await textbox(second, 'Mensagem').fill('Rascunho do segundo formulário.');
  await expect(combobox(first, 'Departamento')).toHaveValue('');
  await expect(textbox(first, 'Assunto')).toHaveValue(firstTitle);
  await pickFiles(first, [randomFile('so-no-primeiro.txt', 1024, 'text/plain')]);
  await expect(listedFiles(first)).toHaveCount(1);
  await expect(listedFiles(second)).toHaveCount(0);

  await sendButton(second).click();
  await expect(second.locator('#tt-email-error')).toHaveText('Obrigatório');
  await expect(first.locator('[aria-invalid=true]'), 'errors of one form do not show in the other').toHaveCount(0);

  // The draft is written shortly after typing stops: wait for it rather than for a fixed time.
  await expect.poll(() => savedDraft(page, 'first')).toMatchObject({ title: firstTitle });
  await expect.poll(() => savedDraft(page, 'second')).toMatchObject({ title: 'Só no segundo' });
  await page.reload();
  const firstAgain = await readyForm(page, 'first');
  const secondAgain = await readyForm(page, 'second');
  await expect(textbox(firstAgain, 'Assunto')).toHaveValue(firstTitle);
  await expect(combobox(firstAgain, 'Departamento')).toHaveValue('');
  await expect(textbox(secondAgain, 'Assunto')).toHaveValue('Só no segundo');
  await expect(textbox(secondAgain, 'Mensagem')).toHaveValue('Rascunho do segundo formulário.');
  await expect(combobox(secondAgain, 'Departamento')).toHaveValue('e4a1c9f07d3b4a2e9c8f1b6d5a4e3c2f');
  await expect(listedFiles(firstAgain), 'files are never part of a draft').toHaveCount(0);

  await fillRequired(firstAgain, { title: firstTitle });
  await sendButton(firstAgain).click();
  await expectSent(firstAgain);
  await expect.poll(() => savedDraft(page, 'first'), 'the sent form forgets its draft').toBeNull();
  expect(await savedDraft(page, 'second')).toMatchObject({ title: 'Só no segundo' });

  await page.reload();
  const firstAfter = await readyForm(page, 'first');
  const secondAfter = await readyForm(page, 'second');
  await expect(textbox(firstAfter, 'Assunto')).toHaveValue('');
  await expect(textbox(secondAfter, 'Assunto')).toHaveValue('Só no segundo');
});

test('a ticket answered right after the last keystroke does not leave its draft behind', async ({ page }) => {
  // "The answer came within the 0.4 s draft delay", every time: the page's timers run on a clock
  // the test moves, and the answer is given here at once. (The real server cannot be used: it
  // checks in real time that the form was open a few seconds, which a paused page clock hides.)
  const created: TicketCreatedBody = { ok: true, ticket: { id: 'rapido', protocol: 4242 } };
  let posted = false;
  await page.route(TICKETS_URL, async (route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    posted = true;
    await route.fulfill({ status: 201, json: created, headers: { 'Access-Control-Allow-Origin': HOST_ORIGIN } });
  });
  await page.clock.install();
  await page.goto('/two-forms.html');
  const first = await readyForm(page, 'first');
  // A minute later by the page's clock (the customer took a while to type), then time stands still.
  await page.clock.pauseAt(Date.now() + 60_000);
  await fillRequired(first, { title: uniqueTitle('Resposta imediata') });
  await sendButton(first).click();
  // Whatever the widget still waits for on its own before it posts, let that much page time pass.
  for (let step = 0; !posted && step < 400; step++) await page.clock.runFor(25);
  expect(posted, 'the widget posted the ticket').toBe(true);
  expect(await expectSent(first)).toBe(4242);
  expect(await savedDraft(page, 'first')).toBeNull();

  await page.clock.runFor(2_000);
  expect(await savedDraft(page, 'first'), 'a draft saved after success would refill the form on the next visit').toBeNull();
  // Time flows again for the next visit: the form restores its draft and loads its schema in a timer after drawing.
  await page.clock.resume();
  await page.reload();
  await expect(textbox(await readyForm(page, 'first'), 'Assunto')).toHaveValue('');
});

test('forms that cannot be told apart keep no draft rather than share one; draft-key and draftKey name a draft', async ({ page }) => {
  await page.goto('/drafts.html');
  const twins = [page.locator('tomticket-form').nth(0), page.locator('tomticket-form').nth(1)];
  const mounted = [page.locator('.mounted').nth(0), page.locator('.mounted').nth(1)];
  const keyed = [page.locator('tomticket-form[draft-key=suporte]'), page.locator('#mounted-keyed')];
  const all = [...twins, ...mounted, ...keyed];
  for (const form of all) await expect(sendButton(form)).toBeEnabled();
  for (const [index, form] of all.entries()) await textbox(form, 'Assunto').fill(`Formulário ${index}`);

  const drafts = () => page.evaluate(() => Object.fromEntries(Object.entries(localStorage).map(([k, v]) => [k, JSON.parse(v).title])));
  await expect.poll(drafts).toEqual({ 'tomticket-form:key:suporte': 'Formulário 4', 'tomticket-form:key:pedidos': 'Formulário 5' });
  await page.waitForTimeout(800);
  expect(await drafts(), 'the twins never wrote under the key they would share').toEqual({
    'tomticket-form:key:suporte': 'Formulário 4',
    'tomticket-form:key:pedidos': 'Formulário 5',
  });

  await page.reload();
  for (const form of all) await expect(sendButton(form)).toBeEnabled();
  for (const form of [...twins, ...mounted]) await expect(textbox(form, 'Assunto')).toHaveValue('');
  await expect(textbox(keyed[0]!, 'Assunto')).toHaveValue('Formulário 4');
  await expect(textbox(keyed[1]!, 'Assunto')).toHaveValue('Formulário 5');
});
