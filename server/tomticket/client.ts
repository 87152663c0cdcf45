import type { Logger } from '../log/types.ts';
import { createRedactor } from '../log/create-redactor.ts';
import { createUpstreamCaller, type ObservedAnswer, type UpstreamOutcome, type UpstreamRequest } from './call-upstream.ts';
import type { ApiDialect } from './dialect.ts';
import { ensureCustomer } from './ensure-customer.ts';
import { createKnownCustomers } from './known-customers.ts';
import { createLegacyDialect } from './legacy-dialect.ts';
import type { RateLimiter } from './limiter.ts';
import { findInListing } from './find-in-listing.ts';
import { DEFAULT_RETRY, type RetryPolicy } from './retry-delay.ts';
import { createTokenHealth } from './token-health.ts';
import type { ApiName, CreateTicketResult, SendGuard, TicketToCreate, TokenCheck, TomTicketClient, UpstreamDepartment } from './types.ts';
import { UpstreamError } from './upstream-error.ts';
import { createV2Dialect, DEFAULT_ATTACHMENT_FIELD } from './v2/v2-dialect.ts';

export { UpstreamError, type UpstreamErrorCode } from './upstream-error.ts';

/** Options of {@link createTomTicketClient}. */
export interface TomTicketClientOptions {
  /** Which API to speak (TOMTICKET_API); default the legacy one. */
  api?: ApiName;
  /** Base URL of TomTicket, e.g. https://api.tomticket.com (API 2.0 lives under its `/v2.0/`). */
  apiUrl: string;
  /** The account's secret token: in the legacy API's URL paths, in API 2.0's `Authorization: Bearer` header, nowhere else. */
  token: string;
  /** API 2.0: the form field name of each attachment, `{n}` standing for its index (TOMTICKET_ATTACHMENT_FIELD). */
  attachmentField?: string;
  /** The server's other secrets (FORM_SECRET, IDENTITY_SECRET), redacted like the token from TomTicket's words. */
  otherSecrets?: readonly string[];
  /** The most one call may take, per try. */
  timeoutMs: number;
  /** Check and create the customer before each ticket. */
  createCustomers: boolean;
  /** The one limiter every call of the server goes through. */
  limiter: RateLimiter;
  logger: Logger;
  /** Retries of refused (429) or undelivered calls; default {@link DEFAULT_RETRY}. */
  retry?: RetryPolicy;
  /** Pause between retries; tests replace it. */
  sleep?: (ms: number) => Promise<void>;
  /** How long an e-mail TomTicket confirmed skips the customer check; default 10 minutes, 0 checks every time. */
  knownCustomerTtlMs?: number;
  /** The clock of that memory and of the token's health; tests replace it. */
  now?: () => number;
  /** Shown every answer as it came (the doctor reports the account's answer shapes). */
  observe?: (answer: ObservedAnswer) => void;
}

const REJECTED_WITHOUT_REASON = 'TomTicket refused the request without saying why.';
// A few minutes: long enough for a customer's follow-up tickets, short enough that a customer
// removed in TomTicket is soon checked again (and a refusal re-checks at once anyway).
const KNOWN_CUSTOMER_TTL_MS = 10 * 60 * 1000;
// Bounded so that a flood of distinct e-mails cannot grow the memory: ~100 bytes each.
const KNOWN_CUSTOMERS_MAX = 10_000;

/**
 * TomTicket's client ({@link TomTicketClient}) in the API asked for: the same steps over the legacy
 * API or API 2.0 (their differences live in the dialect), answering with values, not exceptions,
 * for expected failures. Every answer is read and classified by status and structure (never by
 * its words), and the token's health is kept from what the calls show.
 */
export function createTomTicketClient(options: TomTicketClientOptions): TomTicketClient {
  const dialect: ApiDialect =
    options.api === 'v2'
      ? createV2Dialect({ apiUrl: options.apiUrl, token: options.token, attachmentField: options.attachmentField ?? DEFAULT_ATTACHMENT_FIELD })
      : createLegacyDialect({ apiUrl: options.apiUrl, token: options.token });
  const tokenHealth = createTokenHealth(options.now ? { now: options.now } : {});
  const caller = createUpstreamCaller({
    ...options,
    dialect,
    retry: options.retry ?? DEFAULT_RETRY,
    // TomTicket's own words go to the customer and into the outbox: whatever they quote, no secret.
    redact: createRedactor([options.token, ...(options.otherSecrets ?? [])]),
    onAnswer: (outcome) => {
      if (outcome.kind === 'answer') tokenHealth.accepted();
      else if (outcome.kind === 'token_refused') tokenHealth.refused();
    },
  });
  const call = caller.call;
  const lookups = dialect.createLookupMemory();
  const knownCustomers = createKnownCustomers({
    ttlMs: options.knownCustomerTtlMs ?? KNOWN_CUSTOMER_TTL_MS,
    maxEntries: KNOWN_CUSTOMERS_MAX,
    ...(options.now ? { now: options.now } : {}),
  });

  async function createTicket(ticket: TicketToCreate, guard?: SendGuard, createOptions: { protocol?: boolean } = {}): Promise<CreateTicketResult> {
    // A call of this very ticket answered normally proves the token good now (a refusal since
    // would have said so): only then is a refusal of the creation taken at its word unchecked.
    let tokenShownGood = false;
    const traced = async (request: UpstreamRequest) => {
      const outcome = await call(guard?.called ? { ...request, onTry: () => guard.called?.(request.endpoint) } : request);
      if (outcome.kind === 'answer') tokenShownGood = true;
      return outcome;
    };
    const { email } = ticket.customer;
    const creationRequest = dialect.createTicketRequest(ticket);
    const sendTicket = () => traced({ ...creationRequest, ...(guard ? { guard } : {}) });
    const makeSureOfCustomer = () => ensureCustomer(traced, dialect, ticket.customer, lookups);
    const customerTrusted = options.createCustomers && knownCustomers.has(email);
    if (options.createCustomers && !customerTrusted) {
      const customer = await makeSureOfCustomer();
      // Checking or creating a customer makes no ticket, whatever became of the call.
      if (customer.kind !== 'ready') return failure(await explained(customer), false);
      if (customer.confirmed) knownCustomers.remember(email);
    }
    let creation = await sendTicket();
    if (customerTrusted && creation.kind === 'refused') {
      // Sent on the memory's word: the customer may have been removed since. A refusal is surely
      // no ticket (and its marker is cleared), so asking once more cannot make a twin. Their words
      // are never matched: the customer steps say whether the customer was the reason.
      knownCustomers.forget(email);
      const customer = await makeSureOfCustomer();
      if (customer.kind !== 'ready') return failure(await explained(customer), false);
      if (customer.confirmed) knownCustomers.remember(email);
      if (customer.created) creation = await sendTicket();
    }
    if (creation.kind === 'refused') return refusalOf(creationRequest.endpoint, creation, tokenShownGood);
    if (creation.kind !== 'answer') {
      return failure(await explained(creation), creation.kind === 'timeout' || (creation.kind === 'unavailable' && creation.mayHaveTakenEffect));
    }
    // Said at once: the protocol lookup below is one more rate-limited call, and a crash during it
    // must not leave the ticket looking unsent.
    await guard?.created?.();
    if (options.createCustomers) knownCustomers.remember(email);
    const created = dialect.parseCreatedTicket(creation.body);
    if (created.id === undefined || created.protocol !== undefined || createOptions.protocol === false) return { ok: true, ...created };
    // One more round trip on every ticket a customer waits for: they see this number.
    return { ok: true, id: created.id, ...(await lookUpProtocol(traced, created.id)) };
  }

  /**
   * A token refused on a write (API 2.0): one read tells a wrong token from one that may read but
   * not write, which the operator fixes with a permission in TomTicket instead of a new token.
   */
  async function explained<T extends UpstreamOutcome>(outcome: T): Promise<T> {
    if (outcome.kind !== 'token_refused' || !dialect.writesNeedPermission) return outcome;
    const token = await checkToken();
    if (token.kind !== 'accepted') return outcome;
    tokenHealth.refused('writing');
    return { ...outcome, message: WRITE_REFUSED };
  }

  /**
   * What a refusal of the creation means: the ticket refused, unless the token is (TomTicket may
   * say so with `erro: true` and HTTP 200). The token is checked (one call) unless this ticket's
   * own customer step was just answered normally; when that check gets no answer, the ticket is
   * kept for a retry rather than refused on a guess.
   */
  async function refusalOf(
    endpoint: string,
    creation: Extract<UpstreamOutcome, { kind: 'refused' }>,
    tokenShownGood: boolean,
  ): Promise<CreateTicketResult> {
    const message = creation.message ?? REJECTED_WITHOUT_REASON;
    if (tokenShownGood) return { ok: false, kind: 'rejected', message };
    const token = await checkToken();
    if (token.kind === 'accepted') return { ok: false, kind: 'rejected', message };
    if (token.kind === 'refused') return { ok: false, kind: 'token_refused', detail: `${endpoint} refused and ${token.detail}` };
    return { ok: false, kind: 'unavailable', detail: `${endpoint} refused (${message}); the token could not be checked: ${token.detail}`, ticketMayExist: false };
  }

  /** The human-facing number comes from the detail call; without it the ticket still exists. */
  async function lookUpProtocol(traced: typeof call, id: string): Promise<{ protocol?: number }> {
    const detail = await traced(dialect.ticketDetailRequest(id));
    if (detail.kind !== 'answer') {
      options.logger.warn('tomticket ticket created, protocol unknown', { id, lookup: detail.kind });
      return {};
    }
    const { protocol } = dialect.parseCreatedTicket(detail.body);
    return protocol === undefined ? {} : { protocol };
  }

  async function listDepartments(): Promise<UpstreamDepartment[]> {
    const listing = await dialect.listDepartments(call);
    if (listing.kind === 'listed') return listing.departments;
    if (listing.kind === 'malformed') throw new UpstreamError('upstream_unavailable', listing.detail);
    const { outcome } = listing;
    if (outcome.kind === 'timeout') throw new UpstreamError('upstream_timeout', `TomTicket did not answer ${listing.call} in time`);
    if (outcome.kind === 'unavailable' || outcome.kind === 'unexpected') throw new UpstreamError('upstream_unavailable', outcome.detail);
    // The listing needs nothing but the token: refusing it is refusing the token.
    tokenHealth.refused();
    throw new UpstreamError('token_refused', `${listing.call} refused (HTTP ${outcome.status}): ${outcome.message ?? 'no reason given'}`);
  }

  /** The token check: the cheapest call that needs nothing but the token. */
  async function checkToken(): Promise<TokenCheck> {
    const answer = await call(dialect.tokenCheckRequest());
    const endpoint = dialect.tokenCheckRequest().endpoint;
    switch (answer.kind) {
      case 'answer':
        return { kind: 'accepted' };
      case 'refused':
      case 'token_refused':
        tokenHealth.refused();
        return { kind: 'refused', detail: `${endpoint} refused (HTTP ${answer.status}): ${answer.message ?? 'no reason given'}` };
      case 'timeout':
        return { kind: 'unknown', detail: `TomTicket did not answer ${endpoint} in time` };
      default:
        return { kind: 'unknown', detail: answer.detail };
    }
  }

  return {
    api: dialect.api,
    calls: dialect.calls,
    createTicket,
    listDepartments,
    checkToken,
    findTicket: (lookup) => findInListing(call, dialect, lookup),
    tokenState: () => tokenHealth.current(),
    customerLookups: dialect.customerLookups,
    async lookUpCustomer(email, form) {
      if (!dialect.customerLookups.some((lookup) => lookup.name === form)) throw new RangeError(`no customer lookup named ${form}`);
      const check = dialect.readCustomerCheck(await call(dialect.customerCheckRequest(email, form)));
      if (check.kind === 'not_understood') return { kind: 'not_understood', detail: check.message ?? REJECTED_WITHOUT_REASON };
      if (check.kind === 'failed') return { kind: 'failed', detail: describeFailure(check.outcome) };
      if (check.kind === 'absent') return check.fromRefusal ? { kind: 'absent', viaRefusal: true } : { kind: 'absent' };
      return check;
    },
    close: caller.close,
  };
}

/** What a write refused to a token that reads means (API 2.0), for the logs, the outbox and the doctor. */
const WRITE_REFUSED =
  'TomTicket accepts the token for reading but refuses it this write: give the token the permission "Pode criar e modificar dados" in TomTicket';

/** A failed outcome as the result; `ticketMayExist` says whether the ticket may have been created anyway. */
function failure(
  outcome: Extract<UpstreamOutcome, { kind: 'unavailable' | 'timeout' | 'token_refused' | 'unexpected' }>,
  ticketMayExist: boolean,
): CreateTicketResult {
  switch (outcome.kind) {
    case 'token_refused':
      return { ok: false, kind: 'token_refused', detail: describeFailure(outcome) };
    case 'unexpected':
      return { ok: false, kind: 'unexpected', detail: outcome.detail };
    case 'unavailable':
      return { ok: false, kind: 'unavailable', detail: outcome.detail, ticketMayExist };
    case 'timeout':
      return { ok: false, kind: 'timeout', ticketMayExist };
  }
}

/** A failure in words for logs and reports (endpoint names and statuses, never the token). */
export function describeFailure(outcome: Exclude<UpstreamOutcome, { kind: 'answer' }>): string {
  switch (outcome.kind) {
    case 'refused':
      return `refused (HTTP ${outcome.status}): ${outcome.message ?? 'no reason given'}`;
    case 'token_refused':
      return outcome.message === WRITE_REFUSED ? `${WRITE_REFUSED} (HTTP ${outcome.status})` : `the token was refused (HTTP ${outcome.status})`;
    case 'unexpected':
    case 'unavailable':
      return outcome.detail;
    case 'timeout':
      return 'no answer within the timeout';
  }
}
