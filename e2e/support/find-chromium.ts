import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Where Debian's package puts Chromium. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Flags that keep Chromium quiet on a machine whose network is closed (it otherwise retries Google's hosts at every start). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * The Chromium to test with, in order: the CHROMIUM_PATH override, Playwright's own download,
 * Debian's package. Undefined when none is on this machine.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const override = env.CHROMIUM_PATH?.trim();
  if (override) return existsSync(override) ? override : undefined;
  const candidates = [playwrightChromium(), DEBIAN_CHROMIUM];
  return candidates.find((path): path is string => Boolean(path && existsSync(path)));
}

function playwrightChromium(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    // Playwright throws when its browser registry has no build for this platform.
    return undefined;
  }
}
