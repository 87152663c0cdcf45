/**
 * The launcher's panel: a card anchored to its button's corner on wide screens, a full-height
 * sheet on a 360 px phone; opened and closed by mouse and by keyboard, a modal dialog for
 * assistive technology (focus inside, Escape, focus back to the button), animated unless the
 * visitor asked for reduced motion; axe finds nothing in each state.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe.ts';
import { fillRequired, sendButton } from './support/form-actions.ts';
import { focusSpot } from './support/focus.ts';

// Independent tests: let both workers take them.
test.describe.configure({ mode: 'parallel' });

/** The launcher page, its button and its dialog, with `attributes` set on the element first. */
async function launcherPage(page: Page, attributes: Record<string, string> = {}) {
  await page.goto('/launcher.html');
  const host = page.locator('tomticket-form#help');
  await host.evaluate((element, given) => Object.entries(given).forEach(([name, value]) => element.setAttribute(name, value)), attributes);
  const button = host.getByRole('button', { name: 'Abrir chamado' });
  const dialog = host.getByRole('dialog', { name: 'Abrir chamado' });
  await expect(button).toBeVisible();
  return { host, button, dialog };
}

/** Waits until the dialog's open or close transition has run its course. */
async function settled(dialog: Locator): Promise<void> {
  await dialog.evaluate((element) => Promise.all(element.getAnimations().map((animation) => animation.finished)));
}

/** Opens the dialog with a click, waits for its form and its animation. */
async function openByMouse(button: Locator, dialog: Locator): Promise<void> {
  await button.click();
  await expect(sendButton(dialog)).toBeEnabled();
  await settled(dialog);
}

async function boxOf(target: Locator) {
  const box = await target.boundingBox();
  if (!box) throw new Error('not on screen');
  return { ...box, right: box.x + box.width, bottom: box.y + box.height };
}

test('on a wide screen the panel is a card anchored above its button, opened and closed by mouse and keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const { host, button, dialog } = await launcherPage(page);
  const heading = page.getByRole('heading', { name: 'Loja de exemplo' });

  await openByMouse(button, dialog);
  const card = await boxOf(dialog);
  const opener = await boxOf(button);
  expect(Math.round(1280 - card.right), 'right edge lined up with the button').toBe(Math.round(1280 - opener.right));
  expect(card.bottom, 'above the button').toBeLessThanOrEqual(opener.y);
  expect(card.width, 'a card, not a page-wide modal').toBeLessThanOrEqual(420);
  expect(card.y, 'within the window').toBeGreaterThanOrEqual(0);
  // The page stays visible beside the card: it covers less than half the window.
  expect(card.x).toBeGreaterThan(1280 / 2);
  await expect(heading).toBeInViewport();
  await expectNoAxeViolations(page, 'card open');

  await dialog.getByRole('button', { name: 'Fechar' }).click();
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();

  // The keyboard: Enter opens with the focus inside, Escape closes and gives it back.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Fechar' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('textbox', { name: 'E-mail', exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
  await expectNoAxeViolations(page, 'card closed');
  await expect(host.locator('dialog')).not.toHaveAttribute('open');
});

test('position="bottom-left" puts the button and its card in the left corner', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const { button, dialog } = await launcherPage(page, { position: 'bottom-left' });
  expect((await boxOf(button)).x).toBe(16);
  await openByMouse(button, dialog);
  const card = await boxOf(dialog);
  expect(card.x).toBe(16);
  expect(card.bottom).toBeLessThanOrEqual((await boxOf(button)).y);
});

test('on a 360 px phone the panel is a full-height sheet, opened and closed by touch-sized clicks and by keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const { host, button, dialog } = await launcherPage(page);
  await openByMouse(button, dialog);
  expect(await boxOf(dialog)).toMatchObject({ x: 0, y: 0, width: 360, height: 740 });
  // Nothing sideways: the form fits the sheet.
  expect(await dialog.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  await expectNoAxeViolations(page, 'sheet open');
  const close = dialog.getByRole('button', { name: 'Fechar' });
  expect((await boxOf(close)).width, 'a close button big enough for a thumb').toBeGreaterThanOrEqual(40);
  await close.click();
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();

  await page.keyboard.press('Space');
  await expect(dialog).toBeVisible();
  await settled(dialog);
  expect(await boxOf(dialog)).toMatchObject({ x: 0, y: 0, width: 360, height: 740 });
  // A modal sheet: backwards from its first control, the focus stays in it (or the browser's UI).
  await expect(close).toBeFocused();
  for (let press = 0; press < 3; press++) {
    await page.keyboard.press('Shift+Tab');
    const spot = await focusSpot(page, host);
    if (spot.inWidget === undefined) expect(spot.pageTag, 'left the sheet').toBe('BODY');
    else expect(spot.inWidget.inDialog, `focused ${JSON.stringify(spot.inWidget)}`).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
});

test('the panel animates its opening and closing, and does not for visitors who asked for reduced motion', async ({ page }) => {
  const { host, button, dialog } = await launcherPage(page);
  await expect(host.locator('[part~=submit]')).toBeAttached();
  // The element itself, closed or open (a closed dialog has no role to find it by).
  const transition = () => host.locator('dialog').evaluate((element) => getComputedStyle(element).transitionDuration);
  // What runs on the dialog in the frame after a click (open) or a close, counted in the page.
  const animationsAfter = (action: 'click' | 'close') =>
    host.evaluate((element, what) => {
      const root = element.shadowRoot!;
      const panel = root.querySelector('dialog')!;
      if (what === 'click') root.querySelector<HTMLButtonElement>('[part~=launcher]')!.click();
      else panel.close();
      return new Promise<number>((resolve) => requestAnimationFrame(() => resolve(panel.getAnimations().length)));
    }, action);

  expect(await animationsAfter('click'), 'the opening runs as a transition').toBeGreaterThan(0);
  await expect(dialog).toBeVisible();
  expect(await transition()).toMatch(/^0\.18s/);
  expect(await animationsAfter('close'), 'so does the closing').toBeGreaterThan(0);
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();

  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect((await transition()).split(',').every((duration) => duration.trim() === '0s')).toBe(true);
  expect(await animationsAfter('click'), 'nothing moves').toBe(0);
  await expect(dialog).toBeVisible();
  expect(await animationsAfter('close')).toBe(0);
  await expect(dialog).toBeHidden();
});

test('launcher-label shows the icon, the text or both; the text stays the button’s name', async ({ page }) => {
  const { host, button } = await launcherPage(page, { 'launcher-label': 'icon' });
  const icon = host.locator('svg');
  await expect(icon).toBeVisible();
  expect(await boxOf(button)).toMatchObject({ width: 56, height: 56 });
  await expectNoAxeViolations(page, 'icon only');

  await host.evaluate((element) => element.setAttribute('launcher-label', 'label'));
  await expect(icon).toBeHidden();
  await expect(button).toHaveText('Abrir chamado');

  await host.evaluate((element) => element.setAttribute('launcher-label', 'both'));
  await expect(icon).toBeVisible();
  await expect(button).toHaveText('Abrir chamado');
});

test('in the sheet, sending and the sent ticket: axe finds nothing, the number shows large', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const { button, dialog } = await launcherPage(page);
  await openByMouse(button, dialog);
  await fillRequired(dialog, { title: 'Pedido 1042 chegou incompleto' });
  // The server's answer is held while the sending state is checked, then given.
  let answer!: () => void;
  const answered = new Promise<void>((resolve) => (answer = resolve));
  await page.route('**/api/tickets', async (route) => {
    await answered;
    await route.fulfill({ status: 201, contentType: 'application/json', body: JSON.stringify({ ok: true, ticket: { id: 'a1', protocol: 48213 } }) });
  });
  await sendButton(dialog).click();
  await expect(dialog.getByRole('button', { name: 'Cancelar' })).toBeFocused();
  await expect(dialog.getByRole('progressbar')).toBeVisible();
  await expectNoAxeViolations(page, 'sheet, sending');

  answer();
  await expect(dialog.locator('[part=ticket-number]')).toHaveText('48213');
  await expect(dialog.getByRole('button', { name: 'Copiar' })).toBeVisible();
  await expectNoAxeViolations(page, 'sheet, ticket sent');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
});
