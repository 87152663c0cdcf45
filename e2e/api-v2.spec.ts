import { expect, test } from '@playwright/test';
import { CUSTOMER_NAME, combobox, expectSent, openInlineForm, pickFiles, sendButton, textbox, uniqueEmail, uniqueTitle } from './support/form-actions.ts';
import { SERVER_V2_ORIGIN } from './support/ports.ts';
import { messageStart, ticketByTitle } from './support/sandbox-tickets.ts';
import { randomFile } from './support/test-files.ts';

// The sandbox speaking TomTicket's API 2.0 (TOMTICKET_API=v2): the demo account describes its
// custom fields (server/sandbox/demo-data.ts), the demo FORM_CONFIG only changes some of them
// (server/sandbox/demo-form-config-v2.json). "Sistema operacional" is in the account alone.
const SUPORTE = { id: '7c1e2f4a9b3d4e6f8a0b1c2d3e4f5a6b', categoryLogin: 'a3f1c0d2e4b6478a9c1d2e3f4a5b6c7d' };
const BROWSER_FIELD = 'f1a2b3c4d5';
const SYSTEM_FIELD = 'fa1b2c3d4e';

test('a custom field only the TomTicket account describes is drawn, and the ticket reaches TomTicket with it', async ({ page, request }) => {
  const forms: string[] = [];
  page.on('request', (sent) => sent.url().startsWith(`${SERVER_V2_ORIGIN}/api/form`) && forms.push(sent.url()));
  const form = await openInlineForm(page, '/v2.html');
  expect(forms.length).toBeGreaterThan(0);
  const title = uniqueTitle('Erro ao entrar pela API 2.0');
  const email = uniqueEmail();
  const message = 'Depois da atualização o login falha.\nNo Linux e no Windows.';
  const attached = randomFile('captura.txt', 20 * 1024, 'text/plain');

  await textbox(form, 'E-mail').fill(email);
  await textbox(form, 'Nome').fill(CUSTOMER_NAME);
  await combobox(form, 'Departamento').selectOption({ label: 'Suporte' });
  await combobox(form, 'Categoria').selectOption({ label: 'Acesso e login' });
  // The account's list, with its options' own texts, and the help FORM_CONFIG adds to it.
  await expect(combobox(form, 'Navegador').locator('option')).toHaveText(['Selecione', 'Google Chrome', 'Mozilla Firefox', 'Safari', 'Microsoft Edge', 'Outro']);
  await expect(form.getByText('Onde o problema acontece.')).toBeVisible();
  await combobox(form, 'Navegador').selectOption({ label: 'Mozilla Firefox' });
  // In the account only: no FORM_CONFIG names it.
  await combobox(form, 'Sistema operacional').selectOption({ label: 'Linux' });
  // A field TomTicket asks only in the category "Erro no sistema" is not asked here.
  await expect(textbox(form, 'Passos para reproduzir')).toHaveCount(0);
  await textbox(form, 'Assunto').fill(title);
  await textbox(form, 'Mensagem').fill(message);
  await pickFiles(form, [attached]);

  await sendButton(form).click();
  const protocol = await expectSent(form);

  const ticket = await ticketByTitle(request, title, SERVER_V2_ORIGIN);
  expect(ticket).toMatchObject({
    api: 'v2',
    protocol,
    department: { id: SUPORTE.id },
    category: { id: SUPORTE.categoryLogin },
    customer: { email },
    customFields: { [BROWSER_FIELD]: 'Mozilla Firefox', [SYSTEM_FIELD]: 'Linux' },
  });
  expect(messageStart(ticket, message)).toBe(message);
  expect(ticket.attachments.map(({ name, sha256 }) => ({ name, sha256 }))).toEqual([{ name: attached.name, sha256: attached.sha256 }]);
});

test('a field TomTicket asks only while no category is chosen comes and goes with the category', async ({ page }) => {
  const form = await openInlineForm(page, '/v2.html');
  await combobox(form, 'Departamento').selectOption({ label: 'Financeiro' });
  await expect(textbox(form, 'Sobre o que é?')).toBeVisible();
  await combobox(form, 'Categoria').selectOption({ label: 'Boletos' });
  await expect(textbox(form, 'Sobre o que é?')).toHaveCount(0);
  await expect(textbox(form, 'CPF ou CNPJ')).toBeVisible();
  // A type the widget cannot draw, which FORM_CONFIG does not name, is left out.
  await combobox(form, 'Departamento').selectOption({ label: 'Comercial' });
  await expect(form.getByText('Aceito receber contato por telefone')).toBeVisible();
  await expect(form.getByText('Origem do contato')).toHaveCount(0);
});
