import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Runs axe-core on the whole page (it descends into open shadow roots) and fails listing every
 * violation found. Waits first for every animation that ends (the launcher panel fading in, …),
 * in the page and in every open shadow root (a document's getAnimations() does not see into
 * them): half-way through, axe measures the blended colours of a fading element, not the ones it
 * settles on.
 */
export async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  await page.evaluate(async () => {
    // Two frames: a transition a click has just asked for has started by then.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const roots: Array<Document | ShadowRoot> = [document];
    for (let i = 0; i < roots.length; i++) {
      for (const element of roots[i]!.querySelectorAll('*')) if (element.shadowRoot) roots.push(element.shadowRoot);
    }
    const ending = roots
      .flatMap((root) => root.getAnimations())
      .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity);
    await Promise.all(ending.map((animation) => animation.finished.catch(() => undefined)));
  });
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
