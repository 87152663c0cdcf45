import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPOSITORY_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the doctor's command as `npm run doctor` does (tsx), with `env` over a clean TomTicket environment. */
async function runCli(args: string[], env: Record<string, string>) {
  const dataDir = await mkdtemp(join(tmpdir(), 'doctor-cli-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/doctor/doctor-cli.ts', ...args], {
    cwd: REPOSITORY_ROOT,
    env: { ...process.env, TOMTICKET_TOKEN: '', SANDBOX: '', FORM_CONFIG: '', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  await rm(dataDir, { recursive: true, force: true });
  return { code, stdout };
}

describe('npm run doctor (server/doctor/doctor-cli.ts)', () => {
  it('passes against the sandbox’s fake, test ticket included', async () => {
    const { code, stdout } = await runCli(['--email', 'cliente.demo@example.com', '--send-test'], { SANDBOX: 'true' });
    expect(stdout).not.toMatch(/^✗/m);
    expect(stdout).toMatch(/^TomTicket doctor \(sandbox: the built-in fake TomTicket/);
    // Token, departments, FORM_CONFIG, customer lookup, test ticket, lengths, listing.
    expect(stdout.match(/^✓/gm)).toHaveLength(7);
    expect(code).toBe(0);
  }, 30_000);

  it('says what is missing when neither TOMTICKET_TOKEN nor SANDBOX=true is set (exit 1), and how to call it (exit 2)', async () => {
    const missing = await runCli([], {});
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/^✗ Configuration: TOMTICKET_TOKEN is not set.*SANDBOX=true/s);
    const wrong = await runCli(['--emial', 'x'], { SANDBOX: 'true' });
    expect(wrong.code).toBe(2);
    expect(wrong.stdout).toContain('Usage: npm run doctor');
  }, 30_000);
});
