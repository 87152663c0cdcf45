import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Runs axe-core on the whole page (it descends into open shadow roots) and fails listing every
 * violation found. Waits first for every animation that ends (the launcher panel fading in, …):
 * half-way through, axe measures the blended colours of a fading element, not the ones it settles on.
 */
export async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  const { violations } = await new AxeBuilder({ page }).analyze();
  const found = violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.map((node) => ({
      // A node inside a shadow root is a list of selectors, host first.
      target: node.target.map((part) => [part].flat().join(' >>> ')).join(', '),
      why: node.failureSummary,
    })),
  }));
  expect(found, `axe violations (${state})`).toEqual([]);
}
