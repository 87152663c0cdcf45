import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../log/create-logger.ts';
import type { Logger } from '../log/types.ts';
import type { TicketToCreate } from '../tomticket/types.ts';

/** A temp folder for one test: DATA_DIR, a spool folder, a logger capturing its lines, and cleanup. */
export interface OutboxTestFolder {
  root: string;
  spool: string;
  logLines: string[];
  logger: Logger;
  /** Spools a file as the request route would, for a ticket's attachments. */
  spoolFile(name: string, content: string | Uint8Array): Promise<TicketToCreate['attachments'][number]>;
  remove(): Promise<void>;
}

/** Makes a fresh {@link OutboxTestFolder}. */
export async function createOutboxTestFolder(): Promise<OutboxTestFolder> {
  const base = await mkdtemp(join(tmpdir(), 'outbox-test-'));
  const root = join(base, 'data');
  const spool = join(base, 'spool');
  const logLines: string[] = [];
  let files = 0;
  return {
    root,
    spool,
    logLines,
    logger: createLogger({ secrets: [], write: (line) => logLines.push(line) }),
    async spoolFile(name, content) {
      await mkdir(spool, { recursive: true });
      const path = join(spool, `upload-${files++}`);
      await writeFile(path, content);
      const size = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
      return { fileName: name, type: 'application/octet-stream', size, path };
    },
    remove: () => rm(base, { recursive: true, force: true }),
  };
}

/** A valid ticket, as validation makes them; `overrides` replace parts. */
export function testTicket(overrides: Partial<TicketToCreate> = {}): TicketToCreate {
  return {
    customer: { email: 'ana@example.com', name: 'Ana' },
    departmentId: 'dep-suporte',
    title: 'Não consigo entrar',
    message: 'Desde ontem a senha não é aceita.',
    priority: 2,
    customFields: {},
    attachments: [],
    ...overrides,
  };
}
