/**
 * `npm run doctor [-- --email <customer e-mail> [--send-test]]`: checks the TomTicket account the
 * server's environment points at (the same variables: TOMTICKET_API, TOMTICKET_TOKEN,
 * TOMTICKET_API_URL, FORM_CONFIG, DATA_DIR, MESSAGE_FORMAT…) through the API the server speaks, and
 * prints a report, a line per step. With SANDBOX=true
 * it checks the built-in fake instead, as `npm start` runs it. Exit status 0 only when every step
 * it ran passed; 2 for a wrong call.
 */
import { accountFingerprint } from '../account/account-fingerprint.ts';
import { readConfig } from '../config/read-config.ts';
import { createLogger } from '../log/create-logger.ts';
import { demoFakeOptions, SANDBOX_TOKEN } from '../sandbox/demo-data.ts';
import { startFakeTomTicket } from '../sandbox/fake-tomticket.ts';
import type { FakeTomTicket } from '../sandbox/types.ts';
import { loadFormConfig } from '../schema/load-form-config.ts';
import type { ObservedAnswer } from '../tomticket/call-upstream.ts';
import { createRateLimiter, createTomTicketClient } from '../tomticket/index.ts';
import { parseDoctorArgs, DOCTOR_USAGE } from './doctor-args.ts';
import { runDoctor } from './run-doctor.ts';

const print = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<number> {
  const args = parseDoctorArgs(process.argv.slice(2));
  if (args.kind !== 'run') {
    print(DOCTOR_USAGE);
    return args.kind === 'help' ? 0 : 2;
  }
  let config;
  try {
    config = readConfig(process.env);
  } catch (error) {
    print(`✗ Configuration: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  let fake: FakeTomTicket | undefined;
  if (config.mode === 'sandbox') {
    fake = await startFakeTomTicket({ ...demoFakeOptions(), host: '127.0.0.1', port: 0 });
    config = { ...config, tomticket: { ...config.tomticket, token: SANDBOX_TOKEN, apiUrl: fake.url } };
  }
  const answers: ObservedAnswer[] = [];
  // Every failed call is reported by its step in words; the client's JSON log lines would only
  // repeat it, so they go to stderr only when asked for (DOCTOR_LOG=true).
  const verbose = process.env.DOCTOR_LOG === 'true';
  const logger = createLogger({ secrets: [config.tomticket.token], write: (line) => verbose && process.stderr.write(`${line}\n`) });
  const { api } = config.tomticket;
  const client = createTomTicketClient({
    api,
    apiUrl: config.tomticket.apiUrl,
    token: config.tomticket.token,
    attachmentField: config.tomticket.attachmentField,
    timeoutMs: config.tomticket.timeoutMs,
    // The doctor never creates customers: it asks about the one given, and sends its test as them.
    createCustomers: false,
    limiter: createRateLimiter({ requestsPerSecond: config.tomticket.requestsPerSecond }),
    logger,
    observe: (answer) => void answers.push(answer),
  });
  try {
    const where = config.mode === 'sandbox' ? `sandbox: the built-in fake TomTicket at ${config.tomticket.apiUrl}, not your account` : `live: ${config.tomticket.apiUrl}`;
    const spoken = api === 'v2' ? 'API 2.0 (TOMTICKET_API=v2)' : 'the legacy API (TOMTICKET_API=legacy)';
    print(`TomTicket doctor (${where}; ${spoken}; ${args.sendTest ? 'creates ONE test ticket' : 'read-only'})`);
    return await runDoctor({
      client,
      answers: () => answers.splice(0),
      formConfig: config.formConfigPath === undefined ? undefined : await readFormConfig(config.formConfigPath, api === 'v2'),
      ...(args.email !== undefined ? { email: args.email } : {}),
      sendTest: args.sendTest,
      messageFormat: config.messageFormat,
      dataDir: config.dataDir as string,
      account: accountFingerprint(config.tomticket.token),
      print,
    });
  } finally {
    await client.close();
    await fake?.close();
  }
}

async function readFormConfig(path: string, fieldsFromAccount: boolean) {
  try {
    return { path, config: await loadFormConfig(path, { fieldsFromAccount }) };
  } catch (error) {
    return { path, error: error instanceof Error ? error.message : String(error) };
  }
}

process.exitCode = await main();
