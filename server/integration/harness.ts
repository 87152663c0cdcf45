import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../config/read-config.ts';
import { startFakeTomTicket } from '../sandbox/fake-tomticket.ts';
import { TEST_CUSTOMER, TEST_DEPARTMENTS, TEST_TOKEN } from '../sandbox/test-kit.ts';
import type { FakeCallRole, FakeTomTicket, FakeTomTicketOptions } from '../sandbox/types.ts';
import type { FormConfigFile } from '../schema/types.ts';
import { startServer, type RunningServer } from '../start-server.ts';
import type { ApiName } from '../tomticket/types.ts';

export { TEST_CUSTOMER, TEST_TOKEN };

/** The site owner's configuration the tests run with: custom fields of every kind, one bound to a category. */
export const TEST_FORM_CONFIG: FormConfigFile = {
  departments: [
    {
      id: 'dep-suporte',
      name: 'Suporte',
      categoryRequired: true,
      fields: [
        {
          id: 'navegador',
          label: 'Navegador',
          type: 'select',
          required: true,
          options: [
            { value: 'chrome', label: 'Chrome' },
            { value: 'firefox', label: 'Firefox' },
          ],
        },
        { id: 'passos', label: 'Passos', type: 'textarea', required: true, maxLength: 200, categories: ['cat-erro'] },
        { id: 'quando', label: 'Quando', type: 'date', required: false },
        { id: 'usuarios', label: 'Usuários', type: 'number', required: false, min: 1, max: 100 },
        { id: 'copia', label: 'Cópia', type: 'email', required: false },
        { id: 'aceite', label: 'Aceite', type: 'checkbox', required: false },
      ],
    },
    { id: 'dep-financeiro', name: 'Financeiro', categoryRequired: false, fields: [] },
  ],
};

/**
 * The same form on API 2.0, where the account describes the fields (TEST_DEPARTMENTS): the
 * configuration only gives a widget type to the four whose TomTicket type no source has shown,
 * the list's option labels and the steps' length, so that both APIs serve the same schema.
 */
export const TEST_FORM_CONFIG_V2: FormConfigFile = {
  departments: [
    {
      id: 'dep-suporte',
      name: 'Suporte',
      categoryRequired: true,
      fields: [
        { id: 'navegador', options: [{ value: 'chrome', label: 'Chrome' }, { value: 'firefox', label: 'Firefox' }] },
        { id: 'passos', maxLength: 200 },
        { id: 'quando', type: 'date' },
        { id: 'usuarios', type: 'number', min: 1, max: 100 },
        { id: 'copia', type: 'email' },
        { id: 'aceite', type: 'checkbox' },
      ],
    },
    { id: 'dep-financeiro', name: 'Financeiro', categoryRequired: false, fields: [] },
  ],
};

/** An adapter the integration suites run against: the suites are parametrised by it, never copied. */
export interface ApiUnderTest {
  api: ApiName;
  /** What a suite's title says. */
  name: string;
  /** What a harness needs in its environment to speak it. */
  env: Record<string, string>;
}

/** Both adapters: every suite about TomTicket runs `describe.each(APIS)`. */
export const APIS: readonly ApiUnderTest[] = [
  { api: 'legacy', name: 'the legacy API', env: { TOMTICKET_API: 'legacy' } },
  { api: 'v2', name: 'API 2.0', env: { TOMTICKET_API: 'v2' } },
];

/**
 * The calls a ticket costs upstream, by role, in each API: API 2.0 answers the protocol with the
 * creation, the legacy API needs the detail call for it.
 */
export function ticketCallsOf(api: ApiName, steps: { check?: boolean; create?: boolean; protocol?: boolean } = {}): FakeCallRole[] {
  return [
    ...(steps.check ? (['customer_check'] as const) : []),
    ...(steps.create ? (['customer_create'] as const) : []),
    'ticket_create',
    ...(steps.protocol !== false && api === 'legacy' ? (['ticket_detail'] as const) : []),
  ];
}

/**
 * The protections a request must pass unless a suite is about them: switched off by default, so
 * each suite sends plain requests; the protection suites pass `PROTECTIONS_ON` or their own values.
 * File-type checks, the honeypot and the text checks stay on everywhere.
 */
export const PROTECTIONS_OFF: Readonly<Record<string, string>> = {
  ALLOW_NO_ORIGIN: 'true',
  RATE_LIMIT_IP_HOUR: '0',
  RATE_LIMIT_IP_DAY: '0',
  RATE_LIMIT_EMAIL_HOUR: '0',
  RATE_LIMIT_EMAIL_DAY: '0',
  RATE_LIMIT_GLOBAL_HOUR: '0',
  RATE_LIMIT_REFUSED_MINUTE: '0',
  MIN_SUBMIT_SECONDS: '0',
  PROOF_OF_WORK: 'false',
};

/** Every protection with its default setting, to spread over {@link PROTECTIONS_OFF} in `startHarness`. */
export const PROTECTIONS_ON: Readonly<Record<string, string>> = Object.fromEntries(
  Object.keys(PROTECTIONS_OFF).map((name) => [name, '']),
);

/** The allowed browser origin of the test server. */
export const ALLOWED_ORIGIN = 'https://shop.example.com';

/** Text fields of a valid submission by the fake's existing customer. */
export function validFields(): Record<string, string> {
  return {
    email: TEST_CUSTOMER.email,
    name: TEST_CUSTOMER.name,
    department: 'dep-suporte',
    category: 'cat-login',
    'fields[navegador]': 'chrome',
    title: 'Não consigo entrar',
    message: 'Desde ontem a senha não é aceita.',
    priority: '2',
  };
}

/** A FormData with `fields` in order, then `files` under `attachments`. */
export function formOf(fields: Record<string, string>, files: File[] = []): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) form.append('attachments', file);
  return form;
}

/** Everything a test observed of one answer, as text, for the token check. */
export interface Observed {
  status: number;
  headers: Headers;
  text: string;
}

/** A fake TomTicket, and the server in live mode in front of it, with captured log lines and answers. */
export interface Harness {
  fake: FakeTomTicket;
  server: RunningServer;
  spoolDir: string;
  /** DATA_DIR: the outbox, its parked items and the idempotency records. */
  dataDir: string;
  logLines: string[];
  /** Every answer seen through `send` or `raw`, for the check that the token never appears. */
  observed: string[];
  /** fetch against the server, recording the answer; the body is read as text. */
  send(path: string, init?: RequestInit): Promise<Observed>;
  /** A hand-made request (see {@link rawRequest}), recording the answer. */
  raw(path: string, options: RawRequestOptions): Promise<RawExchange>;
  /** The JSON body of an answer from `send`. */
  json(observed: Observed): Record<string, unknown>;
  /** Entries of the spool folder (it must be empty between requests). */
  spoolEntries(): Promise<string[]>;
  /** Upstream calls other than the department listing (and its API 2.0 companions), by role. */
  ticketCalls(): FakeCallRole[];
  /** Stops the server and starts a new one on the same DATA_DIR and fake, with `env` over the first one's (a restart). */
  restart(env?: Record<string, string>): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts a fake and the server (live mode, test token, test form config, PROTECTIONS_OFF) with
 * extra env; `TOMTICKET_API` in it picks the adapter (and the form configuration written for it).
 */
export async function startHarness(
  env: Record<string, string> = {},
  fakeRequestsPerSecond = 3,
  fakeOptions: Partial<FakeTomTicketOptions> = {},
): Promise<Harness> {
  const workDir = await mkdtemp(join(tmpdir(), 'tt-integration-'));
  const formConfigPath = join(workDir, 'form.json');
  await writeFile(formConfigPath, JSON.stringify(env.TOMTICKET_API === 'v2' ? TEST_FORM_CONFIG_V2 : TEST_FORM_CONFIG));
  const spoolDir = join(workDir, 'spool');
  const fake = await startFakeTomTicket({
    token: TEST_TOKEN,
    departments: TEST_DEPARTMENTS,
    customers: [TEST_CUSTOMER],
    requestsPerSecond: fakeRequestsPerSecond,
    ...fakeOptions,
  });
  const logLines: string[] = [];
  const observed: string[] = [];
  const environment = {
    TOMTICKET_TOKEN: TEST_TOKEN,
    TOMTICKET_API_URL: fake.url,
    FORM_CONFIG: formConfigPath,
    SPOOL_DIR: spoolDir,
    DATA_DIR: join(workDir, 'data'),
    PORT: '0',
    ALLOWED_ORIGINS: ALLOWED_ORIGIN,
    ...PROTECTIONS_OFF,
    ...env,
  };
  const start = (overrides: Record<string, string> = {}) =>
    startServer({ config: readConfig({ ...environment, ...overrides }), log: (line) => logLines.push(line) });
  let server = await start();

  return {
    fake,
    get server() {
      return server;
    },
    async restart(overrides) {
      await server.close();
      server = await start(overrides);
    },
    spoolDir,
    dataDir: join(workDir, 'data'),
    logLines,
    observed,
    async send(path, init) {
      const response = await fetch(server.url + path, { redirect: 'error', ...init });
      const text = await response.text();
      observed.push(`${response.status} ${[...response.headers].map(([n, v]) => `${n}: ${v}`).join('\n')}\n\n${text}`);
      return { status: response.status, headers: response.headers, text };
    },
    async raw(path, options) {
      const exchange = await rawRequest(server.url + path, options);
      observed.push(`${exchange.status} ${JSON.stringify(exchange.headers)}\n\n${exchange.text}`);
      return exchange;
    },
    json: (answer) => JSON.parse(answer.text) as Record<string, unknown>,
    async spoolEntries() {
      return readdir(spoolDir).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return [];
        throw error;
      });
    },
    ticketCalls: () => fake.requests.filter((call) => call.role !== 'departments').map((call) => call.role),
    async close() {
      await server.close();
      await fake.close();
      await rm(workDir, { recursive: true, force: true });
    },
  };
}

/** What a raw HTTP exchange gave: the answer (if one came) and how many body bytes were written. */
export interface RawExchange {
  status?: number;
  headers?: Record<string, string | string[] | undefined>;
  text: string;
  bytesWritten: number;
  /** The server sent `100 Continue`. */
  continued: boolean;
}

/** What {@link rawRequest} sends. */
export interface RawRequestOptions {
  method?: string;
  headers: Record<string, string>;
  chunks: () => Iterable<Uint8Array>;
  /** Leave the request unfinished after the chunks (default: end it). */
  end?: boolean;
  /** Drop the connection (a client going away) once this many body bytes are written and `beforeAbort` has resolved. */
  abortAfterBytes?: number;
  beforeAbort?: () => Promise<unknown>;
  /** Send the body only after the server's `100 Continue` (as curl does with `Expect: 100-continue`). */
  waitForContinue?: boolean;
}

/**
 * Sends a request with node:http, writing `chunks()` while the server has not answered, and
 * returns as soon as the answer is complete or the connection ends. Written by hand so a test
 * controls exactly what is sent: a lying Content-Length, chunked bodies, early stops.
 */
export function rawRequest(url: string, options: RawRequestOptions): Promise<RawExchange> {
  return new Promise((resolve) => {
    const exchange: RawExchange = { text: '', bytesWritten: 0, continued: false };
    let answered = false;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      resolve(exchange);
    };
    const request = httpRequest(url, { method: options.method ?? 'POST', headers: options.headers, agent: false });
    request.on('continue', () => (exchange.continued = true));
    request.on('response', (response) => {
      answered = true;
      exchange.status = response.statusCode;
      exchange.headers = response.headers;
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (exchange.text += chunk));
      response.on('end', finish);
      response.on('error', finish);
    });
    request.on('error', finish);
    request.on('close', () => setTimeout(finish, 50));

    const write = async () => {
      if (options.waitForContinue) {
        request.flushHeaders();
        await new Promise<void>((next) => {
          request.once('continue', () => next());
          request.once('response', () => next());
          request.once('close', next);
        });
      }
      for (const chunk of options.chunks()) {
        if (answered || request.destroyed) return;
        if (options.abortAfterBytes !== undefined && exchange.bytesWritten >= options.abortAfterBytes) {
          await options.beforeAbort?.();
          request.destroy();
          return;
        }
        exchange.bytesWritten += chunk.byteLength;
        if (!request.write(chunk)) {
          await new Promise<void>((next) => {
            request.once('drain', next);
            request.once('response', () => next());
            request.once('close', next);
          });
        }
      }
      if (!answered && !request.destroyed && options.end !== false) request.end();
    };
    void write();
  });
}

/** The spool folder of a harness is empty (or was never created). */
export async function spoolIsEmpty(harness: Harness): Promise<boolean> {
  return (await harness.spoolEntries()).length === 0;
}

/** Every response text and log line of the harness that shows the token: a suite expects none. */
export function textsShowingToken(harness: Pick<Harness, 'observed' | 'logLines'>): string[] {
  return [...harness.observed, ...harness.logLines].filter((text) => text.includes(TEST_TOKEN));
}

/** Polls `condition` every 25 ms until it holds or `timeoutMs` pass; answers whether it held. */
export async function waitFor(condition: () => Promise<boolean>, timeoutMs = 3000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return condition();
}
