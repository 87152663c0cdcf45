import type { Logger } from '../log/types.ts';
import { createRedactor } from '../log/create-redactor.ts';
import { buildTicketForm } from './build-ticket-form.ts';
import { createUpstreamCaller, type UpstreamOutcome, type UpstreamRequest } from './call-upstream.ts';
import { ensureCustomer } from './ensure-customer.ts';
import { createKnownCustomers } from './known-customers.ts';
import type { RateLimiter } from './limiter.ts';
import { parseCreatedTicket } from './parse-created-ticket.ts';
import { parseDepartments } from './parse-departments.ts';
import { DEFAULT_RETRY, type RetryPolicy } from './retry-delay.ts';
import type { CreateTicketResult, SendGuard, TicketToCreate, TomTicketClient, UpstreamDepartment } from './types.ts';
import { UpstreamError } from './upstream-error.ts';

export { UpstreamError, type UpstreamErrorCode } from './upstream-error.ts';

/** Options of {@link createTomTicketClient}. */
export interface TomTicketClientOptions {
  /** Base URL of the legacy API, e.g. https://api.tomticket.com. */
  apiUrl: string;
  /** The account's secret token; it goes into URL paths and nowhere else. */
  token: string;
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
  /** The clock of that memory; tests replace it. */
  now?: () => number;
}

const REJECTED_WITHOUT_REASON = 'TomTicket refused the request without saying why.';
// A few minutes: long enough for a customer's follow-up tickets, short enough that a customer
// removed in TomTicket is soon checked again (and a refusal re-checks at once anyway).
const KNOWN_CUSTOMER_TTL_MS = 10 * 60 * 1000;
// Bounded so that a flood of distinct e-mails cannot grow the memory: ~100 bytes each.
const KNOWN_CUSTOMERS_MAX = 10_000;

/** A client of TomTicket's legacy API that answers with values, not exceptions, for expected failures. */
export function createTomTicketClient(options: TomTicketClientOptions): TomTicketClient {
  const call = createUpstreamCaller({
    ...options,
    retry: options.retry ?? DEFAULT_RETRY,
    // TomTicket's own words go to the customer and into the outbox: whatever they quote, no secret.
    redact: createRedactor([options.token, ...(options.otherSecrets ?? [])]),
  });

  const knownCustomers = createKnownCustomers({
    ttlMs: options.knownCustomerTtlMs ?? KNOWN_CUSTOMER_TTL_MS,
    maxEntries: KNOWN_CUSTOMERS_MAX,
    ...(options.now ? { now: options.now } : {}),
  });

  async function createTicket(ticket: TicketToCreate, guard?: SendGuard): Promise<CreateTicketResult> {
    const traced = (request: UpstreamRequest) =>
      call(guard?.called ? { ...request, onTry: () => guard.called?.(request.endpoint) } : request);
    const { email } = ticket.customer;
    const sendTicket = () =>
      traced({
        endpoint: 'criar_chamado',
        method: 'POST',
        segments: [{ value: email }],
        body: () => buildTicketForm(ticket),
        ...(guard ? { guard } : {}),
      });
    const customerTrusted = options.createCustomers && knownCustomers.has(email);
    if (options.createCustomers && !customerTrusted) {
      const customer = await ensureCustomer(traced, ticket.customer);
      // Checking or creating a customer makes no ticket, whatever became of the call.
      if (customer.kind !== 'ready') return failure(customer, false);
      knownCustomers.remember(email);
    }
    let creation = await sendTicket();
    if (customerTrusted && creation.kind === 'rejected') {
      // Sent on the memory's word: the customer may have been removed since. A refusal is surely
      // no ticket (and its marker is cleared), so asking once more cannot make a twin. Their words
      // are never matched: the check says whether the customer was the reason.
      knownCustomers.forget(email);
      const customer = await ensureCustomer(traced, ticket.customer);
      if (customer.kind !== 'ready') return failure(customer, false);
      knownCustomers.remember(email);
      if (customer.created) creation = await sendTicket();
    }
    if (creation.kind !== 'answer') {
      return failure(creation, creation.kind === 'timeout' || (creation.kind === 'unavailable' && creation.mayHaveTakenEffect));
    }
    // Said at once: the protocol lookup below is one more rate-limited call, and a crash during it
    // must not leave the ticket looking unsent.
    await guard?.created?.();
    const created = parseCreatedTicket(creation.body);
    if (created.id === undefined || created.protocol !== undefined) return { ok: true, ...created };
    // One more round trip on every ticket, kept on purpose: the customer sees this number.
    return { ok: true, id: created.id, ...(await lookUpProtocol(traced, created.id)) };
  }

  /** The human-facing number comes from the detail call; without it the ticket still exists. */
  async function lookUpProtocol(traced: typeof call, id: string): Promise<{ protocol?: number }> {
    const detail = await traced({ endpoint: 'chamado', method: 'GET', segments: [{ value: id, logged: true }] });
    if (detail.kind !== 'answer') {
      options.logger.warn('tomticket ticket created, protocol unknown', { id, lookup: detail.kind });
      return {};
    }
    const { protocol } = parseCreatedTicket(detail.body);
    return protocol === undefined ? {} : { protocol };
  }

  async function listDepartments(): Promise<UpstreamDepartment[]> {
    const listing = await call({ endpoint: 'departamentos', method: 'GET' });
    if (listing.kind === 'timeout') throw new UpstreamError('upstream_timeout', 'TomTicket did not list the departments in time');
    if (listing.kind === 'unavailable') throw new UpstreamError('upstream_unavailable', listing.detail);
    if (listing.kind === 'rejected') {
      throw new UpstreamError('upstream_unavailable', `departamentos refused: ${listing.message ?? 'no reason given'}`);
    }
    const departments = parseDepartments(listing.body);
    if (!departments) throw new UpstreamError('upstream_unavailable', 'departamentos answered without a data list');
    return departments;
  }

  return { createTicket, listDepartments };
}

/** A failed outcome as the result; `ticketMayExist` says whether the ticket may have been created anyway. */
function failure(outcome: Exclude<UpstreamOutcome, { kind: 'answer' }>, ticketMayExist: boolean): CreateTicketResult {
  switch (outcome.kind) {
    case 'rejected':
      return { ok: false, kind: 'rejected', message: outcome.message ?? REJECTED_WITHOUT_REASON };
    case 'unavailable':
      return { ok: false, kind: 'unavailable', detail: outcome.detail, ticketMayExist };
    case 'timeout':
      return { ok: false, kind: 'timeout', ticketMayExist };
  }
}
