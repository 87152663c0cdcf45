import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { accountFingerprint } from '../account/account-fingerprint.ts';
import { readLearnedLengthUnit } from '../account/learned-length-unit.ts';
import { TEST_FORM_CONFIG, TEST_FORM_CONFIG_V2 } from '../integration/harness.ts';
import { createLogger } from '../log/create-logger.ts';
import { OTHER_FAKE_V2_VARIANTS, OTHER_FAKE_VARIANTS } from '../sandbox/fake-variants.ts';
import { startTestFake, TEST_CUSTOMER, TEST_DEPARTMENTS, TEST_TOKEN } from '../sandbox/test-kit.ts';
import type { FakeTomTicket, FakeTomTicketOptions, FakeV2Variants, FakeVariants } from '../sandbox/types.ts';
import type { ObservedAnswer } from '../tomticket/call-upstream.ts';
import { createRateLimiter, createTomTicketClient } from '../tomticket/index.ts';
import type { ApiName } from '../tomticket/types.ts';
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

/** Runs the doctor through `api` against a fake reading TomTicket as `fakeOptions` say; returns its exit code and lines. */
async function doctor(api: ApiName, fakeOptions: Partial<FakeTomTicketOptions>, options: Partial<DoctorOptions> = {}, token = TEST_TOKEN) {
  fake = await startTestFake(fakeOptions);
  dataDir = await mkdtemp(join(tmpdir(), 'doctor-test-'));
  const answers: ObservedAnswer[] = [];
  const client = createTomTicketClient({
    api,
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
    formConfig: { path: 'form.json', config: api === 'v2' ? TEST_FORM_CONFIG_V2 : TEST_FORM_CONFIG },
    sendTest: false,
    messageFormat: 'html',
    dataDir,
    account: accountFingerprint(token),
    print: (line) => void lines.push(line),
    ...options,
  });
  return { code, lines, text: lines.join('\n'), calls: client.calls };
}

type Case = [ApiName, string, Partial<FakeTomTicketOptions>];
const LEGACY_NAMES = Object.keys(OTHER_FAKE_VARIANTS) as Array<keyof FakeVariants>;
const V2_NAMES = Object.keys(OTHER_FAKE_V2_VARIANTS) as Array<keyof FakeV2Variants>;
const MATRIX: Case[] = [
  ['legacy', 'the documented defaults', {}],
  ...LEGACY_NAMES.map((name): Case => ['legacy', `${name}: ${OTHER_FAKE_VARIANTS[name]}`, { variants: { [name]: OTHER_FAKE_VARIANTS[name] } }]),
  ['legacy', 'all of them together', { variants: OTHER_FAKE_VARIANTS }],
  ['v2', 'the best-supported readings', {}],
  ...V2_NAMES.map((name): Case => ['v2', `${name}: ${OTHER_FAKE_V2_VARIANTS[name]}`, { v2Variants: { [name]: OTHER_FAKE_V2_VARIANTS[name] } }]),
  ['v2', 'all of them together, with lengths in bytes and refusals as 4xx', { v2Variants: OTHER_FAKE_V2_VARIANTS, variants: { lengthUnit: 'bytes', refusals: 'http_4xx' } }],
];
// Where each API's creation answer puts the id, as the doctor reports it.
const CREATION_SHAPE = {
  legacy: /criar_chamado answered HTTP 200, erro: false, id under id(_)?chamado/,
  v2: /ticket\/new answered HTTP 200, error: false, id under (ticket_id|data\.id)/,
} as const;

describe.each(MATRIX)('npm run doctor -- --email … --send-test through %s against a TomTicket reading %s', (api, _name, fakeOptions) => {
  it('passes every step, creates exactly one test ticket, and learns how the account counts lengths', async () => {
    const { code, lines, text, calls } = await doctor(api, fakeOptions, { email: TEST_CUSTOMER.email, sendTest: true });
    expect(lines.filter((line) => line.startsWith('✗'))).toEqual([]);
    expect(code).toBe(0);
    const steps = ['Token:', 'Departments: 2', ...(api === 'v2' ? ['Custom fields: 6 described by the account, 6 shown'] : []), 'FORM_CONFIG (form.json) matches'];
    for (const step of [...steps, 'Customer lookup:', 'Test ticket: created, protocol', 'Lengths:', `Listing: ${calls.listing} finds`]) {
      expect(lines.some((line) => line.startsWith(`✓ ${step}`)), step).toBe(true);
    }
    expect(text).toContain('dep-suporte');
    expect(text).toContain('cat-login');
    expect(text).toMatch(CREATION_SHAPE[api]);
    expect(fake?.tickets.map((ticket) => ticket.title)).toEqual([TEST_TICKET_TITLE]);
    const unit = fakeOptions.variants?.lengthUnit === 'bytes' ? 'bytes' : 'chars';
    expect(await readLearnedLengthUnit(dataDir, accountFingerprint(TEST_TOKEN), api)).toBe(unit);
    expect(text).toContain(`counts the 250/1024 limits in ${unit === 'chars' ? 'characters' : 'bytes'}`);
  });
});

describe('the doctor on API 2.0: the account’s custom fields', () => {
  it('lists each with TomTicket’s type and the widget type it is drawn as, FORM_CONFIG’s where it gives one', async () => {
    const { code, lines } = await doctor('v2', {});
    expect(code).toBe(0);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ {6}· Navegador {2}id navegador {2}TomTicket type 3, required, asked in every category → select$/),
        expect.stringMatching(/^ {6}· Passos {2}id passos {2}TomTicket type 2, required, asked in Erro no sistema → textarea$/),
        expect.stringMatching(/^ {6}· Quando {2}id quando {2}TomTicket type 9, asked in every category → date \(type from FORM_CONFIG\)$/),
      ]),
    );
  });

  it('fails when a field TomTicket requires cannot be drawn, says which and how to fix it, and passes once FORM_CONFIG gives its type', async () => {
    const departments = [
      {
        id: 'dep-x',
        name: 'Comercial',
        categories: [],
        customFields: [
          { id: 'cnpj', label: 'CNPJ', type: 14, mandatory: true, boundTo: [''] },
          { id: 'origem', label: 'Origem', type: 9, mandatory: false, boundTo: [''] },
        ],
      },
    ];
    const failing = await doctor('v2', { departments }, { formConfig: undefined });
    expect(failing.code).toBe(1);
    expect(failing.lines).toEqual(
      expect.arrayContaining([
        '✗ Custom fields: 2 described by the account, 0 shown by the form, with the widget type each is drawn as:',
        expect.stringContaining('· CNPJ  id cnpj  TomTicket type 14, required, asked without a category → left out: the widget cannot draw TomTicket type 14 (give it a "type" in FORM_CONFIG to show it)'),
        expect.stringContaining('· Origem  id origem  TomTicket type 9, asked without a category → left out'),
        expect.stringMatching(/^ {4}→ A field TomTicket requires is left out/),
      ]),
    );
    await close?.();
    await fake?.close();
    const fixed = await doctor('v2', { departments }, { formConfig: { path: 'form.json', config: { departments: [{ id: 'dep-x', fields: [{ id: 'cnpj', type: 'text' }] }] } } });
    expect(fixed.lines.filter((line) => line.startsWith('✗'))).toEqual([]);
    expect(fixed.code).toBe(0);
    expect(fixed.text).toContain('· CNPJ  id cnpj  TomTicket type 14, required, asked without a category → text (type from FORM_CONFIG)');
  });
});

describe.each(['legacy', 'v2'] as const)('the doctor’s failures through the %s API', (api) => {
  it('stops at a refused token, naming TOMTICKET_TOKEN and what to do (exit 1)', async () => {
    const { code, lines } = await doctor(api, { variants: { refusals: 'http_4xx' } }, {}, 'not-the-token');
    expect(code).toBe(1);
    expect(lines[0]).toMatch(/^✗ Token: TomTicket refuses TOMTICKET_TOKEN/);
    expect(lines.some((line) => line.includes(api === 'v2' ? 'Novo Token' : '→ Copy the API token again'))).toBe(true);
    expect(lines.join('\n')).not.toContain('not-the-token');
  });

  it('fails the FORM_CONFIG step when it names departments or categories TomTicket does not have', async () => {
    const config = { departments: [{ id: 'dep-suporte', categories: ['cat-nope'] }, { id: 'dep-gone' }] };
    const { code, lines } = await doctor(api, {}, { formConfig: { path: 'form.json', config } });
    expect(code).toBe(1);
    expect(lines.some((line) => line.startsWith('✗ FORM_CONFIG (form.json) names what TomTicket does not have'))).toBe(true);
    expect(lines.join('\n')).toMatch(/dep-gone/);
  });

  it('fails the customer step for an e-mail no form finds, and says so', async () => {
    const { code, lines } = await doctor(api, {}, { email: 'ninguem@example.com' });
    expect(code).toBe(1);
    expect(lines.some((line) => line.startsWith('✗ Customer lookup: no way of asking found ninguem@example.com'))).toBe(true);
  });

  it('is read-only without --send-test: nothing but GETs reach TomTicket', async () => {
    const { code } = await doctor(api, { variants: { customerCheck: 'path' }, v2Variants: { customerCheckPath: 'customers' } }, { email: TEST_CUSTOMER.email });
    expect(code).toBe(0);
    expect(fake?.requests.map((request) => request.method)).toEqual(expect.arrayContaining(['GET']));
    expect(fake?.requests.filter((request) => request.method !== 'GET')).toEqual([]);
    expect(fake?.tickets).toEqual([]);
    await expect(readFile(join(dataDir, 'account', 'length-unit.json'))).rejects.toThrow();
  });
});
