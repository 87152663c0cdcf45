import { batch, signal, type ReadonlySignal } from '@preact/signals';
import type { ContextSetting } from '../context/collectContext.ts';
import type { SendPart } from '../part/sendPart.ts';
import type { Proof } from './prepareProof.ts';
import type { SendResult, Sending, SentTicket } from './sendTicket.ts';

/** Where a submission is: nothing sent yet, on its way, done, or failed (values kept). */
export type Status = 'idle' | 'sending' | 'sent' | 'failed';

/** What the sender reads from the form's options. */
export interface SenderSettings {
  endpoint: string;
  /** The customer's identity token, sent as a Bearer token. */
  identity: string;
  /** What is sent of the page and the device (collected by the send part as the ticket goes). */
  context?: ContextSetting;
}

/** One form's way of sending tickets: its status, the upload progress, the ticket taken. */
export interface Sender {
  status: ReadonlySignal<Status>;
  /** Upload progress of the send in flight, 0–100. */
  progress: ReadonlySignal<number>;
  ticket: ReadonlySignal<SentTicket | undefined>;
  /** Starts making the proofs for the next send in the background (fetches a challenge, solves it). */
  prove(): void;
  /**
   * Sends `body` under the Idempotency-Key `key` (a new one when `key` is ''), once the proofs are
   * ready, and returns the key used (to keep with the draft). `finish` gets the result in the same
   * batch as the new status; it is not called when the send was replaced or stopped (reset, destroy).
   */
  send(body: FormData, key: string, finish: (result: SendResult) => void): string;
  /** The customer's Cancel: the send ends as `aborted`. */
  cancel(): void;
  /** Back to idle: a send in flight is dropped without a result. */
  reset(): void;
  destroy(): void;
}

/**
 * Sends with the proofs made while the customer typed: each send spends them and starts the next
 * ones; one Idempotency-Key per ticket, kept for retries, so the server never creates it twice.
 * The proof of work, the request and the key's making come with the send part: the form proves and sends only once
 * it is there (its load state is ready).
 */
export function createSender(settings: ReadonlySignal<SenderSettings>, sendPart: ReadonlySignal<SendPart | undefined>): Sender {
  const status = signal<Status>('idle');
  const progress = signal(0);
  const ticket = signal<SentTicket | undefined>(undefined);
  let sending: Sending | undefined;
  // The proofs for the next send; a send waits for them (no time once they are ready) and spends them.
  let proof: Promise<Proof> = Promise.resolve({});
  let prover: AbortController | undefined;
  const part = () => sendPart.peek()!;
  const prove = () => {
    prover?.abort();
    proof = part().prepareProof(settings.peek().endpoint, (prover = new AbortController()).signal);
  };
  const drop = () => {
    const request = sending;
    sending = undefined;
    request?.abort();
  };

  return {
    status,
    progress,
    ticket,
    prove,
    send(body, typedKey, finish) {
      const key = typedKey || part().newIdempotencyKey();
      const { identity, endpoint, context } = settings.peek();
      batch(() => {
        status.value = 'sending';
        progress.value = 0;
      });
      const headers = proof.then((ready) => (identity ? { ...ready, Authorization: `Bearer ${identity}` } : ready));
      const request = (sending = part().sendTicket(`${endpoint}/api/tickets`, body, key, (percent) => (progress.value = percent), headers, context));
      void request.done.then((result) => {
        // A request that was replaced (reset, destroy) no longer speaks for the form.
        if (sending !== request) return;
        sending = undefined;
        prove();
        batch(() => {
          if (result.ok) ticket.value = result.ticket;
          status.value = result.ok ? 'sent' : 'failed';
          finish(result);
        });
      });
      return key;
    },
    cancel: () => sending?.abort(),
    reset() {
      // A send cut short may already have spent the proofs.
      if (sending) prove();
      drop();
      batch(() => {
        ticket.value = undefined;
        status.value = 'idle';
      });
    },
    destroy() {
      prover?.abort();
      drop();
    },
  };
}
