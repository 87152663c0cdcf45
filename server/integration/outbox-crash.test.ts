import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeTomTicket } from '../sandbox/fake-tomticket.ts';
import { patternedBytes, sha256Of, TEST_CUSTOMER, TEST_DEPARTMENTS, TEST_TOKEN } from '../sandbox/test-kit.ts';
import type { FakeTomTicket } from '../sandbox/types.ts';
import { APIS, formOf, PROTECTIONS_OFF, TEST_FORM_CONFIG, TEST_FORM_CONFIG_V2, validFields } from './harness.ts';

const REPOSITORY_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TICKETS = 30;

let workDir: string;
let fake: FakeTomTicket;
const children: ChildProcess[] = [];

beforeEach(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'outbox-crash-'));
  await writeFile(join(workDir, 'form.json'), JSON.stringify(TEST_FORM_CONFIG));
  await writeFile(join(workDir, 'form-v2.json'), JSON.stringify(TEST_FORM_CONFIG_V2));
  fake = await startFakeTomTicket({ token: TEST_TOKEN, departments: TEST_DEPARTMENTS, customers: [TEST_CUSTOMER], requestsPerSecond: 0 });
});
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await fake.close();
  await rm(workDir, { recursive: true, force: true });
});

/** Runs `server/main.ts` as its own process against the fake, and resolves with its URL once it listens. */
async function startServerProcess(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: REPOSITORY_ROOT,
    env: {
      ...process.env,
      ...PROTECTIONS_OFF,
      TOMTICKET_TOKEN: TEST_TOKEN,
      TOMTICKET_API_URL: fake.url,
      TOMTICKET_CREATE_CUSTOMERS: 'false',
      FORM_CONFIG: join(workDir, env.TOMTICKET_API === 'v2' ? 'form-v2.json' : 'form.json'),
      DATA_DIR: join(workDir, 'data'),
      SPOOL_DIR: join(workDir, 'spool'),
      PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) {
    const url = / open (http:\/\/\S+)$/.exec(line)?.[1];
    if (url) return { child, url: url.replace('localhost', '127.0.0.1') };
  }
  throw new Error('the server exited before listening');
}

/** Ticket i, every third with an attachment; returns the form and the attachment's sha256 (or undefined). */
function ticketOf(i: number): { form: FormData; sha256?: string } {
  if (i % 3 !== 0) return { form: formOf({ ...validFields(), title: `Antes do kill ${i}` }) };
  const bytes = patternedBytes(50_000 + i * 101);
  return { form: formOf({ ...validFields(), title: `Antes do kill ${i}` }, [new File([bytes], `anexo-${i}.bin`)]), sha256: sha256Of(bytes) };
}

async function post(url: string, i: number): Promise<{ status: number; reference: string }> {
  const response = await fetch(`${url}/api/tickets`, { method: 'POST', body: ticketOf(i).form, headers: { 'Idempotency-Key': `crash-${i}` } });
  const body = (await response.json()) as { reference: string };
  return { status: response.status, reference: body.reference };
}

async function kill9(child: ChildProcess): Promise<void> {
  child.kill('SIGKILL');
  await once(child, 'exit');
}

type OutboxStatus = { queued: number; uncertain: number; dead: number; oldestAgeSeconds: number | null };

async function waitForDrain(url: string, timeoutMs = 30_000): Promise<OutboxStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { outbox } = (await (await fetch(`${url}/healthz`)).json()) as { outbox: OutboxStatus };
    if (outbox.queued === 0) return outbox;
    if (Date.now() > deadline) throw new Error(`${outbox.queued} tickets still queued`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const ticketsWith = (reference: string) => fake.tickets.filter((ticket) => ticket.message.endsWith(`[ref ${reference}]`));

describe.each(APIS)('kill -9 with tickets in the outbox, through $name', ({ name, env: apiEnv }) => {
  it('loses none and doubles none: after a restart every queued ticket is delivered once', async () => {
    // First life: TomTicket is down, every ticket is answered 202 and waits (long backoff).
    const first = await startServerProcess({ ...apiEnv, TOMTICKET_REQUESTS_PER_SECOND: '0', OUTBOX_RETRY_BASE_MS: '60000', OUTBOX_RETRY_MAX_MS: '60000' });
    expect((await fetch(`${first.url}/api/form`)).status).toBe(200);
    await fake.setFault('down');
    const answers = await Promise.all(Array.from({ length: TICKETS }, (_, i) => post(first.url, i)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(TICKETS).fill(202));
    await kill9(first.child);
    expect(await readdir(join(workDir, 'data', 'outbox'))).toHaveLength(TICKETS);

    // Second life: TomTicket is back.
    await fake.setFault('none');
    const restartedAt = Date.now();
    const second = await startServerProcess({ ...apiEnv, TOMTICKET_REQUESTS_PER_SECOND: '0', OUTBOX_RETRY_BASE_MS: '100', OUTBOX_RETRY_MAX_MS: '500' });
    expect(await waitForDrain(second.url)).toMatchObject({ queued: 0, uncertain: 0, dead: 0, oldestAgeSeconds: null });
    const drainMs = Date.now() - restartedAt;

    const counts = answers.map((answer) => ticketsWith(answer.reference).length);
    expect(counts).toEqual(Array(TICKETS).fill(1));
    expect(fake.tickets).toHaveLength(TICKETS);
    answers.forEach((answer, i) => {
      const expected = ticketOf(i).sha256;
      expect(ticketsWith(answer.reference)[0]?.attachments.map((file) => file.sha256)).toEqual(expected ? [expected] : []);
    });
    // The customer's retry after the restart finds the first answer, not a new ticket.
    expect(await post(second.url, 7)).toEqual({ status: 202, reference: answers[7]?.reference });
    expect(fake.tickets).toHaveLength(TICKETS);
    console.log(`[kill -9 while queued, ${name}] sent ${TICKETS}, answered 202: ${TICKETS}, delivered ${counts.filter((n) => n === 1).length}, duplicates 0, restart to drained ${drainMs} ms`);
  }, 60_000);

  it('killed in the middle of delivering: nothing lost, nothing doubled, the unsure ones parked', async () => {
    // Answered at once (no wait for a first try), delivered at 10 calls a second so that the kill
    // lands while tickets are on their way.
    const first = await startServerProcess({
      ...apiEnv,
      DELIVERY_WAIT_MS: '0',
      TOMTICKET_REQUESTS_PER_SECOND: '10',
      OUTBOX_RETRY_BASE_MS: '100',
      OUTBOX_RETRY_MAX_MS: '200',
    });
    expect((await fetch(`${first.url}/api/form`)).status).toBe(200);
    await fake.setFault('down');
    const answers = await Promise.all(Array.from({ length: TICKETS }, (_, i) => post(first.url, i)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(TICKETS).fill(202));
    await fake.setFault('none');
    const started = Date.now();
    while (fake.tickets.length < TICKETS / 3 && Date.now() - started < 20_000) await new Promise((resolve) => setTimeout(resolve, 5));
    await kill9(first.child);
    const deliveredBeforeKill = fake.tickets.length;
    expect(deliveredBeforeKill).toBeLessThan(TICKETS);

    const second = await startServerProcess({ ...apiEnv, TOMTICKET_REQUESTS_PER_SECOND: '0' });
    const outbox = await waitForDrain(second.url);
    const counts = answers.map((answer) => ticketsWith(answer.reference).length);
    const parked = new Set(await readdir(join(workDir, 'data', 'uncertain')));
    expect(Math.max(...counts)).toBe(1);
    // Every ticket is in TomTicket, or parked on disk for an operator to check: none vanished.
    expect(answers.filter((answer, i) => counts[i] === 0 && !parked.has(answer.reference))).toEqual([]);
    expect(outbox.uncertain).toBe(parked.size);
    expect(outbox.dead).toBe(0);
    console.log(
      `[kill -9 while delivering, ${name}] sent ${TICKETS}, delivered before the kill ${deliveredBeforeKill}, delivered in all ${counts.filter((n) => n === 1).length}, ` +
        `parked as uncertain ${parked.size} (of which already in TomTicket ${answers.filter((a, i) => parked.has(a.reference) && counts[i] === 1).length}), duplicates 0, lost 0`,
    );
  }, 60_000);
});
