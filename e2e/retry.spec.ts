import { expect, test, type Request } from '@playwright/test';
import {
  expectSent,
  fillRequired,
  listedFiles,
  openInlineForm,
  pickFiles,
  sendButton,
  textbox,
  uniqueTitle,
} from './support/form-actions.ts';
import { SERVER_ORIGIN } from './support/ports.ts';
import { ticketByTitle, ticketsTitled } from './support/sandbox-tickets.ts';
import { randomFile } from './support/test-files.ts';

const TICKETS_URL = `${SERVER_ORIGIN}/api/tickets`;

test('a network failure keeps everything typed, and the retry sends the same ticket with the same key', async ({ page, request }) => {
  const form = await openInlineForm(page, '/index.html');
  const title = uniqueTitle('Falha de rede');
  const message = 'Texto que não pode se perder quando a rede cai.';
  const file = randomFile('relatorio.csv', 100 * 1024, 'text/csv');
  const posts: Request[] = [];
  page.on('request', (sent) => {
    if (sent.method() === 'POST' && sent.url() === TICKETS_URL) posts.push(sent);
  });
  const errors: unknown[] = [];
  await page.exposeFunction('recordError', (detail: unknown) => errors.push(detail));
  await form.evaluate((host) =>
    host.addEventListener('tomticket:error', (event) => (window as unknown as { recordError(d: unknown): void }).recordError((event as CustomEvent).detail)),
  );

  await fillRequired(form, { title, message });
  await pickFiles(form, [file]);
  // The first POST dies on the wire, as when the connection drops.
  await page.route(TICKETS_URL, (route) => (route.request().method() === 'POST' ? route.abort('connectionreset') : route.fallback()));
  await sendButton(form).click();

  const alert = form.getByRole('alert');
  await expect(alert).toContainText('Sem conexão. Tente de novo.');
  const retry = alert.getByRole('button', { name: 'Tentar de novo' });
  await expect(retry).toBeVisible();
  await expect(alert, 'the failure takes the focus so it is announced').toBeFocused();
  await expect.poll(() => errors).toEqual([{ code: 'network', message: expect.any(String) }]);
  await expect(textbox(form, 'Assunto')).toHaveValue(title);
  await expect(textbox(form, 'Mensagem')).toHaveValue(message);
  await expect(listedFiles(form)).toHaveText([file.name]);
  await expect(sendButton(form)).toBeEnabled();
  expect(await ticketsTitled(request, title), 'nothing reached TomTicket').toEqual([]);

  await page.unroute(TICKETS_URL);
  await retry.click();
  const protocol = await expectSent(form);

  expect(posts).toHaveLength(2);
  const [firstKey, retryKey] = await Promise.all(posts.map(async (sent) => (await sent.allHeaders())['idempotency-key']));
  expect(firstKey).toMatch(/^[0-9a-f-]{36}$/i);
  expect(retryKey).toBe(firstKey);
  const ticket = await ticketByTitle(request, title);
  expect(ticket.protocol).toBe(protocol);
  expect(ticket.attachments.map(({ name, sha256 }) => ({ name, sha256 }))).toEqual([{ name: file.name, sha256: file.sha256 }]);
});
