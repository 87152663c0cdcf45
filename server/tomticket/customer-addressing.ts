import type { UpstreamOutcome, UpstreamRequest } from './call-upstream.ts';

/**
 * The ways of asking `GET /cliente` about an e-mail. Public clients disagree (shared/tomticket-api.md):
 * 'query' sends `?tipo_identificador=E`, which an account that ignores the query reads as an
 * internal id (an existing customer then reads absent); 'path' puts the type in the path as the
 * documented `update_cliente` does, `/cliente/{token}/{e-mail}/E`.
 */
export type CustomerAddressing = 'query' | 'path';

/** Every addressing, in the order an account that has not shown its own is asked. */
export const CUSTOMER_ADDRESSINGS: readonly CustomerAddressing[] = ['query', 'path'];

/** What one customer check said. */
export type CustomerCheck =
  /** The account knows the e-mail. */
  | { kind: 'exists' }
  /** The account answered that it does not (`existe: false`, also inside a refusal: `fromRefusal`). */
  | { kind: 'absent'; fromRefusal?: true }
  /** A refusal without `existe`: this account does not understand this addressing. */
  | { kind: 'not_understood'; message: string | undefined }
  /** No answer to go by (down, timeout, token refused, not understood at the HTTP level). */
  | { kind: 'failed'; outcome: Exclude<UpstreamOutcome, { kind: 'answer' } | { kind: 'refused' }> };

/** The request of a customer check in one addressing. */
export function customerCheckRequest(email: string, addressing: CustomerAddressing): UpstreamRequest {
  return addressing === 'query'
    ? { endpoint: 'cliente', method: 'GET', segments: [{ value: email }], query: { tipo_identificador: 'E' } }
    : { endpoint: 'cliente', method: 'GET', segments: [{ value: email }, { value: 'E', logged: true }] };
}

/** Reads a customer check's outcome. `existe` is documented as a boolean; PHP back ends also write 1 or "1". */
export function readCustomerCheck(outcome: UpstreamOutcome): CustomerCheck {
  if (outcome.kind === 'answer') return isTrue(outcome.body.existe) ? { kind: 'exists' } : { kind: 'absent' };
  if (outcome.kind === 'refused') {
    // A refusal that still says `existe: false` is an answer: the customer is not there.
    if (outcome.body.existe !== undefined && !isTrue(outcome.body.existe)) return { kind: 'absent', fromRefusal: true };
    return { kind: 'not_understood', message: outcome.message };
  }
  return { kind: 'failed', outcome };
}

/** Remembers which addressing this account answers, once one has shown it (per client, in memory). */
export interface AddressingMemory {
  /** The addressings to try, in order: the known one alone, or all while none is known. */
  order(): readonly CustomerAddressing[];
  /** Learns from one check: a form that found a customer, or whose answer is understood, is the account's. */
  learn(addressing: CustomerAddressing, check: CustomerCheck): void;
}

/** A fresh memory that knows nothing yet. */
export function createAddressingMemory(): AddressingMemory {
  let known: CustomerAddressing | undefined;
  return {
    order: () => (known ? [known] : CUSTOMER_ADDRESSINGS),
    learn(addressing, check) {
      if (known) return;
      // 'query' reading absent proves nothing (an ignored query reads every e-mail absent), but
      // finding someone does. Any real answer to 'path' proves the account reads it; a refusal
      // of 'path' without `existe` shows it does not, which leaves 'query'.
      if (check.kind === 'exists') known = addressing;
      else if (addressing === 'path' && check.kind === 'absent') known = 'path';
      else if (addressing === 'path' && check.kind === 'not_understood') known = 'query';
    },
  };
}

/** A flag as PHP back ends write it: `true`, `1`, `"1"` or `"true"`. */
export function isTrue(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 'true';
}
