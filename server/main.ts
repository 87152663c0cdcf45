/**
 * `npm start`: reads the environment, starts the server (sandbox mode without TOMTICKET_TOKEN),
 * prints where to open it, and closes cleanly on SIGINT/SIGTERM.
 */
import { readConfig } from './config/read-config.ts';
import { createRedactor } from './log/create-redactor.ts';
import { startServer, startupMessage } from './start-server.ts';

const redact = createRedactor([process.env.TOMTICKET_TOKEN?.trim() ?? '']);

try {
  const config = readConfig(process.env);
  const server = await startServer({ config });
  process.stdout.write(`${startupMessage(server)}\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal} received, closing…\n`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => fail('could not close cleanly', error),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
} catch (error) {
  fail('cannot start', error);
}

function fail(what: string, error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`TomTicket form server ${what}: ${redact(message)}\n`);
  process.exit(1);
}
