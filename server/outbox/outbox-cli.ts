/**
 * The operator's view of the outbox: `npx tsx server/outbox/outbox-cli.ts list | requeue <ref> | drop <ref>`.
 * Reads DATA_DIR and TOMTICKET_TOKEN (or SANDBOX=true) like the server, so it finds the same folders.
 */
import { DEFAULT_DATA_DIR, readConfig } from '../config/read-config.ts';
import { createLogger } from '../log/create-logger.ts';
import { runOutboxCommand } from './outbox-command.ts';
import { createOutboxStore } from './outbox-store.ts';

let config;
try {
  config = readConfig(process.env);
} catch (error) {
  // No token and no SANDBOX=true: which folder to read cannot be told (live or sandbox).
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
const logger = createLogger({ secrets: [config.tomticket.token], write: (line) => process.stderr.write(`${line}\n`) });
const store = createOutboxStore({ root: config.dataDir ?? DEFAULT_DATA_DIR, logger });
process.exitCode = await runOutboxCommand(process.argv.slice(2), store, (line) => process.stdout.write(`${line}\n`));
