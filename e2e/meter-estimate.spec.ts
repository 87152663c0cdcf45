import { writeFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { LIMITS, NOTES_ALLOWANCE_BYTES } from '../contract/index.ts';
import { expectSent, fileInput, fillRequired, listedFiles, openInlineForm, pickFiles, sendButton, sizeMeter, uniqueTitle } from './support/form-actions.ts';
import { SERVER_ORIGIN } from './support/ports.ts';
import { ticketByTitle } from './support/sandbox-tickets.ts';
import { MB, randomFile, sha256, type TestFile } from './support/test-files.ts';

/**
 * The meter against the real bodies: what Chromium itself encodes and sends (captured on its way
 * out) and what the server sent TomTicket (the fake counts it). The meter may count a little more,
 * never less: a form it lets through must never be refused as too large.
 */

/** The bytes the meter counts now (its bar's value is the exact count while under the limit). */
async function meterBytes(form: Locator): Promise<number> {
  return Number(await sizeMeter(form).locator('progress').getAttribute('value'));
}

/**
 * Records the body size of every ticket POST Chromium sends: the Content-Length of the headers it
 * really put on the wire (the DevTools protocol's extra info), which counts the body it encoded,
 * files read from disk included.
 */
async function captureTicketBodies(page: Page): Promise<() => number[]> {
  const posts: string[] = [];
  // The two events of one request may come in either order: keep both, pair them when asked.
  const lengths = new Map<string, number>();
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Network.requestWillBeSent', ({ requestId, request }) => {
    if (request.method === 'POST' && request.url === `${SERVER_ORIGIN}/api/tickets`) posts.push(requestId);
  });
  cdp.on('Network.requestWillBeSentExtraInfo', ({ requestId, headers }) => {
    const length = Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-length')?.[1];
    if (length !== undefined) lengths.set(requestId, Number(length));
  });
  await cdp.send('Network.enable');
  return () => posts.flatMap((id) => (lengths.has(id) ? [lengths.get(id)!] : []));
}

/** Sends the filled form and checks the meter against both bodies; returns the fake's ticket. */
async function sendAndCompare(page: Page, form: Locator, title: string, bodies: () => number[]) {
  const estimate = await meterBytes(form);
  await sendButton(form).click();
  await expectSent(form);
  const ticket = await ticketByTitle(page.request, title);
  await expect.poll(() => bodies().length, { message: 'the ticket POST and its Content-Length' }).toBe(1);
  const [browserBody] = bodies() as [number];
  expect(browserBody).toBeGreaterThan(0);
  console.log(`${title}: meter ${estimate} B, Chromium sent ${browserBody} B, TomTicket got ${ticket.requestBytes} B`);
  expect(estimate, 'the meter is never below the body Chromium sent').toBeGreaterThanOrEqual(browserBody);
  expect(estimate, 'the meter is never below the form the server sent TomTicket').toBeGreaterThanOrEqual(ticket.requestBytes);
  // And close to them: a meter that counts far too much would refuse tickets TomTicket takes. It
  // counts room for the widest page and device context and consent (NOTES_ALLOWANCE_BYTES) on every
  // ticket, of which this one's context takes about a fifth.
  expect(estimate - Math.max(browserBody, ticket.requestBytes)).toBeLessThan(2048 + NOTES_ALLOWANCE_BYTES);
  return ticket;
}

test('non-ASCII and quoted file names with a CRLF-heavy message: the meter covers both bodies', async ({ page }) => {
  const form = await openInlineForm(page, '/index.html');
  const bodies = await captureTicketBodies(page);
  const title = uniqueTitle('Anexos com acentos — ção 😀');
  // 60 line breaks and markup: sent on as `<br>` and `&lt;`, longer than the browser's CRLF and `<`.
  const lines = Array.from({ length: 61 }, (_, i) => `l${i} <&`).join('\n');
  await fillRequired(form, { title, message: lines });
  const files: TestFile[] = [
    randomFile('relatório "final" — ção 😀.txt', 3000, 'text/plain'),
    randomFile('ファイル名.csv', 2000, 'text/csv'),
    randomFile('nome com espaços e ç.log', 100, 'text/plain'),
  ];
  await pickFiles(form, files);
  await expect(listedFiles(form)).toHaveCount(3);
  const ticket = await sendAndCompare(page, form, title, bodies);
  expect(ticket.attachments.map((a) => a.sha256)).toEqual(files.map((f) => f.sha256));
});

test('25 files: the meter covers both bodies', async ({ page }) => {
  const form = await openInlineForm(page, '/index.html');
  const bodies = await captureTicketBodies(page);
  const title = uniqueTitle('Vinte e cinco arquivos');
  await fillRequired(form, { title });
  const files = Array.from({ length: LIMITS.maxFiles }, (_, i) => randomFile(`captura-${i}-ç.txt`, 500 + i * 37));
  await pickFiles(form, files);
  await expect(listedFiles(form)).toHaveCount(LIMITS.maxFiles);
  const ticket = await sendAndCompare(page, form, title, bodies);
  expect(ticket.attachments).toHaveLength(LIMITS.maxFiles);
});

test('a 24.9 MB ticket goes end to end to TomTicket, within what the meter counted', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const form = await openInlineForm(page, '/index.html');
  const bodies = await captureTicketBodies(page);
  const title = uniqueTitle('Quase 25 MB');
  await fillRequired(form, { title });
  const size = Math.floor(24.9 * MB);
  const content = Buffer.alloc(size, 'backup do sistema\n');
  const path = testInfo.outputPath('backup-24,9MB.txt');
  // From disk: handing Chromium a path is instant, sending it a 25 MB buffer over the protocol takes seconds.
  await writeFile(path, content);
  await fileInput(form).setInputFiles(path);
  await expect(sizeMeter(form)).toHaveClass(/\bwarning\b/);
  await expect(sendButton(form)).toBeEnabled();
  const ticket = await sendAndCompare(page, form, title, bodies);
  expect(ticket.attachments).toEqual([expect.objectContaining({ name: 'backup-24,9MB.txt', size, sha256: sha256(content) })]);
  expect(ticket.requestBytes).toBeLessThanOrEqual(LIMITS.requestMaxBytes);
});
