import { writeFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { LIMITS, NOTES_ALLOWANCE_BYTES } from '../contract/index.ts';
import {
  combobox,
  dataTransferOf,
  CUSTOMER_NAME,
  dragOver,
  drop,
  dropZone,
  expectSent,
  fileInput,
  listedFiles,
  openInlineForm,
  pickFiles,
  sendButton,
  sizeMeter,
  textbox,
  uniqueEmail,
  uniqueTitle,
} from './support/form-actions.ts';
import { messageStart, ticketByTitle } from './support/sandbox-tickets.ts';
import { MB, randomFile } from './support/test-files.ts';

// Ids from server/sandbox/demo-form-config.json, which the sandbox serves.
const SUPORTE = { id: '7c1e2f4a9b3d4e6f8a0b1c2d3e4f5a6b', categoryIntegrations: 'c9f3e2d4a6b8490c1e3f4a5b6c7d8e9f' };
const BROWSER_FIELD = 'f1a2b3c4d5';
const INTEGRATION_URL_FIELD = 'f4d5e6f7a8';

/** The meter's `used` text as the widget writes it in pt-BR: KB or MB with one decimal, rounded up. */
function meterSize(bytes: number): string {
  const mb = bytes >= MB;
  const amount = Math.ceil((bytes / (mb ? MB : 1024)) * 10) / 10;
  return `${new Intl.NumberFormat('pt-BR', { maximumFractionDigits: 1 }).format(amount)} ${mb ? 'MB' : 'KB'}`;
}

test('a ticket with custom fields, a dropped and a picked file reaches TomTicket intact', async ({ page, request }) => {
  const form = await openInlineForm(page, '/index.html');
  const title = uniqueTitle('Integração fora do ar');
  const email = uniqueEmail();
  const message = 'A integração parou de responder desde ontem.\nSegue o log e o print.';
  const integrationUrl = 'https://erp.example.com/webhook';
  const dropped = randomFile('log-da-integracao.txt', 150 * 1024, 'text/plain');
  const picked = randomFile('pedidos.csv', 120 * 1024, 'text/csv');

  await textbox(form, 'E-mail').fill(email);
  await textbox(form, 'Nome').fill(CUSTOMER_NAME);
  await combobox(form, 'Departamento').selectOption({ label: 'Suporte' });
  await combobox(form, 'Categoria').selectOption({ label: 'Integrações' });
  await combobox(form, 'Navegador').selectOption({ label: 'Mozilla Firefox' });
  await textbox(form, 'Endereço da integração').fill(integrationUrl);
  await textbox(form, 'Assunto').fill(title);
  await textbox(form, 'Mensagem').fill(message);
  await combobox(form, 'Prioridade').selectOption({ label: 'Alta' });

  const zone = dropZone(form);
  const transfer = await dataTransferOf(page, [dropped]);
  await dragOver(zone, transfer);
  await expect(zone, 'the drop zone highlights while a file is dragged over it').toHaveClass(/\bon\b/);
  await drop(zone, transfer);
  await expect(zone).not.toHaveClass(/\bon\b/);
  await pickFiles(form, [picked]);
  await expect(listedFiles(form)).toHaveText([dropped.name, picked.name]);

  // The meter counts the whole request: both files and every field (e2e/meter-estimate.spec.ts
  // compares it with the bodies really sent), and writes it rounded up.
  const meter = sizeMeter(form);
  await expect(meter).toHaveClass(/\bcalm\b/);
  const counted = Number(await meter.locator('progress').getAttribute('value'));
  const fileBytes = dropped.buffer.length + picked.buffer.length;
  expect(counted).toBeGreaterThan(fileBytes);
  // The fields, and room for the widest page and device context the form sends with it.
  expect(counted).toBeLessThan(fileBytes + 4096 + NOTES_ALLOWANCE_BYTES);
  await expect(meter).toContainText(`${meterSize(counted)} de 25 MB`);

  // Slow the upload down so its progress can be seen, and record every percentage the bar shows.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: 400 * 1024,
  });
  await form.evaluate((host) => {
    const seen: number[] = [];
    Object.assign(window, { progressSeen: seen });
    new MutationObserver(() => {
      const bar = host.shadowRoot?.querySelector<HTMLProgressElement>('progress[part=progress]');
      if (bar && seen.at(-1) !== bar.value) seen.push(bar.value);
    }).observe(host.shadowRoot!, { subtree: true, childList: true, attributes: true, characterData: true });
  });

  await sendButton(form).click();
  await expect(form.locator('[part=progress]')).toBeVisible();
  await expect(form.getByText(/^Enviando… \d+%$/)).toBeVisible();
  await expect(form.getByRole('button', { name: 'Cancelar' })).toBeFocused();
  const protocol = await expectSent(form);
  await expect(form.getByRole('button', { name: 'Enviar outro' })).toBeVisible();

  const progressSeen = await page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);
  expect(progressSeen.some((percent) => percent > 0 && percent < 100), `progress steps ${progressSeen}`).toBe(true);
  expect(progressSeen.at(-1)).toBe(100);

  const ticket = await ticketByTitle(request, title);
  expect(ticket.protocol).toBe(protocol);
  expect(messageStart(ticket, message)).toBe(message);
  expect(ticket).toMatchObject({
    priority: 3,
    department: { id: SUPORTE.id },
    category: { id: SUPORTE.categoryIntegrations, name: 'Integrações' },
    customer: { email },
    customFields: { [BROWSER_FIELD]: 'firefox', [INTEGRATION_URL_FIELD]: integrationUrl },
  });
  expect(ticket.attachments.map(({ name, size, sha256 }) => ({ name, size, sha256 }))).toEqual([
    { name: dropped.name, size: dropped.buffer.length, sha256: dropped.sha256 },
    { name: picked.name, size: picked.buffer.length, sha256: picked.sha256 },
  ]);
});

test('files over 25 MB keep Send disabled and the meter says how much to remove', async ({ page }, testInfo) => {
  const form = await openInlineForm(page, '/index.html');
  const posts: string[] = [];
  page.on('request', (sent) => sent.method() === 'POST' && posts.push(sent.url()));
  const big = { name: 'backup.zip', path: testInfo.outputPath('backup.zip') };
  // From disk: handing Chromium a path is instant, sending it a 26 MB buffer over the protocol takes seconds.
  await writeFile(big.path, Buffer.alloc(LIMITS.requestMaxBytes + MB, 1));

  await fileInput(form).setInputFiles(big.path);
  await expect(listedFiles(form)).toHaveText([big.name]);
  const meter = sizeMeter(form);
  await expect(meter).toHaveClass(/\bover\b/);
  // 26 MB of file plus a few hundred bytes of text and framing, rounded up: 26,1 MB; 1,1 MB must go.
  await expect(meter).toContainText(`26,1 MB de ${meterSize(LIMITS.requestMaxBytes)}`);
  await expect(meter.locator('[aria-live=polite]')).toHaveText('Remova 1,1 MB para enviar');
  await expect(sendButton(form)).toBeDisabled();
  // Enter in a text field (implicit submission) must not get round the disabled button either.
  await textbox(form, 'Assunto').fill('Backup completo');
  await textbox(form, 'Assunto').press('Enter');
  await expect(sendButton(form)).toBeDisabled();

  await form.getByRole('button', { name: `Remover ${big.name}` }).click();
  await expect(listedFiles(form)).toHaveCount(0);
  await expect(meter).toHaveClass(/\bcalm\b/);
  await expect(meter.locator('[aria-live=polite]')).toHaveText('');
  await expect(sendButton(form)).toBeEnabled();
  expect(posts.filter((url) => url.endsWith('/api/tickets'))).toEqual([]);
});
