/**
 * `node dist/server/main.js`: reads the environment, starts the server, prints where to open it,
 * and closes cleanly on SIGINT/SIGTERM: stops accepting, answers waiting submissions 202 (their
 * tickets are already in the outbox), lets delivery tries under way end. Without TOMTICKET_TOKEN it
 * exits with status 1 unless SANDBOX=true; `--sandbox-by-default` (what `npm start` passes) means
 * SANDBOX=true when neither is set, so a fresh clone's first command still shows the sandbox.
 */
import { readConfig } from './config/read-config.ts';
import { createRedactor } from './log/create-redactor.ts';
import { secretsInEnv } from './log/secrets-in-env.ts';
import { startServer, startupMessage } from './start-server.ts';

// Every secret, not only the token: a value pasted into the wrong variable is quoted by its error.
const redact = createRedactor(secretsInEnv(process.env));

const SANDBOX_BY_DEFAULT = '--sandbox-by-default';

try {
  const unset = (name: string) => (process.env[name]?.trim() ?? '') === '';
  const env = process.argv.includes(SANDBOX_BY_DEFAULT) && unset('TOMTICKET_TOKEN') && unset('SANDBOX') ? { ...process.env, SANDBOX: 'true' } : process.env;
  const config = readConfig(env);
  const server = await startServer({ config });
  process.stdout.write(`${startupMessage(server)}\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      // A second signal: leave now. The outbox stays consistent (an interrupted try is parked
      // as uncertain on the next start, never resent), so nothing accepted is lost.
      process.stdout.write(`${signal} received again, exiting without waiting\n`);
      process.exit(1);
    }
    stopping = true;
    process.stdout.write(`${signal} received, closing (accepted tickets stay in the outbox)…\n`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => fail('could not close cleanly', error),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
} catch (error) {
  fail('cannot start', error);
}

function fail(what: string, error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`TomTicket form server ${what}: ${redact(message)}\n`);
  process.exit(1);
}
