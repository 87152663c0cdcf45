import { expect, test, type Locator } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe.ts';
import { combobox, listedFiles, openInlineForm, pickFiles, sendButton } from './support/form-actions.ts';
import { pngFile, randomFile } from './support/test-files.ts';

// Independent tests: let both workers take them.
test.describe.configure({ mode: 'parallel' });

/** Puts the form in its richest state: custom fields with help texts, listed files with a thumbnail, the meter. */
async function showEverything(form: Locator): Promise<void> {
  await combobox(form, 'Departamento').selectOption({ label: 'Suporte' });
  await combobox(form, 'Categoria').selectOption({ label: 'Integrações' });
  await pickFiles(form, [pngFile('tela.png'), randomFile('notas.txt', 2048, 'text/plain')]);
  await expect(listedFiles(form)).toHaveCount(2);
  await expect(form.locator('[part=file-list] img')).toBeVisible();
}

/** Tries to send the incomplete form, so every required field shows its error. */
async function showErrors(form: Locator): Promise<void> {
  await sendButton(form).click();
  await expect(form.locator('[aria-invalid=true]').first()).toBeVisible();
  await expect(form.locator('#tt-title-error')).toHaveText('Obrigatório');
}

for (const { theme, path } of [
  { theme: 'light', path: '/index.html' },
  { theme: 'dark', path: '/index.html?theme=dark' },
]) {
  test(`axe finds no violations in the inline form, ${theme} theme`, async ({ page }) => {
    const form = await openInlineForm(page, path);
    await expectNoAxeViolations(page, `${theme}, empty`);
    await showEverything(form);
    await expectNoAxeViolations(page, `${theme}, custom fields and files`);
    await showErrors(form);
    await expectNoAxeViolations(page, `${theme}, field errors shown`);
  });
}

test('axe finds no violations with the launcher dialog open', async ({ page }) => {
  await page.goto('/launcher.html');
  const host = page.locator('tomticket-form#help');
  await expectNoAxeViolations(page, 'launcher closed');
  await host.getByRole('button', { name: 'Abrir chamado' }).click();
  const dialog = host.getByRole('dialog', { name: 'Abrir chamado' });
  await expect(sendButton(dialog)).toBeVisible();
  await expectNoAxeViolations(page, 'launcher open');
  await showEverything(dialog);
  await showErrors(dialog);
  await expectNoAxeViolations(page, 'launcher open, custom fields, files and errors');
});
