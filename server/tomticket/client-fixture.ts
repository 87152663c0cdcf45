import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../log/create-logger.ts';
import { startFakeTomTicket } from '../sandbox/fake-tomticket.ts';
import type { FakeTomTicket, FakeTomTicketOptions } from '../sandbox/types.ts';
import { createTomTicketClient, type TomTicketClientOptions } from './client.ts';
import { createRateLimiter } from './limiter.ts';
import type { SpooledFile, TicketToCreate, TomTicketClient } from './types.ts';

/** The fake account's token in client tests: characters that must be URL-encoded, so both forms are checked. */
export const TOKEN = 'tt-s3cr3t/token+ç';

/** The departments of the fake account the client tests use. */
export const DEPARTMENTS = [
  { id: 'dep-support', name: 'Suporte', categories: [{ id: 'cat-webcam', name: 'Webcam' }] },
  { id: 'dep-sales', name: 'Vendas', categories: [] },
];

/** A customer the fake account already knows. */
export const KNOWN_CUSTOMER = { id: 'cust-1', email: 'ana@example.com', name: 'Ana' };

/** A running fake with a client in front of it, and every log line the client wrote. */
export interface ClientFixture {
  fake: FakeTomTicket;
  client: TomTicketClient;
  logLines: string[];
  close(): Promise<void>;
}

/** Starts a fake TomTicket on 127.0.0.1 and a client pointed at it, through a limiter of 3 per second. */
export async function startClientFixture(
  clientOptions: Partial<TomTicketClientOptions> = {},
  fakeOptions: Partial<FakeTomTicketOptions> = {},
): Promise<ClientFixture> {
  const fake = await startFakeTomTicket({ token: TOKEN, departments: DEPARTMENTS, customers: [KNOWN_CUSTOMER], ...fakeOptions });
  const logLines: string[] = [];
  const client = createTomTicketClient({
    apiUrl: fake.url,
    token: TOKEN,
    timeoutMs: 5000,
    createCustomers: false,
    limiter: createRateLimiter({ requestsPerSecond: 3 }),
    logger: createLogger({ secrets: [TOKEN], write: (line) => logLines.push(line) }),
    ...clientOptions,
  });
  return { fake, client, logLines, close: () => fake.close() };
}

/** A minimal valid ticket for the fake account, from the known customer unless told otherwise. */
export function ticket(overrides: Partial<TicketToCreate> = {}): TicketToCreate {
  return {
    customer: { email: KNOWN_CUSTOMER.email },
    departmentId: 'dep-support',
    title: 'Câmera não liga',
    message: 'A webcam parou depois da atualização.',
    priority: 2,
    customFields: {},
    attachments: [],
    ...overrides,
  };
}

/** Files spooled in a temporary folder, with the digest of each, as the submission code would hand them over. */
export async function spoolFiles(
  specs: Array<{ fileName: string; type: string; bytes: Buffer }>,
): Promise<{ files: SpooledFile[]; sha256: string[]; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'client-test-'));
  const files: SpooledFile[] = [];
  for (const [index, spec] of specs.entries()) {
    const path = join(dir, `spooled-${index}`);
    await writeFile(path, spec.bytes);
    files.push({ fileName: spec.fileName, type: spec.type, size: spec.bytes.length, path });
  }
  return {
    files,
    sha256: specs.map((spec) => createHash('sha256').update(spec.bytes).digest('hex')),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** The most requests the fake saw in any window of `windowMs` starting at one of them. */
export function busiestWindow(arrivals: readonly number[], windowMs: number): number {
  const sorted = [...arrivals].sort((a, b) => a - b);
  let most = 0;
  for (const [index, start] of sorted.entries()) {
    let count = 0;
    for (let next = index; next < sorted.length && (sorted[next] as number) < start + windowMs; next++) count++;
    most = Math.max(most, count);
  }
  return most;
}

/** Fails when the token shows up, raw or URL-encoded, in any of the texts. */
export function expectNoToken(texts: readonly string[]): void {
  for (const text of texts) {
    if (text.includes(TOKEN) || text.includes(encodeURIComponent(TOKEN))) {
      throw new Error(`the token leaked into: ${text.replaceAll(TOKEN, '<TOKEN>')}`);
    }
  }
}
