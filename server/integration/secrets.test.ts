import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../config/package-root.ts';
import { readConfig } from '../config/read-config.ts';
import { SANDBOX_TOKEN } from '../sandbox/demo-data.ts';
import { startServer, type RunningServer } from '../start-server.ts';
import { APIS, formOf, PROTECTIONS_OFF, startHarness, TEST_TOKEN, validFields, waitFor, type Harness } from './harness.ts';

const FORM_SECRET = 'leak-test-form-secret-5d1f8a0c2b7e4f6a';
const IDENTITY_SECRET = 'leak-test-identity-secret-9c3e7b1d0a4f';
/** TomTicket refusing a ticket in words that quote back what it was given: secrets included. */
const QUOTING_REFUSAL = `Chamado recusado. Recebido: ${TEST_TOKEN} ${SANDBOX_TOKEN} ${FORM_SECRET} ${IDENTITY_SECRET}`;
/** A setting whose error quotes its value, holding the three secrets as a mistaken paste would. */
const PASTED_INTO_THE_WRONG_PLACE = `ftp://${TEST_TOKEN}/${FORM_SECRET}/${IDENTITY_SECRET}`;
const SECRETS = { TOMTICKET_TOKEN: TEST_TOKEN, FORM_SECRET, IDENTITY_SECRET };
const FAST_RETRIES = { DELIVERY_WAIT_MS: '300', OUTBOX_RETRY_BASE_MS: '50', OUTBOX_RETRY_MAX_MS: '100' };

/** The secrets of the live server, and of the sandbox (whose token is its own: the live one is just text to it). */
const LIVE_SECRETS = [TEST_TOKEN, FORM_SECRET, IDENTITY_SECRET];
const SANDBOX_SECRETS = [SANDBOX_TOKEN, FORM_SECRET, IDENTITY_SECRET];

/** Every text the test saw, by where it came from, with the secrets it must not show. */
const seen: Array<{ where: string; text: string; secrets: readonly string[] }> = [];
const look = (secrets: readonly string[], entries: ReadonlyArray<{ where: string; text: string }>) =>
  seen.push(...entries.map((entry) => ({ ...entry, secrets })));
const cleanup: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

/** Runs `args` with node (tsx loaded) from the project, as an operator does; both outputs, whatever the exit code. */
function run(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', ...args], { cwd: PACKAGE_ROOT, env: { ...process.env, ...env }, timeout: 30_000 }, (_error, stdout, stderr) =>
      resolve(`${stdout}\n${stderr}`),
    );
  });
}

/** The item.json of every ticket the outbox holds in any state, as text. */
async function outboxFiles(dataDir: string): Promise<Array<{ where: string; text: string }>> {
  const files = [];
  for (const state of ['outbox', 'uncertain', 'dead']) {
    for (const reference of await readdir(join(dataDir, state)).catch(() => [] as string[])) {
      const path = join(dataDir, state, reference, 'item.json');
      files.push({ where: `${state}/${reference}/item.json`, text: await readFile(path, 'utf8') });
    }
  }
  return files;
}

/** A valid ticket of the sandbox's demo form (its department "Financeiro" asks one custom field). */
const SANDBOX_FIELDS = {
  email: 'visitante@example.com',
  name: 'Visitante',
  department: '2b9d8c7e6f5a4b3c2d1e0f9a8b7c6d5e',
  'fields[f5e6f7a8b9]': '123.456.789-00',
  title: 'Segunda via do boleto',
  message: 'Preciso da segunda via.',
};

/** A ticket queued while TomTicket is down, then refused by it in words quoting every secret: it ends in dead/. */
async function refusedAfterQueued(server: { url: string }, fake: Harness['fake'], dataDir: string, fields: Record<string, string>): Promise<void> {
  await fake.setFault('down');
  const queued = await fetch(`${server.url}/api/tickets`, { method: 'POST', body: formOf(fields) });
  expect(queued.status).toBe(202);
  await fake.setFault('reject', QUOTING_REFUSAL);
  expect(await waitFor(async () => (await readdir(join(dataDir, 'dead')).catch(() => [])).length === 1, 10_000)).toBe(true);
}

describe('the three secrets (TOMTICKET_TOKEN, FORM_SECRET, IDENTITY_SECRET)', () => {
  it('appear in no log line, start-up failure, outbox file, outbox command output, answer or sandbox page, whatever failed', async () => {
    // A live server whose TomTicket refuses tickets quoting the secrets: while the customer waits, and after a 202.
    const harness = await startHarness({ FORM_SECRET, IDENTITY_SECRET, ...FAST_RETRIES }, 0);
    cleanup.push(() => harness.close());
    expect((await harness.send('/api/form')).status).toBe(200);
    await harness.fake.setFault('reject', QUOTING_REFUSAL);
    const refused = await harness.send('/api/tickets', { method: 'POST', body: formOf(validFields()) });
    expect(refused.status).toBe(422);
    await refusedAfterQueued(harness.server, harness.fake, harness.dataDir, validFields());
    look(LIVE_SECRETS, harness.observed.map((text) => ({ where: 'an answer of the live server', text })));
    look(LIVE_SECRETS, await outboxFiles(harness.dataDir));

    // The operator's outbox command on that DATA_DIR, and the same command with a setting it cannot read.
    const operatorEnv = { ...SECRETS, DATA_DIR: harness.dataDir };
    const listing = await run(['server/outbox/outbox-cli.ts', 'list'], operatorEnv);
    expect(listing).toMatch(/dead\s+TT-/);
    const failing = await run(['server/outbox/outbox-cli.ts', 'list'], { ...operatorEnv, TOMTICKET_API_URL: PASTED_INTO_THE_WRONG_PLACE });
    expect(failing).toMatch(/outbox command failed: TOMTICKET_API_URL must be an http\(s\) URL/);
    look(LIVE_SECRETS, [
      { where: 'outbox-cli list', text: listing },
      { where: 'outbox-cli failing', text: failing },
    ]);

    // npm start with that setting: it must stop, saying why, without the secrets.
    const startFailure = await run(['server/main.ts'], { ...SECRETS, PORT: '0', TOMTICKET_API_URL: PASTED_INTO_THE_WRONG_PLACE });
    expect(startFailure).toMatch(/cannot start: TOMTICKET_API_URL must be an http\(s\) URL/);
    look(LIVE_SECRETS, [{ where: 'the start-up failure', text: startFailure }]);

    // The sandbox: its built-in fake refuses the same way; its inbox lists the dead ticket with its last error.
    const sandboxData = await mkdtemp(join(tmpdir(), 'tt-secrets-sandbox-'));
    cleanup.push(() => rm(sandboxData, { recursive: true, force: true }));
    const sandboxLog: string[] = [];
    const sandbox: RunningServer = await startServer({
      config: readConfig({ ...PROTECTIONS_OFF, SANDBOX: 'true', FORM_SECRET, IDENTITY_SECRET, DATA_DIR: sandboxData, PORT: '0', ...FAST_RETRIES }),
      log: (line) => sandboxLog.push(line),
    });
    cleanup.push(() => sandbox.close());
    const fake = sandbox.fake as Harness['fake'];
    expect((await fetch(`${sandbox.url}/api/form`)).status).toBe(200);
    await refusedAfterQueued(sandbox, fake, join(sandboxData, 'sandbox'), SANDBOX_FIELDS);
    for (const page of ['/sandbox', '/sandbox/tickets.json']) {
      const text = await (await fetch(sandbox.url + page)).text();
      expect(text).toContain('TomTicket refused it');
      look(SANDBOX_SECRETS, [{ where: page, text }]);
    }
    look(SANDBOX_SECRETS, (await outboxFiles(join(sandboxData, 'sandbox'))).map(({ where, text }) => ({ where: `sandbox ${where}`, text })));
    look(SANDBOX_SECRETS, sandboxLog.map((text) => ({ where: 'a sandbox log line', text })));
    look(LIVE_SECRETS, harness.logLines.map((text) => ({ where: 'a log line', text })));

    // The refusal really did quote them: otherwise there would be nothing to redact.
    expect(seen.some(({ text }) => text.includes('***'))).toBe(true);
    const leaks = seen.flatMap(({ where, text, secrets }) =>
      secrets.filter((secret) => text.includes(secret)).map((secret) => `${where} shows ${secret.slice(0, 12)}…`),
    );
    expect(leaks).toEqual([]);
  }, 120_000);
});

describe('API 2.0: TOMTICKET_TOKEN only ever in the Authorization header', () => {
  it('is in no URL, log line, answer or outbox file, whatever failed, even where TomTicket quotes the header back', async () => {
    const v2 = APIS.find((candidate) => candidate.api === 'v2') as (typeof APIS)[number];
    const harness = await startHarness({ ...v2.env, FORM_SECRET, IDENTITY_SECRET, ...FAST_RETRIES, TOMTICKET_TIMEOUT_MS: '400' }, 0, { slowAnswerMs: 800 });
    cleanup.push(() => harness.close());
    expect((await harness.send('/api/form')).status).toBe(200);
    const post = (title: string) => harness.send('/api/tickets', { method: 'POST', body: formOf({ ...validFields(), title }) });
    const quotingHeader = `${QUOTING_REFUSAL} Authorization: Bearer ${TEST_TOKEN}`;

    // Refused while the customer waits, in words quoting the header: the customer reads it redacted.
    await harness.fake.setFault('reject', quotingHeader);
    const refused = await post('Recusado citando o cabeçalho');
    expect(refused.status).toBe(422);
    expect(harness.json(refused)).toMatchObject({ error: { code: 'upstream_rejected', message: expect.stringContaining('Bearer ***') } });
    // TomTicket in trouble: a 500, garbage, a lost answer, an answer too late.
    for (const fault of ['http_500', 'invalid_json', 'created_then_drop', 'slow'] as const) {
      await harness.fake.setFault(fault);
      expect([201, 202]).toContain((await post(`Falha ${fault}`)).status);
    }
    await harness.fake.setFault('none');
    // A token that may read but not write, then a token replaced in TomTicket: both kept (202).
    harness.fake.setTokenCanWrite(false);
    expect((await post('Sem permissão de escrita')).status).toBe(202);
    harness.fake.setTokenCanWrite(true);
    harness.fake.setToken('v2-rotated-token-77aa11bb');
    expect((await post('Token trocado')).status).toBe(202);
    harness.fake.setToken(TEST_TOKEN);
    const drained = () => waitFor(async () => (harness.json(await harness.send('/healthz')).outbox as { queued: number }).queued === 0, 20_000);
    expect(await drained()).toBe(true);
    // Refused after the 202, quoting the header: it ends in dead/ with TomTicket's words as its last error.
    await harness.fake.setFault('down');
    expect((await post('Recusado depois da fila')).status).toBe(202);
    await harness.fake.setFault('reject', quotingHeader);
    expect(await waitFor(async () => (await readdir(join(harness.dataDir, 'dead')).catch(() => [])).length === 1, 10_000)).toBe(true);
    expect(await drained()).toBe(true);
    await harness.fake.setFault('none');

    const texts = [
      ...harness.observed.map((text) => ({ where: 'an answer', text })),
      ...harness.logLines.map((text) => ({ where: 'a log line', text })),
      ...(await outboxFiles(harness.dataDir)),
    ];
    expect(texts.some(({ text }) => text.includes('Bearer ***'))).toBe(true);
    const leaks = texts.filter(({ text }) => [TEST_TOKEN, FORM_SECRET, IDENTITY_SECRET, encodeURIComponent(TEST_TOKEN)].some((secret) => text.includes(secret)));
    expect(leaks.map(({ where, text }) => `${where}: ${text.replaceAll(TEST_TOKEN, '<TOKEN>').slice(0, 200)}`)).toEqual([]);
    // Every call went to API 2.0 with the token in its header, never in a URL.
    expect(harness.fake.requests.length).toBeGreaterThan(10);
    expect(harness.fake.requests.filter((request) => request.api !== 'v2' || request.tokenInUrl)).toEqual([]);
  }, 120_000);
});
