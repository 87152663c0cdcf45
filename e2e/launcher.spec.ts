import { expect, test, type Locator, type Page } from '@playwright/test';
import { CHECKBOX_VALUES } from '../server/submission/validate-custom-field.ts';
import { CUSTOMER_NAME, expectSent, uniqueEmail, uniqueTitle } from './support/form-actions.ts';
import { focusSpot } from './support/focus.ts';
import { messageStart, ticketByTitle } from './support/sandbox-tickets.ts';

const COMERCIAL = 'e4a1c9f07d3b4a2e9c8f1b6d5a4e3c2f';
const USERS_FIELD = 'f8b9c0d1e2';
const PHONE_CONSENT_FIELD = 'f9c0d1e2f3';

/** Opens launcher.html and moves the focus to the launcher button with Tab alone. */
async function tabToLauncher(page: Page): Promise<Locator> {
  await page.goto('/launcher.html');
  const host = page.locator('tomticket-form#help');
  const launcher = host.getByRole('button', { name: 'Abrir chamado' });
  await expect(launcher).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Ver o catálogo' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(launcher).toBeFocused();
  return host;
}

/** Presses Tab and checks that the focus landed on `target`. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  await page.keyboard.press('Tab');
  await expect(target).toBeFocused();
}

test('launcher: open, fill, send and close with the keyboard alone', async ({ page, request }) => {
  const host = await tabToLauncher(page);
  const launcher = host.getByRole('button', { name: 'Abrir chamado' });
  const dialog = host.getByRole('dialog', { name: 'Abrir chamado' });
  await expect(dialog).toBeHidden();

  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Fechar' }), 'the dialog takes the focus').toBeFocused();

  const title = uniqueTitle('Orçamento pelo teclado');
  const field = (role: 'textbox' | 'combobox' | 'spinbutton' | 'checkbox' | 'button', name: string) =>
    dialog.getByRole(role, { name, exact: true });
  await tabTo(page, field('textbox', 'E-mail'));
  await page.keyboard.type(uniqueEmail());
  await tabTo(page, field('textbox', 'Nome'));
  await page.keyboard.type(CUSTOMER_NAME);
  await tabTo(page, field('combobox', 'Departamento'));
  // Arrow keys change a closed select: Selecione → Suporte → Financeiro → Comercial.
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await expect(field('combobox', 'Departamento')).toHaveValue(COMERCIAL);
  await tabTo(page, field('textbox', 'Assunto'));
  await page.keyboard.type(title);
  await tabTo(page, field('textbox', 'Mensagem'));
  await page.keyboard.type('Queremos ampliar o plano.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Preciso de um orçamento.');
  const typedMessage = 'Queremos ampliar o plano.\nPreciso de um orçamento.';
  await tabTo(page, field('spinbutton', 'Quantidade de usuários'));
  await page.keyboard.type('12');
  await tabTo(page, field('checkbox', 'Aceito receber contato por telefone'));
  await page.keyboard.press('Space');
  await expect(field('checkbox', 'Aceito receber contato por telefone')).toBeChecked();
  await tabTo(page, field('combobox', 'Prioridade'));
  await page.keyboard.press('ArrowDown');
  await expect(field('combobox', 'Prioridade')).toHaveValue('2');
  await tabTo(page, field('button', 'Arraste, cole ou clique para anexar'));
  await tabTo(page, field('button', 'Enviar'));
  await page.keyboard.press('Enter');

  const protocol = await expectSent(dialog);
  await expect(dialog.getByRole('status'), 'the result takes the focus').toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(launcher, 'closing gives the focus back to the launcher').toBeFocused();

  const ticket = await ticketByTitle(request, title);
  expect(ticket).toMatchObject({
    protocol,
    priority: 2,
    department: { id: COMERCIAL },
    customFields: { [USERS_FIELD]: '12', [PHONE_CONSENT_FIELD]: CHECKBOX_VALUES.checked },
  });
  expect(messageStart(ticket, typedMessage)).toBe(typedMessage);
});

test('launcher: Tab and Shift+Tab stay inside the open dialog; Escape returns to the button', async ({ page }) => {
  const host = await tabToLauncher(page);
  await page.keyboard.press('Enter');
  const dialog = host.getByRole('dialog', { name: 'Abrir chamado' });
  await expect(dialog).toBeVisible();
  const close = dialog.getByRole('button', { name: 'Fechar' });
  await expect(close).toBeFocused();

  // Fechar, E-mail, Nome, Departamento, Assunto, Mensagem, Prioridade, drop zone, Enviar: twice round.
  for (const key of ['Tab', 'Shift+Tab']) {
    let closeVisits = 0;
    for (let press = 0; press < 24; press++) {
      await page.keyboard.press(key);
      const spot = await focusSpot(page, host);
      // Past the last control the focus may visit the browser's own UI (the page shows BODY), never the page.
      if (spot.inWidget === undefined) expect(spot.pageTag, `${key} #${press} left the dialog`).toBe('BODY');
      else expect(spot.inWidget.inDialog, `${key} #${press} focused ${JSON.stringify(spot.inWidget)}`).toBe(true);
      if (spot.inWidget?.name === 'Fechar') closeVisits++;
    }
    expect(closeVisits, `${key} went round the dialog`).toBeGreaterThanOrEqual(2);
    await expect(page.getByRole('link', { name: 'Ver o catálogo' })).not.toBeFocused();
  }

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(host.getByRole('button', { name: 'Abrir chamado' })).toBeFocused();
});
