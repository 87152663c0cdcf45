/**
 * The operator's view of the outbox: `npx tsx server/outbox/outbox-cli.ts list | requeue <ref> | drop <ref>`.
 * Reads DATA_DIR and TOMTICKET_TOKEN like the server, so it finds the same folders.
 */
import { DEFAULT_DATA_DIR, readConfig } from '../config/read-config.ts';
import { createLogger } from '../log/create-logger.ts';
import { runOutboxCommand } from './outbox-command.ts';
import { createOutboxStore } from './outbox-store.ts';

const config = readConfig(process.env);
const logger = createLogger({ secrets: [config.tomticket.token], write: (line) => process.stderr.write(`${line}\n`) });
const store = createOutboxStore({ root: config.dataDir ?? DEFAULT_DATA_DIR, logger });
process.exitCode = await runOutboxCommand(process.argv.slice(2), store, (line) => process.stdout.write(`${line}\n`));
