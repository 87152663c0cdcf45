import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../../e2e/support/find-chromium.ts';
import type { Scope } from './scope.ts';

/** Launches the e2e suite's Chromium (headless), closed with `scope`. */
export async function launchChromium(scope: Scope): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: run `npx tsx scripts/ensure-chromium.ts` for what to do.');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  scope.defer(() => browser.close());
  return browser;
}
