/**
 * The operator's view of the outbox: `npx tsx server/outbox/outbox-cli.ts list | requeue <ref> | drop <ref>`.
 * Reads DATA_DIR and TOMTICKET_TOKEN (or SANDBOX=true) like the server, so it finds the same folders.
 */
import { DEFAULT_DATA_DIR, readConfig } from '../config/read-config.ts';
import { createLogger } from '../log/create-logger.ts';
import { createRedactor } from '../log/create-redactor.ts';
import { secretsInEnv } from '../log/secrets-in-env.ts';
import { runOutboxCommand } from './outbox-command.ts';
import { createOutboxStore } from './outbox-store.ts';

// What it prints comes from tickets and their errors, written by any version of the server: every
// line, and any failure, has the three secrets redacted here too.
const secrets = secretsInEnv(process.env);
const redact = createRedactor(secrets);
try {
  const config = readConfig(process.env);
  const logger = createLogger({ secrets, write: (line) => process.stderr.write(`${line}\n`) });
  const store = createOutboxStore({ root: config.dataDir ?? DEFAULT_DATA_DIR, logger, secrets });
  process.exitCode = await runOutboxCommand(process.argv.slice(2), store, (line) => process.stdout.write(`${redact(line)}\n`));
} catch (error) {
  process.stderr.write(`outbox command failed: ${redact(error instanceof Error ? error.message : String(error))}\n`);
  process.exitCode = 1;
}
