import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './e2e/support/find-chromium.ts';
import { HOST_ORIGIN, SERVER_CONSENT_ORIGIN, SERVER_ORIGIN, SERVER_V2_ORIGIN } from './e2e/support/ports.ts';
import { SCREENSHOT_TOLERANCE } from './e2e/support/screenshot-tolerance.ts';

// `npm test` runs scripts/ensure-chromium.ts first, which installs one when it can.
const executablePath = findChromium();
if (!executablePath) throw new Error('No Chromium found: run `npx tsx scripts/ensure-chromium.ts` for what to do.');

const server = new URL(SERVER_ORIGIN);
// The server's own data folder (outbox, idempotency records), emptied when a run starts: a dev
// server on the same checkout must not deliver this run's tickets, nor this run replay leftovers.
// Workers load this file again; they inherit the variable, so only the first load empties it.
if (!process.env.E2E_DATA_DIR) {
  process.env.E2E_DATA_DIR = join(tmpdir(), `tomticket-form-e2e-${server.port}`);
  rmSync(process.env.E2E_DATA_DIR, { recursive: true, force: true });
  rmSync(`${process.env.E2E_DATA_DIR}-v2`, { recursive: true, force: true });
  rmSync(`${process.env.E2E_DATA_DIR}-consent`, { recursive: true, force: true });
}
const host = new URL(HOST_ORIGIN);
const serverV2 = new URL(SERVER_V2_ORIGIN);
const serverConsent = new URL(SERVER_CONSENT_ORIGIN);
// The sandbox's demo FORM_CONFIG with a consent, for the server that asks for one (e2e/consent.spec.ts).
// Every ticket of the suite comes from 127.0.0.1, and the suite sends more than the 20 an hour
// (RATE_LIMIT_IP_HOUR) a person is allowed: the limits themselves are proven in server/integration.
const SUITE_RATE_LIMITS = { RATE_LIMIT_IP_HOUR: '1000', RATE_LIMIT_IP_DAY: '1000' };
const consentFormConfig = `${process.env.E2E_DATA_DIR}-consent-form-config.json`;
writeFileSync(
  consentFormConfig,
  JSON.stringify({
    ...JSON.parse(readFileSync('server/sandbox/demo-form-config.json', 'utf8')),
    consent: {
      version: '2026-01',
      text: {
        'pt-BR': 'Li e aceito a [Política de Privacidade] da loja.',
        en: 'I have read and accept the shop’s [Privacy Policy].',
        es: 'He leído y acepto la [Política de Privacidad] de la tienda.',
      },
      url: { 'pt-BR': 'https://loja.example.com/privacidade', en: 'https://loja.example.com/privacy', es: 'https://loja.example.com/privacidad' },
    },
  }),
);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  // The screenshot comparisons' baselines are the README's pictures: committed, and refreshed on
  // purpose with `npx playwright test e2e/screenshots.spec.ts --update-snapshots` (README, Development).
  snapshotPathTemplate: 'docs/screenshots/{arg}{ext}',
  // A missing baseline fails the run rather than being written: baselines are made on purpose.
  updateSnapshots: 'none',
  expect: {
    toHaveScreenshot: { ...SCREENSHOT_TOLERANCE, animations: 'disabled', caret: 'hide', scale: 'css' },
  },
  use: {
    baseURL: HOST_ORIGIN,
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  webServer: [
    {
      // The real companion server in sandbox mode, serving the bundle `npm test` just built, run
      // as production runs it: compiled from the current sources, then plain node (exec: the
      // process Playwright stops is the server itself, which then closes cleanly).
      command: 'npx vite build --config vite.server.config.ts && exec node dist/server/main.js',
      url: `${SERVER_ORIGIN}/healthz`,
      env: { PORT: server.port, HOST: server.hostname, TOMTICKET_TOKEN: '', SANDBOX: 'true', DATA_DIR: process.env.E2E_DATA_DIR, ...SUITE_RATE_LIMITS },
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // The same build in sandbox mode speaking API 2.0 (TOMTICKET_API=v2): its demo account
      // describes the custom fields. Web servers start one after the other, so the build above is done.
      command: 'exec node dist/server/main.js',
      url: `${SERVER_V2_ORIGIN}/healthz`,
      env: {
        PORT: serverV2.port,
        HOST: serverV2.hostname,
        TOMTICKET_TOKEN: '',
        SANDBOX: 'true',
        TOMTICKET_API: 'v2',
        DATA_DIR: `${process.env.E2E_DATA_DIR}-v2`,
        ...SUITE_RATE_LIMITS,
      },
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // The same build in sandbox mode, its FORM_CONFIG the demo's plus a consent.
      command: 'exec node dist/server/main.js',
      url: `${SERVER_CONSENT_ORIGIN}/healthz`,
      env: {
        PORT: serverConsent.port,
        HOST: serverConsent.hostname,
        TOMTICKET_TOKEN: '',
        SANDBOX: 'true',
        FORM_CONFIG: consentFormConfig,
        DATA_DIR: `${process.env.E2E_DATA_DIR}-consent`,
        ...SUITE_RATE_LIMITS,
      },
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: 'npx tsx e2e/support/host-server.ts',
      url: `${HOST_ORIGIN}/index.html`,
      reuseExistingServer: false,
    },
  ],
});
