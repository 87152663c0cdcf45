import { expect, test } from '@playwright/test';
import { DEMO_CONTEXT_FIELD } from '../server/sandbox/demo-data.ts';
import { CUSTOMER_NAME, combobox, expectSent, fillRequired, openInlineForm, sendButton, textbox, uniqueEmail, uniqueTitle } from './support/form-actions.ts';
import { HOST_ORIGIN, SERVER_ORIGIN, SERVER_V2_ORIGIN } from './support/ports.ts';
import { messageStart, ticketByTitle } from './support/sandbox-tickets.ts';

// A customer whose browser is set apart from the defaults, so each detail the agent reads is this one's.
test.use({ locale: 'pt-BR', timezoneId: 'America/Sao_Paulo', viewport: { width: 1100, height: 700 }, screen: { width: 1920, height: 1080 } });

const NOTE = /^Com o chamado enviamos o endereço e o título desta página/;

test('by default the page and device reach the ticket as a block at the end of the message, the address without its query and fragment', async ({ page, request, browser }) => {
  const form = await openInlineForm(page, '/index.html?theme=light&cupom=SEGREDO#pagar');
  await expect(form.getByText(NOTE)).toBeVisible();
  const title = uniqueTitle('Contexto no fim da mensagem');
  const message = 'O boleto não abre.';
  await fillRequired(form, { title, message });
  await sendButton(form).click();
  await expectSent(form);

  const ticket = await ticketByTitle(request, title);
  expect(messageStart(ticket, message)).toBe(message);
  const block = ticket.messageText.slice(message.length);
  expect(block).toContain('Dados do formulário');
  expect(block).toContain(`Página: ${HOST_ORIGIN}/index.html\n`);
  expect(block).toContain('Título da página: Suporte — formulário na página (light)\n');
  // Chromium's Client Hints name it (its user agent string says HeadlessChrome).
  expect(block).toContain(`\nNavegador: Chromium ${browser.version().split('.')[0]} · Linux · computador\n`);
  expect(block).toContain('Tela: 1920x1080 · janela 1100x700\n');
  expect(block).toContain('Idioma: pt-BR · fuso horário America/Sao_Paulo');
  expect(block).not.toContain('SEGREDO');
  expect(block).not.toContain('pagar');

  // The sandbox inbox shows it, as an agent would read it.
  await page.goto(`${SERVER_ORIGIN}/sandbox`);
  await expect(page.locator(`#ticket-${ticket.id} .message`)).toContainText(`Página: ${HOST_ORIGIN}/index.html`);
});

test('with CONTEXT_FIELD the context goes into that custom field, one line, and the message stays the customer\'s', async ({ page, request, browser }) => {
  const form = await openInlineForm(page, '/v2.html');
  const title = uniqueTitle('Contexto no campo');
  const message = 'O login falha.';
  await textbox(form, 'E-mail').fill(uniqueEmail());
  await textbox(form, 'Nome').fill(CUSTOMER_NAME);
  await combobox(form, 'Departamento').selectOption({ label: 'Suporte' });
  await combobox(form, 'Categoria').selectOption({ label: 'Acesso e login' });
  await combobox(form, 'Navegador').selectOption({ label: 'Google Chrome' });
  await combobox(form, 'Sistema operacional').selectOption({ label: 'Linux' });
  await textbox(form, 'Assunto').fill(title);
  await textbox(form, 'Mensagem').fill(message);
  // The server fills it: the form does not ask for it.
  await expect(form.getByText('Contexto do navegador')).toHaveCount(0);
  await sendButton(form).click();
  await expectSent(form);

  const ticket = await ticketByTitle(request, title, SERVER_V2_ORIGIN);
  const context = ticket.customFields[DEMO_CONTEXT_FIELD] ?? '';
  expect(context).toMatch(
    new RegExp(`^${HOST_ORIGIN}/v2\\.html · Suporte — formulário de uma conta na API 2\\.0 · Chromium ${browser.version().split('.')[0]} · Linux · computador · Tela 1920x1080 · janela 1100x700 · pt-BR · America/Sao_Paulo$`),
  );
  expect(ticket.messageText).not.toContain('Página:');
  expect(ticket.messageText).not.toContain('Dados do formulário');

  // The sandbox inbox shows it among the ticket's custom fields.
  await page.goto(`${SERVER_V2_ORIGIN}/sandbox`);
  await expect(page.locator(`#ticket-${ticket.id} .custom-fields`)).toContainText(`${DEMO_CONTEXT_FIELD}${context}`);
});

test('with context="off" the form neither says nor sends anything of the page or the device', async ({ page, request }) => {
  const sent: string[] = [];
  page.on('request', (outgoing) => outgoing.method() === 'POST' && outgoing.url().endsWith('/api/tickets') && sent.push(outgoing.postData() ?? ''));
  const form = await openInlineForm(page, '/context-off.html');
  const title = uniqueTitle('Sem contexto');
  await fillRequired(form, { title });
  await expect(form.getByText(NOTE)).toHaveCount(0);
  await sendButton(form).click();
  await expectSent(form);

  expect(sent).toHaveLength(1);
  expect(sent[0]).not.toContain('name="context[');
  const ticket = await ticketByTitle(request, title);
  expect(ticket.messageText).not.toContain('Dados do formulário');
  expect(ticket.messageText).not.toContain('Página:');
  expect(ticket.messageText).not.toContain('context-off.html');
});

test('a message as long as TomTicket takes is sent whole: the block gives way, never the customer\'s words', async ({ page, request }) => {
  const form = await openInlineForm(page, '/index.html');
  const title = uniqueTitle('Contexto sem espaço');
  const message = 'Texto longo do cliente. '.repeat(50).slice(0, 1024);
  await fillRequired(form, { title, message });
  await expect(form.locator('#tt-message-count')).toHaveText('1024 / 1024');
  await sendButton(form).click();
  await expectSent(form);

  const ticket = await ticketByTitle(request, title);
  expect(messageStart(ticket, message)).toBe(message);
  expect(ticket.messageText).not.toContain('Idioma:');
});
