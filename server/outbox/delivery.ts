import { join } from 'node:path';
import type { DeliveryConfig } from '../config/types.ts';
import type { Logger } from '../log/types.ts';
import { retryDelayMs } from '../tomticket/retry-delay.ts';
import type { CreateTicketResult, SendGuard, TicketToCreate, TomTicketClient } from '../tomticket/types.ts';
import { deliveryVerdict, type DeliveryVerdict } from './delivery-verdict.ts';
import { toEntryView } from './entry-view.ts';
import type { IdempotencyStore } from './idempotency-store.ts';
import type { OutboxStore } from './outbox-store.ts';
import { recoverOutbox } from './recover-outbox.ts';
import { storedAnswerOf, type SubmissionAnswer } from './submission-answer.ts';
import { lookupVerdict } from './lookup-verdict.ts';
import { referenceLine } from './ticket-reference.ts';
import { createTokenWatch } from './token-watch.ts';
import type { ItemIdempotency, OutboxEntryView, OutboxItem, OutboxState, OutboxStatus } from './types.ts';

/** What {@link createDelivery} works with. */
export interface DeliveryOptions {
  store: OutboxStore;
  idempotency: IdempotencyStore;
  /** The TomTicket client; its calls go through the server's one shared rate limiter. */
  client: TomTicketClient;
  logger: Logger;
  config: DeliveryConfig;
  /** How often `outbox/` is read again for items an operator put back; default 2 s. */
  rescanMs?: number;
  now?: () => number;
  random?: () => number;
}

/** Tickets from the outbox to TomTicket: the first try while the customer waits, the rest in the background. */
export interface TicketDelivery {
  /** Recovers what a previous run left, then starts the background worker. */
  start(): Promise<void>;
  /**
   * Writes a validated ticket to the outbox (durably, before any upstream call), tries it once
   * within DELIVERY_WAIT_MS and answers: created, rejected, or queued (still trying, or parked).
   */
  submit(ticket: TicketToCreate, idempotency?: ItemIdempotency): Promise<SubmissionAnswer>;
  /** Queue depth, parked items and the oldest waiting ticket's age, for /healthz. */
  status(): Promise<OutboxStatus>;
  /** Every item not yet delivered (waiting, uncertain, dead), for the sandbox inbox. */
  entries(): Promise<OutboxEntryView[]>;
  /**
   * Stops trying: waiting customers are answered 202 at once, no new try starts; settles when the
   * tries under way have ended, so the outbox is left consistent.
   */
  stop(): Promise<void>;
}

/** What a customer-facing try needs to know on the way: the answer must be decided before the item goes. */
interface AttemptHooks {
  /** Decides (and stores) the created answer; the item is removed only after this settles. */
  onDelivered?: (ticket: { id?: string; protocol?: number }) => Promise<void>;
  /** Takes the answer for a refusal if the customer still waits; false when they were already told "queued". */
  onRejected?: (message: string) => boolean;
}

/** What one try cost upstream, for the ticket's one log line. */
interface Trail {
  /** The endpoint of each upstream try, in order (a retried call appears once per try). */
  upstreamCalls: string[];
  startedAt: number;
}

interface Waiting {
  item: OutboxItem;
  /** When the worker may try it (ms on the `now` clock); Infinity while its first try is the customer's. */
  dueAt: number;
}

// Tickets tried at once by the worker: with 3 upstream calls a second and up to 4 calls a ticket,
// more would only queue inside the limiter, where they could not be reordered oldest first.
const WORKER_CONCURRENCY = 3;
const DEFAULT_RESCAN_MS = 2000;
const DEFAULT_LOOKUP_GRACE_MS = 5 * 60 * 1000;
const DEFAULT_MAX_REFUSALS = 5;

/** The outbox's delivery: one per server, owning the worker's timers until stop(). */
export function createDelivery(options: DeliveryOptions): TicketDelivery {
  const { store, idempotency, client, logger, config } = options;
  const now = options.now ?? Date.now;
  const policy = { attempts: Number.POSITIVE_INFINITY, baseDelayMs: config.retryBaseMs, maxDelayMs: config.retryMaxMs };
  const lookupGraceMs = config.lookupGraceMs ?? DEFAULT_LOOKUP_GRACE_MS;
  const maxRefusals = config.maxRefusals ?? DEFAULT_MAX_REFUSALS;
  const waiting = new Map<string, Waiting>();
  const busy = new Set<string>();
  const running = new Set<Promise<void>>();
  const answerNowCallbacks = new Set<() => void>();
  let adding = 0;
  let workerSlots = 0;
  let stopping = false;
  let pumpScheduled = false;
  let rescanning = false;
  let wakeTimer: ReturnType<typeof setTimeout> | undefined;
  let rescanTimer: ReturnType<typeof setInterval> | undefined;
  const tokenRefused = () => client.tokenState().state === 'refused';
  // While TomTicket refuses the token nothing is tried: one probe at growing intervals asks again.
  const tokenWatch = createTokenWatch({
    client,
    logger,
    delayMs: (probes) => retryDelayMs(probes, policy, options.random),
    onAccepted() {
      logger.warn('TomTicket accepts the token again: delivering the tickets kept meanwhile', { waiting: waiting.size });
      for (const entry of waiting.values()) if (Number.isFinite(entry.dueAt)) entry.dueAt = now();
      kick();
    },
  });

  const track = (work: Promise<void>) => {
    running.add(work);
    void work.finally(() => running.delete(work));
  };
  const schedule = (item: OutboxItem, delayMs: number) => {
    waiting.set(item.reference, { item, dueAt: now() + delayMs });
    kick();
  };
  const kick = () => {
    if (pumpScheduled || stopping) return;
    pumpScheduled = true;
    setImmediate(pump);
  };

  /** Starts due items, oldest first, while worker slots are free; sleeps until the next one is due. */
  function pump() {
    pumpScheduled = false;
    clearTimeout(wakeTimer);
    wakeTimer = undefined;
    if (stopping) return;
    if (tokenRefused()) {
      tokenWatch.watch();
      return;
    }
    const time = now();
    const idle = [...waiting.values()].filter((entry) => !busy.has(entry.item.reference));
    const due = idle.filter((entry) => entry.dueAt <= time).sort(oldestFirst);
    for (const entry of due) {
      if (workerSlots >= WORKER_CONCURRENCY) break;
      workerSlots++;
      track(attempt(entry.item).finally(() => workerSlots--));
    }
    // A loop, not Math.min(...all): spreading a queue of ~10⁵ items into one call overflows the stack.
    let next = Number.POSITIVE_INFINITY;
    for (const entry of idle) if (entry.dueAt > time && entry.dueAt < next) next = entry.dueAt;
    if (Number.isFinite(next)) wakeTimer = setTimeout(pump, next - time).unref();
  }

  /**
   * One delivery try of an item in `outbox/`, and what follows from it. Never rejects.
   * `premarked`: the item was written with its `sending` marker (see OutboxStore.add): the first
   * try of criar_chamado needs no marker of its own.
   */
  async function attempt(item: OutboxItem, hooks: AttemptHooks = {}, premarked = false): Promise<void> {
    const { reference } = item;
    busy.add(reference);
    const trail: Trail = { upstreamCalls: [], startedAt: performance.now() };
    try {
      let verdict: DeliveryVerdict;
      let current = item;
      try {
        if (item.unknownSince !== undefined) {
          // TomTicket may have it already: the listing decides whether it may be sent again.
          const settled = await settleUnknown(item, hooks, trail);
          if (settled === undefined) return;
          current = settled;
        }
        verdict = deliveryVerdict(await createTicket(current, hooks, trail, premarked && current === item));
      } catch (error) {
        // A bug or a file gone from the item: whether anything went out is unknown.
        verdict = { kind: 'unknown', reason: `unexpected failure: ${error instanceof Error ? error.name : typeof error}` };
        logger.error('unexpected failure while delivering a ticket', { reference, error });
      }
      const tried: OutboxItem = { ...current, attempts: current.attempts + 1, lastAttemptAt: new Date(now()).toISOString() };
      try {
        await settle(tried, verdict, hooks, trail);
      } catch (error) {
        // Forgotten here, left on disk as it is: a try that may have gone out still carries its
        // marker (the next start settles it), one that surely did not is picked up by the rescan.
        waiting.delete(reference);
        logger.error('outbox could not record a delivery outcome; the item waits for a restart', {
          reference,
          outcome: verdict.kind,
          error,
        });
      }
    } catch (error) {
      waiting.delete(reference);
      logger.error('outbox could not settle an unknown outcome; the item waits for a restart', { reference, error });
    } finally {
      busy.delete(reference);
      kick();
    }
  }

  /** One try of criar_chamado for an item, guarded: the marker is on disk exactly while it may be on its way. */
  function createTicket(item: OutboxItem, hooks: AttemptHooks, trail: Trail, premarked: boolean): Promise<CreateTicketResult> {
    const { reference } = item;
    // A crash while the marker is there leaves the item's outcome unknown on the next start; a
    // crash while waiting for the limiter or a retry does not (except a pre-marked first try's).
    let marked = premarked;
    const guard: SendGuard = {
      beforeSend: async () => {
        if (marked) return;
        await store.startAttempt(reference);
      },
      notSent: async () => {
        marked = false;
        await store.clearAttempt(reference);
      },
      created: () => store.markCreated(reference),
      called: (endpoint) => void trail.upstreamCalls.push(endpoint),
    };
    // The protocol number costs one more call: only worth it while a customer waits for it.
    return options.client.createTicket(store.ticketOf(item), guard, { protocol: hooks.onDelivered !== undefined });
  }

  /**
   * Looks an item whose outcome is unknown up in TomTicket's listing. Found: delivered (with its
   * protocol). Not there once the grace period has passed: the item, cleared, to be sent now.
   * Otherwise it is asked again later (or, past OUTBOX_DEAD_AFTER_MS, waits in `uncertain/` for a
   * person). Undefined when the item needs nothing more now.
   */
  async function settleUnknown(item: OutboxItem, hooks: AttemptHooks, trail: Trail): Promise<OutboxItem | undefined> {
    const { reference } = item;
    const ticket = item.ticket;
    const lookup = await options.client.findTicket({
      email: ticket.customer.email,
      ...(ticket.message.includes(referenceLine(reference)) ? { reference } : {}),
      title: ticket.title,
      message: ticket.message,
      receivedAt: new Date(item.receivedAt),
      called: (endpoint) => void trail.upstreamCalls.push(endpoint),
    });
    const verdict = lookupVerdict(item, lookup, {
      now: now(),
      lookupGraceMs,
      deadAfterMs: config.deadAfterMs,
      retryDelayMs: (attempts) => retryDelayMs(attempts, policy, options.random),
    });
    switch (verdict.kind) {
      case 'delivered':
        waiting.delete(reference);
        await hooks.onDelivered?.(verdict.ticket);
        await store.removeDelivered(item);
        logger.info('ticket delivered', { reference, attempts: item.attempts, protocol: verdict.ticket.protocol, foundInListing: true, ...costOf(trail) });
        return undefined;
      case 'resend':
        logger.warn('ticket not in TomTicket’s listing after the grace period: sending it again', { reference, unknownSince: item.unknownSince });
        await store.finishAttempt(verdict.item);
        return verdict.item;
      case 'park':
        await park(verdict.item, 'uncertain', 'ticket parked as uncertain: TomTicket’s listing could not tell whether it was created; look for its reference in TomTicket');
        return undefined;
      case 'ask_later':
        await store.finishAttempt(verdict.item);
        schedule(verdict.item, verdict.delayMs);
        return undefined;
    }
  }

  /** What one try cost upstream and how long it took, for its log line. */
  function costOf(trail: Trail) {
    return { upstreamCalls: trail.upstreamCalls, durationMs: Math.round(performance.now() - trail.startedAt) };
  }

  async function settle(item: OutboxItem, verdict: DeliveryVerdict, hooks: AttemptHooks, trail: Trail): Promise<void> {
    const { reference } = item;
    // The ticket's one line (per try): what it cost upstream and how long it took, answer included.
    const cost = () => costOf(trail);
    switch (verdict.kind) {
      case 'delivered':
        tokenWatch.reset();
        // Out of the queue before the customer hears of it (busy keeps the rescan off it meanwhile).
        waiting.delete(reference);
        await hooks.onDelivered?.(verdict.ticket);
        await store.removeDelivered(item);
        logger.info('ticket delivered', { reference, attempts: item.attempts, protocol: verdict.ticket.protocol, id: verdict.ticket.id, ...cost() });
        return;
      case 'rejected':
        if (hooks.onRejected?.(verdict.message)) {
          await store.remove('outbox', reference);
          waiting.delete(reference);
          logger.warn('ticket refused by TomTicket', { reference, upstreamMessage: verdict.message, ...cost() });
          return;
        }
        // The customer was already told it was received: it must not vanish.
        return park({ ...item, lastError: `TomTicket refused it: ${verdict.message}` }, 'dead', 'ticket refused by TomTicket after it was queued');
      case 'unknown': {
        const unknown: OutboxItem = { ...item, lastError: verdict.reason, unknownSince: new Date(now()).toISOString() };
        await store.recordUnknown(unknown);
        logger.warn('ticket outcome unknown: looking it up in TomTicket’s listing before any resend', { reference, reason: verdict.reason, ...cost() });
        // Asked at once: a ticket TomTicket made before the answer was lost is found now, and a
        // customer still waiting gets its protocol number.
        const cleared = await settleUnknown(unknown, hooks, trail);
        // Not there and no grace to wait out (OUTBOX_LOOKUP_GRACE_MS=0): the worker sends it again.
        if (cleared) schedule(cleared, 0);
        return;
      }
      case 'token_refused': {
        const held: OutboxItem = { ...item, lastError: `TomTicket refuses the token: ${verdict.reason}` };
        await store.finishAttempt(held);
        // Due at once, but nothing starts while the token is refused: the probe makes it go.
        schedule(held, 0);
        logger.error('TomTicket refuses TOMTICKET_TOKEN: the ticket is kept and sent once the token is accepted', {
          reference,
          reason: verdict.reason,
          whatToDo:
            client.tokenState().state === 'refused' && (client.tokenState() as { writing?: true }).writing
              ? 'give the token the permission "Pode criar e modificar dados" in TomTicket (it may read but not create tickets), or make a new token with it; run `npm run doctor` to check'
              : 'copy a valid token from TomTicket into TOMTICKET_TOKEN and restart, or re-enable this token in TomTicket; run `npm run doctor` to check',
          ...cost(),
        });
        return;
      }
      case 'refused_unread': {
        const refusals = (item.refusals ?? 0) + 1;
        const counted: OutboxItem = { ...item, refusals, lastError: verdict.reason };
        if (refusals >= maxRefusals) return park(counted, 'dead', `ticket answered ${refusals} times in a way the server cannot read (OUTBOX_MAX_REFUSALS)`);
        return retryLater(counted, cost());
      }
      case 'retry':
        return retryLater({ ...item, lastError: verdict.reason }, cost());
    }
  }

  /** Schedules another try after the backoff, or moves the item to `dead/` once it has failed past OUTBOX_DEAD_AFTER_MS. */
  async function retryLater(item: OutboxItem, cost: Record<string, unknown>): Promise<void> {
    const since = Date.parse(item.releasedAt ?? item.receivedAt);
    if (now() - since >= config.deadAfterMs) return park(item, 'dead', 'ticket kept failing past OUTBOX_DEAD_AFTER_MS');
    await store.finishAttempt(item);
    const delayMs = retryDelayMs(item.attempts, policy, options.random);
    schedule(item, delayMs);
    logger.warn('ticket not delivered yet; will retry', {
      reference: item.reference,
      attempts: item.attempts,
      retryInMs: delayMs,
      reason: item.lastError,
      ...cost,
    });
  }

  /** Moves an item out of the queue for an operator, loudly. */
  async function park(item: OutboxItem, to: Exclude<OutboxState, 'outbox'>, message: string): Promise<void> {
    await store.move(item, 'outbox', to);
    waiting.delete(item.reference);
    logger.error(message, {
      reference: item.reference,
      attempts: item.attempts,
      lastError: item.lastError,
      folder: join(store.root, to, item.reference),
    });
  }

  /** Stores a key's answer (created or queued: the outcomes that mean a ticket) before it is sent. */
  async function recordAnswer(item: OutboxItem, answer: SubmissionAnswer): Promise<void> {
    if (!item.idempotency || answer.kind === 'rejected') return;
    await idempotency.save(item.idempotency.keyHash, {
      fingerprint: item.idempotency.fingerprint,
      answer: storedAnswerOf(answer),
      reference: item.reference,
    });
  }

  /** Reads `outbox/` again: items an operator moved in are queued, items an operator removed are forgotten. */
  async function rescan(): Promise<void> {
    if (stopping || rescanning) return;
    rescanning = true;
    try {
      const onDisk = new Set(await store.references('outbox'));
      // While a submission is being written, its folder may appear before it is queued here.
      const untracked = (reference: string) => adding === 0 && !waiting.has(reference) && !busy.has(reference);
      for (const reference of onDisk) {
        if (!untracked(reference)) continue;
        // A leftover marker means an outcome that could not be recorded: only a restart may judge it.
        if ((await store.hasAttemptMarker(reference)) || (await store.hasCreatedMarker(reference))) continue;
        const item = await store.read('outbox', reference);
        if (!item || !untracked(reference)) continue;
        waiting.set(reference, { item, dueAt: now() });
        logger.info('outbox item picked up', { reference });
      }
      for (const [reference] of waiting) {
        if (!onDisk.has(reference) && !busy.has(reference) && adding === 0) waiting.delete(reference);
      }
      kick();
    } catch (error) {
      logger.warn('could not read the outbox folder again', { error });
    } finally {
      rescanning = false;
    }
  }

  async function status(): Promise<OutboxStatus> {
    const time = now();
    let oldest = Number.POSITIVE_INFINITY;
    for (const { item } of waiting.values()) oldest = Math.min(oldest, Date.parse(item.receivedAt));
    return {
      queued: waiting.size,
      uncertain: (await store.references('uncertain')).length,
      dead: (await store.references('dead')).length,
      oldestAgeSeconds: Number.isFinite(oldest) ? Math.max(0, Math.floor((time - oldest) / 1000)) : null,
    };
  }

  return {
    async start() {
      await store.init();
      await recoverOutbox({ store, idempotency, logger });
      for (const item of await store.list('outbox')) waiting.set(item.reference, { item, dueAt: now() });
      rescanTimer = setInterval(() => void rescan(), options.rescanMs ?? DEFAULT_RESCAN_MS).unref();
      const found = await status();
      if (found.queued + found.uncertain + found.dead > 0) logger.warn('outbox holds tickets from an earlier run', { ...found });
      kick();
    },

    async submit(ticket, itemIdempotency) {
      adding++;
      let item: OutboxItem;
      // Tried at once while the customer waits: the item is written already marked as sending.
      const triedAtOnce = !(stopping || config.waitMs === 0 || tokenRefused());
      try {
        item = await store.add(ticket, itemIdempotency, { sending: triedAtOnce });
        waiting.set(item.reference, { item, dueAt: Number.POSITIVE_INFINITY });
      } finally {
        adding--;
      }
      const { reference } = item;
      return new Promise<SubmissionAnswer>((resolve, reject) => {
        // The answer is chosen once: by the try, or by the clock (queued). It is recorded before it
        // is sent, and one chosen by the try is sent only once the item's fate is on disk too.
        let chosen: SubmissionAnswer | undefined;
        let recorded: Promise<void> = Promise.resolve();
        let timer: ReturnType<typeof setTimeout> | undefined;
        const choose = (answer: SubmissionAnswer): boolean => {
          if (chosen) return false;
          chosen = answer;
          clearTimeout(timer);
          answerNowCallbacks.delete(answerQueued);
          recorded = recordAnswer(item, answer);
          return true;
        };
        function answerQueued() {
          if (choose({ kind: 'queued', reference })) recorded.then(() => resolve(chosen as SubmissionAnswer), reject);
        }
        // While the token is refused a try could only be refused too: the ticket waits for it.
        if (!triedAtOnce) {
          schedule(item, 0);
          answerQueued();
          return;
        }
        answerNowCallbacks.add(answerQueued);
        timer = setTimeout(answerQueued, config.waitMs);
        const hooks: AttemptHooks = {
          onDelivered: (created) => {
            choose({ kind: 'created', reference, ticket: created });
            // Sent without waiting for the item's removal: its fate is already on disk (the
            // `created` marker), and a crash before the removal has the next start remove it.
            // A failure to record is answered by the try's own end below.
            recorded.then(() => resolve(chosen as SubmissionAnswer), () => undefined);
            return recorded;
          },
          onRejected: (message) => choose({ kind: 'rejected', reference, message }),
        };
        const tried = attempt(item, hooks, true).then(() => {
          choose({ kind: 'queued', reference });
          return recorded;
        });
        track(tried.then(() => resolve(chosen as SubmissionAnswer), reject));
      });
    },

    status,

    async entries() {
      const time = now();
      const view = (state: OutboxState) => (item: OutboxItem) => toEntryView(item, state, time);
      const queued = [...waiting.values()].map((entry) => entry.item).sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
      return [
        ...queued.map(view('outbox')),
        ...(await store.list('uncertain')).map(view('uncertain')),
        ...(await store.list('dead')).map(view('dead')),
      ];
    },

    async stop() {
      stopping = true;
      clearTimeout(wakeTimer);
      tokenWatch.stop();
      clearInterval(rescanTimer);
      for (const answerQueued of [...answerNowCallbacks]) answerQueued();
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}

function oldestFirst(a: Waiting, b: Waiting): number {
  return a.item.receivedAt.localeCompare(b.item.receivedAt);
}
