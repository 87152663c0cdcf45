import { expect, test } from '@playwright/test';
import {
  combobox,
  dropZone,
  expectSent,
  fillRequired,
  openInlineForm,
  sendButton,
  textbox,
  uniqueTitle,
} from './support/form-actions.ts';
import { ticketByTitle } from './support/sandbox-tickets.ts';

test('page CSS that unsets and hides everything does not reach the form, which still sends', async ({ page, request }) => {
  const form = await openInlineForm(page, '/hostile.html');
  // The hostile rules are in force on the page itself.
  await expect(page.locator('body')).toHaveCSS('font-size', '40px');

  const controls = [
    textbox(form, 'E-mail'),
    textbox(form, 'Nome'),
    combobox(form, 'Departamento'),
    textbox(form, 'Assunto'),
    textbox(form, 'Mensagem'),
    combobox(form, 'Prioridade'),
    dropZone(form),
    sendButton(form),
  ];
  for (const control of controls) await expect(control).toBeVisible();

  const title = textbox(form, 'Assunto');
  await expect(title).toHaveCSS('font-size', '16px');
  await expect(title).toHaveCSS('letter-spacing', 'normal');
  await expect(title).toHaveCSS('border-top-style', 'solid');
  const label = form.locator('label[for=tt-title]');
  await expect(label).toHaveCSS('font-size', '16px');
  await expect(label).toHaveCSS('text-transform', 'none');
  await expect(label).toHaveCSS('color', 'rgb(31, 35, 40)');
  await expect(label).toHaveCSS('opacity', '1');
  await expect(sendButton(form)).toHaveCSS('font-size', '16px');
  await expect(sendButton(form)).toHaveCSS('background-color', 'rgb(10, 88, 202)');
  await expect(form.locator('input[type=file]'), 'the hidden file input stays hidden').toBeHidden();

  const ticketTitle = uniqueTitle('Enviado apesar do CSS hostil');
  await fillRequired(form, { title: ticketTitle });
  await sendButton(form).click();
  const protocol = await expectSent(form);
  expect((await ticketByTitle(request, ticketTitle)).protocol).toBe(protocol);
});
