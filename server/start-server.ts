import { join, resolve } from 'node:path';
import { DEFAULT_TEXT_RULES, LIMITS, type TextRules } from '../contract/index.ts';
import { accountFingerprint } from './account/account-fingerprint.ts';
import { readLearnedLengthUnit } from './account/learned-length-unit.ts';
import { createApp } from './app.ts';
import { DEFAULT_DATA_DIR, DEFAULT_MAX_CONNECTIONS, DEFAULT_OUTBOX_MAX_MB, DELIVERY_DEFAULTS } from './config/read-config.ts';
import type { ServerConfig } from './config/types.ts';
import { listenNode } from './http/node-listener.ts';
import { createLogger, type Logger } from './log/index.ts';
import { createDelivery, type TicketDelivery } from './outbox/delivery.ts';
import { createIdempotencyStore } from './outbox/idempotency-store.ts';
import { createOutboxDiskUsage } from './outbox/outbox-disk-usage.ts';
import { createOutboxStore } from './outbox/outbox-store.ts';
import { createUpstreamHealth } from './routes/upstream-health.ts';
import { sweepSpool } from './submission/spool-folder.ts';
import { demoFakeOptions, SANDBOX_TOKEN } from './sandbox/demo-data.ts';
import { startFakeTomTicket } from './sandbox/fake-tomticket.ts';
import { createSandboxRoutes } from './sandbox/inbox.ts';
import type { FakeTomTicket } from './sandbox/types.ts';
import { composeTicket } from './notes/compose-ticket.ts';
import { createFormSchemaSource, createListingStore, loadFormConfig } from './schema/index.ts';
import type { FormConfigFile } from './schema/types.ts';
import { createRateLimiter, createTomTicketClient } from './tomticket/index.ts';

/** Options of {@link startServer}. */
export interface StartServerOptions {
  config: ServerConfig;
  /** The logger to use; default a JSON-line logger redacting the token, writing to `log`. */
  logger?: Logger;
  /** Where the default logger writes each line (tests capture it); default stdout. */
  log?: (line: string) => void;
}

/** A running companion server. */
export interface RunningServer {
  /** The address it listens on, e.g. http://127.0.0.1:8787. */
  url: string;
  /** The configuration in effect: in sandbox mode, with the fake's URL and the sandbox token. */
  config: ServerConfig;
  /** The built-in fake TomTicket, in sandbox mode only. */
  fake?: FakeTomTicket;
  /** The outbox's delivery (status and entries; tests read it). */
  delivery: TicketDelivery;
  /**
   * Stops accepting, answers waiting submissions 202 (their tickets are in the outbox), gives
   * in-flight requests a moment to finish, lets the delivery tries under way end, then stops the fake.
   */
  close(): Promise<void>;
}

// Long enough for a submission already at TomTicket to get its answer, short enough for Ctrl-C.
const CLOSE_GRACE_MS = 3000;
// Far longer than any request can live (upload timeout plus upstream calls and their retries).
const STALE_SPOOL_MS = 60 * 60 * 1000;
const IDEMPOTENCY_SWEEP_MS = 60 * 60 * 1000;
// Often enough that room freed by deliveries is seen within a minute; a walk of a large outbox
// (tens of thousands of items during a long outage) takes a second or two of file-system calls.
const OUTBOX_MEASURE_MS = 60 * 1000;

/**
 * Starts the server: in sandbox mode first a fake TomTicket on 127.0.0.1 (demo departments,
 * SANDBOX_TOKEN) that the client is pointed at; then the rate limiter, client, form schema source
 * and the HTTP listener (port 0 picks a free one). Throws when the form configuration is invalid
 * or the port is taken, leaving nothing running.
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  let config = options.config;
  let fake: FakeTomTicket | undefined;
  if (config.mode === 'sandbox') {
    fake = await startFakeTomTicket({ ...demoFakeOptions(), host: '127.0.0.1', port: 0 });
    config = { ...config, tomticket: { ...config.tomticket, token: SANDBOX_TOKEN, apiUrl: fake.url } };
  }
  // The protections' secrets are as secret as the token: no log line may show them either.
  const otherSecrets = [config.protection?.formSecret ?? '', config.protection?.identitySecret ?? ''].filter(Boolean);
  const secrets = [config.tomticket.token, ...otherSecrets];
  const logger = options.logger ?? createLogger({ secrets, write: options.log });
  let startedDelivery: TicketDelivery | undefined;
  let openClient: { close(): Promise<void> } | undefined;

  try {
    const { api } = config.tomticket;
    // On API 2.0 the account describes the custom fields: the file only changes them.
    const formConfig: FormConfigFile = config.formConfigPath ? await loadFormConfig(config.formConfigPath, { fieldsFromAccount: api === 'v2' }) : {};
    const upstreamHealth = createUpstreamHealth();
    const client = upstreamHealth.track(
      createTomTicketClient({
        api,
        apiUrl: config.tomticket.apiUrl,
        token: config.tomticket.token,
        attachmentField: config.tomticket.attachmentField,
        otherSecrets,
        timeoutMs: config.tomticket.timeoutMs,
        createCustomers: config.tomticket.createCustomers,
        limiter: createRateLimiter({ requestsPerSecond: config.tomticket.requestsPerSecond }),
        logger,
      }),
    );
    openClient = client;
    const dataDir = config.dataDir ?? resolve(DEFAULT_DATA_DIR);
    const account = accountFingerprint(config.tomticket.token);
    // How messages go and are counted: the format is configured; the unit is what `npm run doctor
    // -- --send-test` learned of this account (read again at each form refresh), else the stricter.
    let textRules: TextRules = await textRulesOf(config, dataDir, account);
    const readTextRules = async () => (textRules = await textRulesOf(config, dataDir, account));
    // Each ticket's notes (context, consent) become lines of its message or custom fields as it is queued.
    const store = createOutboxStore({
      root: dataDir,
      logger,
      secrets,
      compose: (ticket, reference, receivedAt) => composeTicket(ticket, reference, { rules: textRules, language: config.notesLanguage, receivedAt }),
    });
    // A key's answer is kept while its ticket is in the outbox, however long an outage lasts.
    const idempotency = createIdempotencyStore({ dir: join(dataDir, 'idempotency'), isHeld: store.holds });
    const delivery = createDelivery({
      store,
      idempotency,
      client,
      logger,
      config: config.delivery ?? DELIVERY_DEFAULTS,
    });
    // Before listening: what a previous run left is sorted out before anything new arrives.
    await delivery.start();
    startedDelivery = delivery;
    const outboxUsage = createOutboxDiskUsage({ root: dataDir, maxBytes: config.outboxMaxBytes ?? DEFAULT_OUTBOX_MAX_MB * 1024 * 1024 });
    await outboxUsage.measure();
    const listings = createListingStore({ dataDir, account, api, logger });
    const saved = await listings.load();
    const schemaSource = createFormSchemaSource({
      client,
      config: formConfig,
      cacheMs: config.tomticket.departmentsCacheMs,
      logger,
      ...(saved ? { saved } : {}),
      keep: listings.save,
      textRules: readTextRules,
      notes: { ...(config.contextField ? { contextField: config.contextField } : {}), language: config.notesLanguage },
    });
    if (saved) logger.info('form schema saved by an earlier run is ready in case TomTicket does not answer', { listedAt: saved.savedAt });
    // Asked at once, in the background: /healthz then knows whether TomTicket answers, and the
    // first customer does not wait for the listing.
    const warmUp = schemaSource.get().then(
      () => undefined,
      () => undefined,
    );
    const app = createApp({
      config,
      schemaSource,
      client,
      upstreamHealth,
      delivery,
      idempotency,
      outboxUsage,
      logger,
      ...(fake ? { extraRoutes: createSandboxRoutes(fake, delivery.entries, { secrets, public: config.sandboxPublic }) } : {}),
    });
    const listener = await listenNode(app, {
      host: config.host,
      port: config.port,
      requestTimeoutMs: config.requestTimeoutMs,
      headersTimeoutMs: config.headersTimeoutMs,
      maxConnections: config.maxConnections ?? DEFAULT_MAX_CONNECTIONS,
      ...(config.writeTimeoutMs !== undefined ? { writeTimeoutMs: config.writeTimeoutMs } : {}),
      bodyLimitBytes: LIMITS.requestMaxBytes,
      logger,
    });
    // In the background and after listening, so the start-up line stays the first thing printed.
    sweepSpool(config.spoolDir, STALE_SPOOL_MS).then(
      (removed) => removed > 0 && logger.warn('removed upload folders left by an earlier run', { removed }),
      (error: unknown) => logger.warn('could not sweep the spool folder', { error }),
    );
    const sweepIdempotency = () =>
      idempotency.sweep().catch((error: unknown) => logger.warn('could not sweep idempotency records', { error }));
    void sweepIdempotency();
    const sweeper = setInterval(sweepIdempotency, IDEMPOTENCY_SWEEP_MS).unref();
    // What left the outbox (delivered, dropped) is seen by the next walk; what arrives is counted at once.
    const measurer = setInterval(
      () => void outboxUsage.measure().catch((error: unknown) => logger.warn('could not measure the outbox', { error })),
      OUTBOX_MEASURE_MS,
    ).unref();
    const runningFake = fake;
    return {
      url: listener.url,
      config,
      delivery,
      ...(runningFake ? { fake: runningFake } : {}),
      async close() {
        clearInterval(sweeper);
        clearInterval(measurer);
        const deliveryStopped = delivery.stop();
        await listener.close(CLOSE_GRACE_MS);
        await deliveryStopped;
        // The first listing may still be on its way to DATA_DIR: let it land (within the grace), so
        // nothing writes there once close() has settled.
        await Promise.race([warmUp, new Promise((resolve) => setTimeout(resolve, CLOSE_GRACE_MS).unref())]);
        await client.close();
        await runningFake?.close();
      },
    };
  } catch (error) {
    await startedDelivery?.stop();
    await openClient?.close();
    await fake?.close();
    throw error;
  }
}

/** The text rules in force: MESSAGE_FORMAT, and the unit learned for this account and API (else the stricter default). */
async function textRulesOf(config: ServerConfig, dataDir: string, account: string): Promise<TextRules> {
  const lengthUnit = (await readLearnedLengthUnit(dataDir, account, config.tomticket.api)) ?? DEFAULT_TEXT_RULES.lengthUnit;
  return { messageFormat: config.messageFormat, lengthUnit };
}

const UNSPECIFIED_OR_LOOPBACK = /^http:\/\/(127\.0\.0\.1|0\.0\.0\.0|\[::1?\])(?=:)/;

/**
 * The first line `npm start` prints: the mode, where tickets go, and the address to open, e.g.
 * `TomTicket form server (sandbox mode: tickets go to the built-in fake TomTicket, see
 * http://localhost:8787/sandbox) — open http://localhost:8787`.
 */
export function startupMessage(server: Pick<RunningServer, 'url' | 'config'>): string {
  // A browser on this machine reaches a loopback or all-interfaces listener as localhost.
  const openUrl = server.url.replace(UNSPECIFIED_OR_LOOPBACK, 'http://localhost');
  const api = server.config.tomticket.api === 'v2' ? 'API 2.0' : 'the legacy API';
  const destination =
    server.config.mode === 'sandbox'
      ? `sandbox mode: tickets go to the built-in fake TomTicket through ${api}, see ${openUrl}/sandbox`
      : `live mode: tickets go to ${server.config.tomticket.apiUrl} through ${api}`;
  return `TomTicket form server (${destination}) — open ${openUrl}`;
}
