import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readConfig } from './config/read-config.ts';
import { readyChallenge } from './integration/challenge.ts';
import { SANDBOX_TOKEN } from './sandbox/demo-data.ts';
import { startServer, startupMessage } from './start-server.ts';

const REPOSITORY_ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('startServer in sandbox mode', () => {
  it('runs the fake TomTicket, takes tickets into it and shows them in the inbox', async () => {
    const spoolDir = await mkdtemp(join(tmpdir(), 'start-server-test-'));
    const logLines: string[] = [];
    const server = await startServer({ config: readConfig({ SANDBOX: 'true', PORT: '0', SPOOL_DIR: spoolDir, DATA_DIR: spoolDir }), log: (line) => logLines.push(line) });
    try {
      expect(server.fake).toBeDefined();
      expect(server.config.tomticket).toMatchObject({ token: SANDBOX_TOKEN, apiUrl: server.fake?.url });

      const schema = (await (await fetch(`${server.url}/api/form`)).json()) as { departments: Array<{ id: string }> };
      const department = schema.departments.find((candidate) => candidate.id === '2b9d8c7e6f5a4b3c2d1e0f9a8b7c6d5e');
      expect(department).toBeDefined();

      const form = new FormData();
      form.append('email', 'visitante@example.com');
      form.append('name', 'Visitante');
      form.append('department', '2b9d8c7e6f5a4b3c2d1e0f9a8b7c6d5e');
      form.append('fields[f5e6f7a8b9]', '123.456.789-00');
      form.append('title', 'Segunda via do boleto');
      form.append('message', 'Preciso da segunda via.');
      // Every protection is on with its defaults, as `npm start` runs: the widget's steps come first.
      const proof = await readyChallenge(server.url, 'http://localhost:8787');
      const answer = await fetch(`${server.url}/api/tickets`, {
        method: 'POST',
        body: form,
        headers: { Origin: 'http://localhost:8787', ...proof },
      });
      expect(answer.status).toBe(201);
      expect(answer.headers.get('access-control-allow-origin')).toBe('http://localhost:8787');
      expect(server.fake?.tickets.map((ticket) => ticket.title)).toEqual(['Segunda via do boleto']);

      const inbox = await fetch(`${server.url}/sandbox`);
      expect(inbox.status).toBe(200);
      expect(await inbox.text()).toContain('Segunda via do boleto');
      expect(await (await fetch(`${server.url}/healthz`)).json()).toMatchObject({ mode: 'sandbox', upstream: { reachable: true } });
    } finally {
      await server.close();
      await rm(spoolDir, { recursive: true, force: true });
    }
    // close() stopped the fake as well.
    await expect(fetch(`${server.fake?.url}/departamentos/${SANDBOX_TOKEN}`)).rejects.toThrow();
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });

  it('refuses to start with an invalid form configuration, leaving nothing running', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'start-server-test-'));
    const formConfig = join(folder, 'form.json');
    await writeFile(formConfig, '{"departments": "all of them"}');
    try {
      await expect(startServer({ config: readConfig({ SANDBOX: 'true', PORT: '0', FORM_CONFIG: formConfig, DATA_DIR: folder }) })).rejects.toThrow(/departments/);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('startupMessage', () => {
  it('names the mode and the address to open', () => {
    expect(startupMessage({ url: 'http://127.0.0.1:8787', config: readConfig({ SANDBOX: 'true' }) })).toBe(
      'TomTicket form server (sandbox mode: tickets go to the built-in fake TomTicket through the legacy API, see http://localhost:8787/sandbox) — open http://localhost:8787',
    );
    const live = startupMessage({ url: 'http://192.168.0.5:8080', config: readConfig({ TOMTICKET_TOKEN: 'x' }) });
    expect(live).toBe('TomTicket form server (live mode: tickets go to https://api.tomticket.com through the legacy API) — open http://192.168.0.5:8080');
    expect(live).not.toMatch(/sandbox/);
    const v2 = startupMessage({ url: 'http://127.0.0.1:8787', config: readConfig({ TOMTICKET_TOKEN: 'x', TOMTICKET_API: 'v2' }) });
    expect(v2).toBe('TomTicket form server (live mode: tickets go to https://api.tomticket.com through API 2.0) — open http://localhost:8787');
  });
});

describe('server/main.ts', () => {
  it.each([
    ['SANDBOX=true', [], { SANDBOX: 'true' }],
    ['--sandbox-by-default (npm start) and neither setting', ['--sandbox-by-default'], {}],
  ])('runs the sandbox with %s: prints the mode and address first, serves, and exits cleanly on SIGTERM', async (_case, args, env) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'start-server-test-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], {
      cwd: REPOSITORY_ROOT,
      env: { ...process.env, PORT: '0', TOMTICKET_TOKEN: '', SANDBOX: '', DATA_DIR: dataDir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const lines = createInterface({ input: child.stdout });
      const [firstLine] = (await once(lines, 'line')) as [string];
      expect(firstLine).toMatch(
        /^TomTicket form server \(sandbox mode: tickets go to the built-in fake TomTicket through the legacy API, see http:\/\/localhost:\d+\/sandbox\) — open http:\/\/localhost:\d+$/,
      );
      const port = /:(\d+)$/.exec(firstLine)?.[1];
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('exits with status 1 without TOMTICKET_TOKEN, naming TOMTICKET_TOKEN and SANDBOX=true, instead of becoming the sandbox', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'start-server-test-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: REPOSITORY_ROOT,
      env: { ...process.env, PORT: '0', TOMTICKET_TOKEN: '', SANDBOX: '', DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const [code] = (await once(child, 'exit')) as [number | null];
    await rm(dataDir, { recursive: true, force: true });
    expect(code).toBe(1);
    expect(stderr).toMatch(/TOMTICKET_TOKEN is not set.*SANDBOX=true/s);
    expect(stdout).not.toMatch(/sandbox mode/);
  });

  it('exits with a clear message on an invalid setting', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: REPOSITORY_ROOT,
      env: { ...process.env, PORT: 'eighty', TOMTICKET_TOKEN: 'main-test-secret' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(1);
    expect(stderr).toMatch(/cannot start: PORT must be a whole number/);
    expect(stderr).not.toContain('main-test-secret');
  });
});
