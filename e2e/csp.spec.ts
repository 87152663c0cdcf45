import { expect, test } from '@playwright/test';
import { expectSent, fillRequired, listedFiles, pickFiles, readyForm, sendButton, uniqueTitle } from './support/form-actions.ts';
import { ticketByTitle } from './support/sandbox-tickets.ts';
import { pngFile } from './support/test-files.ts';

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
}

test('under a strict CSP the form is styled, breaks no policy, and sends a ticket', async ({ page, request }) => {
  // An init script is injected by the browser itself, so the page's policy does not stop it.
  await page.addInitScript(() => {
    const seen: Violation[] = [];
    Object.assign(window, { cspViolations: seen });
    document.addEventListener(
      'securitypolicyviolation',
      (event) => seen.push({ directive: event.violatedDirective, blocked: event.blockedURI, sample: event.sample }),
      true,
    );
  });
  const consoleProblems: string[] = [];
  page.on('console', (message) => {
    if (/content security policy|refused to/i.test(message.text())) consoleProblems.push(message.text());
  });
  const violations = () => page.evaluate(() => (window as unknown as { cspViolations: Violation[] }).cspViolations);

  const response = await page.goto('/csp-strict.html');
  expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
  const form = await readyForm(page);
  const send = sendButton(form);
  // The accent background and white text of the light theme, not the UA's grey button.
  await expect(send).toHaveCSS('background-color', 'rgb(10, 88, 202)');
  await expect(send).toHaveCSS('color', 'rgb(255, 255, 255)');
  await expect(form.locator('[part=form]')).toHaveCSS('display', 'grid');

  const title = uniqueTitle('Enviado sob CSP estrita');
  const image = pngFile('tela.png');
  await fillRequired(form, { title });
  await pickFiles(form, [image]);
  await expect(listedFiles(form)).toHaveText([image.name]);
  // The thumbnail is a blob: URL, which this policy's img-src allows: it must really decode.
  const thumbnail = form.locator('[part=file-list] img');
  await expect(thumbnail).toBeVisible();
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(48);
  await send.click();
  const protocol = await expectSent(form);

  expect(await violations()).toEqual([]);
  expect(consoleProblems).toEqual([]);
  const ticket = await ticketByTitle(request, title);
  expect(ticket.protocol).toBe(protocol);
  expect(ticket.attachments.map(({ name, type, sha256 }) => ({ name, type, sha256 }))).toEqual([
    { name: image.name, type: 'image/png', sha256: image.sha256 },
  ]);

  // Control: the probe does hear a violation, so the empty lists above mean something.
  await page.evaluate(() => document.body.setAttribute('style', 'color: red'));
  await expect.poll(violations).toContainEqual(expect.objectContaining({ directive: expect.stringMatching(/^style-src/) }));
});
