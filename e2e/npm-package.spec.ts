import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, posix } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { expectSent, fillRequired, readyForm, uniqueTitle } from './support/form-actions.ts';
import { SERVER_ORIGIN } from './support/ports.ts';
import { ticketByTitle } from './support/sandbox-tickets.ts';
import { serveFolder } from './support/serve-folder.ts';

// The npm package as a site that bundles uses it: `npm run pack:npm` packs it, a fresh Vite app
// (e2e/npm-app: its own package.json, index.html, main.ts and two JSX files) installs the tarball
// as `npm ci` installs a locked dependency, type-checks itself against the package's typings and
// builds with vite; the built site, served from its own origin, sends a ticket in Chromium.
const run = promisify(execFile);
const root = join(import.meta.dirname, '..');

/** This environment for npm run inside `npm test`, without the outer run's package and script variables. */
function npmEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_(package|lifecycle|command)/i.test(name)));
  return { ...env, ...extra };
}

/** Runs npm in `cwd`; a failure says what npm and the tools it ran (tsc, vite) printed. */
async function npm(cwd: string, args: string[], extra?: Record<string, string>): Promise<string> {
  try {
    const { stdout } = await run('npm', args, { cwd, env: npmEnv(extra), maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`npm ${args.join(' ')} failed in ${cwd}:\n${stdout}\n${stderr}`);
  }
}

// Offline first: the repo's npm cache has vite and typescript already; the registry fills any gap.
const INSTALL_FLAGS = ['--prefer-offline', '--no-audit', '--no-fund'];

test('the packed npm package works in a fresh Vite app: typings checked, site built, ticket sent', async ({ page, request }) => {
  test.setTimeout(150_000);
  const app = await mkdtemp(join(tmpdir(), 'tomticket-npm-app-'));
  try {
    const tarball = (await npm(root, ['run', '--silent', 'pack:npm'])).trim().split('\n').at(-1)!;
    expect(basename(tarball)).toMatch(/^tomticket-form-\d+\.\d+\.\d+\.tgz$/);

    // What the tarball holds: the module and its chunks, their maps, the typings, package.json and README, nothing else.
    const { stdout: listing } = await run('tar', ['-tzf', tarball]);
    const entries = listing.trim().split('\n').map((entry) => entry.replace(/^package\//, ''));
    expect(entries).toContain('index.js');
    expect(entries).toContain('index.d.ts');
    for (const entry of entries) {
      expect(entry, 'a file the package is meant to hold').toMatch(
        /^(package\.json|README\.md|[\w-]+\.js(\.map)?|(jsx|preact|react|vue)\.d\.ts|index\.d\.ts|types\/(widget|contract)\/[\w/-]+\.d\.ts)$/,
      );
    }

    await cp(join(root, 'e2e', 'npm-app'), app, { recursive: true });
    await cp(tarball, join(app, basename(tarball)));
    const manifest = await readFile(join(app, 'package.json'), 'utf8');
    await writeFile(join(app, 'package.json'), manifest.replace('file:TARBALL', `file:${basename(tarball)}`));
    await npm(app, ['install', '--package-lock-only', ...INSTALL_FLAGS]);
    await npm(app, ['ci', ...INSTALL_FLAGS]);

    // No server code in the package: every source its bundled code came from is the widget's or the shared contract's.
    const installed = join(app, 'node_modules', 'tomticket-form');
    const maps = (await readdir(installed)).filter((file) => file.endsWith('.js.map'));
    expect(maps.length).toBeGreaterThan(0);
    for (const map of maps) {
      const { sources } = JSON.parse(await readFile(join(installed, map), 'utf8')) as { sources: string[] };
      for (const source of sources) expect(posix.normalize(source), `a source of ${map}`).toMatch(/^(\.\.\/)*(widget|contract)\/|package\.json$/);
    }
    // A Preact site shares its Preact: the package imports it rather than carrying a copy.
    const installedPackage = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8'));
    expect(Object.keys(installedPackage.dependencies).sort()).toEqual(['@preact/signals', 'preact']);
    expect(installedPackage.private).toBeUndefined();

    // `tsc` (the JSX files' @ts-expect-error lines must each meet an error), then `vite build`.
    await npm(app, ['run', 'build'], { VITE_TOMTICKET_SERVER: SERVER_ORIGIN });

    const site = await serveFolder(join(app, 'dist'));
    try {
      const scriptsFromServer: string[] = [];
      page.on('request', (sent) => {
        if (sent.resourceType() === 'script' && sent.url().startsWith(SERVER_ORIGIN)) scriptsFromServer.push(sent.url());
      });
      await page.goto(site.origin);
      const form = await readyForm(page, 'main');
      const title = uniqueTitle('Pelo pacote npm');
      await fillRequired(form, { title });
      await form.getByRole('button', { name: 'Enviar', exact: true }).click();
      const protocol = await expectSent(form);
      await ticketByTitle(request, title);
      // The page's own listener heard tomticket:success with TomTicket's protocol.
      await expect(page.locator('#last-ticket')).toHaveText(`Chamado ${protocol}`);
      // mount() drew a launcher (its chunk loaded from the site's bundle) with the text strings() gave.
      await expect(page.locator('#help-button').getByRole('button', { name: 'Fale conosco' })).toBeVisible();
      // Every line of the widget came from the site's own build, none from the server.
      expect(scriptsFromServer).toEqual([]);
    } finally {
      await site.close();
    }
  } finally {
    await rm(app, { recursive: true, force: true });
  }
});
