import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { accountFingerprint } from '../account/account-fingerprint.ts';
import { readLearnedLengthUnit } from '../account/learned-length-unit.ts';
import { TEST_FORM_CONFIG } from '../integration/harness.ts';
import { createLogger } from '../log/create-logger.ts';
import { OTHER_FAKE_VARIANTS } from '../sandbox/fake-variants.ts';
import { startTestFake, TEST_CUSTOMER, TEST_TOKEN } from '../sandbox/test-kit.ts';
import type { FakeTomTicket, FakeVariants } from '../sandbox/types.ts';
import type { ObservedAnswer } from '../tomticket/call-upstream.ts';
import { createRateLimiter, createTomTicketClient } from '../tomticket/index.ts';
import { runDoctor, TEST_TICKET_TITLE, type DoctorOptions } from './run-doctor.ts';

let fake: FakeTomTicket | undefined;
let dataDir: string;
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  await fake?.close();
  await rm(dataDir, { recursive: true, force: true });
  fake = undefined;
});

/** Runs the doctor against a fake reading TomTicket as `variants`; returns its exit code and lines. */
async function doctor(variants: Partial<FakeVariants>, options: Partial<DoctorOptions> = {}, token = TEST_TOKEN) {
  fake = await startTestFake({ variants });
  dataDir = await mkdtemp(join(tmpdir(), 'doctor-test-'));
  const answers: ObservedAnswer[] = [];
  const client = createTomTicketClient({
    apiUrl: fake.url,
    token,
    timeoutMs: 2000,
    createCustomers: false,
    limiter: createRateLimiter({ requestsPerSecond: 0 }),
    logger: createLogger({ secrets: [token], write: () => undefined }),
    observe: (answer) => void answers.push(answer),
  });
  close = client.close;
  const lines: string[] = [];
  const code = await runDoctor({
    client,
    answers: () => answers.splice(0),
    formConfig: { path: 'form.json', config: TEST_FORM_CONFIG },
    sendTest: false,
    messageFormat: 'html',
    dataDir,
    account: accountFingerprint(token),
    print: (line) => void lines.push(line),
    ...options,
  });
  return { code, lines, text: lines.join('\n') };
}

const NAMES = Object.keys(OTHER_FAKE_VARIANTS) as Array<keyof FakeVariants>;
const MATRIX: Array<[string, Partial<FakeVariants>]> = [
  ['the documented defaults', {}],
  ...NAMES.map((name): [string, Partial<FakeVariants>] => [`${name}: ${OTHER_FAKE_VARIANTS[name]}`, { [name]: OTHER_FAKE_VARIANTS[name] }]),
  ['all of them together', OTHER_FAKE_VARIANTS],
];

describe.each(MATRIX)('npm run doctor -- --email … --send-test against a TomTicket reading %s', (_name, variants) => {
  it('passes every step, creates exactly one test ticket, and learns how the account counts lengths', async () => {
    const { code, lines, text } = await doctor(variants, { email: TEST_CUSTOMER.email, sendTest: true });
    expect(lines.filter((line) => line.startsWith('✗'))).toEqual([]);
    expect(code).toBe(0);
    for (const step of ['Token:', 'Departments: 2', 'FORM_CONFIG (form.json) matches', 'Customer lookup:', 'Test ticket: created, protocol', 'Lengths:', 'Listing: GET /chamados finds']) {
      expect(lines.some((line) => line.startsWith(`✓ ${step}`)), step).toBe(true);
    }
    expect(text).toContain('dep-suporte');
    expect(text).toContain('cat-login');
    expect(text).toMatch(/criar_chamado answered HTTP 200, erro: false, id under id(_)?chamado/);
    expect(fake?.tickets.map((ticket) => ticket.title)).toEqual([TEST_TICKET_TITLE]);
    const unit = variants.lengthUnit === 'bytes' ? 'bytes' : 'chars';
    expect(await readLearnedLengthUnit(dataDir, accountFingerprint(TEST_TOKEN))).toBe(unit);
    expect(text).toContain(`counts the 250/1024 limits in ${unit === 'chars' ? 'characters' : 'bytes'}`);
  });
});

describe('the doctor’s failures', () => {
  it('stops at a refused token, naming TOMTICKET_TOKEN and what to do (exit 1)', async () => {
    const { code, lines } = await doctor({ refusals: 'http_4xx' }, {}, 'not-the-token');
    expect(code).toBe(1);
    expect(lines[0]).toMatch(/^✗ Token: TomTicket refuses TOMTICKET_TOKEN/);
    expect(lines.some((line) => line.includes('→ Copy the API token again'))).toBe(true);
    expect(lines.join('\n')).not.toContain('not-the-token');
  });

  it('fails the FORM_CONFIG step when it names departments or categories TomTicket does not have', async () => {
    const config = { departments: [{ id: 'dep-suporte', categories: ['cat-nope'] }, { id: 'dep-gone' }] };
    const { code, lines } = await doctor({}, { formConfig: { path: 'form.json', config } });
    expect(code).toBe(1);
    expect(lines.some((line) => line.startsWith('✗ FORM_CONFIG (form.json) names what TomTicket does not have'))).toBe(true);
    expect(lines.join('\n')).toMatch(/dep-gone/);
  });

  it('fails the customer step for an e-mail no form finds, and says so', async () => {
    const { code, lines } = await doctor({}, { email: 'ninguem@example.com' });
    expect(code).toBe(1);
    expect(lines.some((line) => line.startsWith('✗ Customer lookup: no way of asking found ninguem@example.com'))).toBe(true);
  });

  it('is read-only without --send-test: nothing but GETs reach TomTicket', async () => {
    const { code } = await doctor({ customerCheck: 'path' }, { email: TEST_CUSTOMER.email });
    expect(code).toBe(0);
    expect(fake?.requests.map((request) => request.method)).toEqual(expect.arrayContaining(['GET']));
    expect(fake?.requests.filter((request) => request.method !== 'GET')).toEqual([]);
    expect(fake?.tickets).toEqual([]);
    await expect(readFile(join(dataDir, 'account', 'length-unit.json'))).rejects.toThrow();
  });
});
