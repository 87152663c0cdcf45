import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Runs axe-core on the whole page (it descends into open shadow roots) and fails listing every violation found. */
export async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
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
