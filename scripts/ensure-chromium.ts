/**
 * Makes sure the e2e suite has a Chromium: finds one, or installs Debian's package when running as
 * root (Playwright's own download cannot reach its CDN from here), or stops with what to do.
 */
import { execFileSync } from 'node:child_process';
import { findChromium } from '../e2e/support/find-chromium.ts';

function install(): void {
  console.log('No Chromium found: installing Debian\'s chromium package (apt-get)…');
  const quiet = { stdio: 'inherit' as const, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  execFileSync('apt-get', ['update'], quiet);
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], quiet);
}

const found = findChromium();
if (found) {
  console.log(`e2e browser: ${found}`);
} else if (process.env.CHROMIUM_PATH) {
  console.error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, but there is no file there.`);
  process.exit(1);
} else if (process.getuid?.() === 0) {
  install();
  const installed = findChromium();
  if (!installed) {
    console.error('apt-get finished but /usr/bin/chromium is still missing.');
    process.exit(1);
  }
  console.log(`e2e browser: ${installed}`);
} else {
  console.error(
    [
      'The end-to-end tests need Chromium and none was found.',
      'Install one of these, then run npm test again:',
      '  - Debian/Ubuntu: sudo apt-get install chromium',
      '  - or point CHROMIUM_PATH at a Chromium or Chrome binary',
      '  - or, where downloads work, npx playwright install chromium',
    ].join('\n'),
  );
  process.exit(1);
}
