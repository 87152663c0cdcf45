import type { UpstreamOutcome, UpstreamRequest } from '../call-upstream.ts';
import { isTrue, type CustomerCheck } from '../customer-addressing.ts';
import type { LookupMemory } from '../dialect.ts';
import type { CustomerLookupForm } from '../types.ts';

/**
 * The two spellings of API 2.0's existence check: TomTicket's own index shows `customer/exists`
 * in one copy and `customers/exists` in another [doc D4]. Tried in this order until the account
 * shows which one it answers.
 */
export const V2_CUSTOMER_LOOKUPS: readonly CustomerLookupForm[] = [
  { name: 'customer', call: 'GET /v2.0/customer/exists?customer_id={e-mail}&customer_type_id=E' },
  { name: 'customers', call: 'GET /v2.0/customers/exists?customer_id={e-mail}&customer_type_id=E' },
];

const EXISTS_KEYS = ['exists', 'exist', 'found', 'result'] as const;

/** The check in one spelling: `customer_type_id` is how the customer and listing calls spell the type [doc D2, D4]. */
export function v2CustomerCheckRequest(email: string, form: string): UpstreamRequest {
  if (form !== 'customer' && form !== 'customers') throw new RangeError(`no customer lookup named ${form}`);
  return {
    endpoint: form === 'customer' ? 'customer/exists' : 'customers/exists',
    method: 'GET',
    query: { customer_id: email, customer_type_id: 'E' },
    hiddenQuery: ['customer_id'],
  };
}

/**
 * Reads an existence check, whose answer no page publishes (docs/tomticket-api-v2.md §8): `data`
 * as a boolean, or `data.exists` (`exist`, `found`, `result`); a refusal (a 404 with the envelope,
 * `error: true`, `success: false`) as absent. An answer without any of these is not understood.
 */
export function readV2CustomerCheck(outcome: UpstreamOutcome): CustomerCheck {
  if (outcome.kind === 'refused') return { kind: 'absent', fromRefusal: true };
  if (outcome.kind !== 'answer') return { kind: 'failed', outcome };
  const { data } = outcome.body;
  if (typeof data === 'boolean' || typeof data === 'number' || typeof data === 'string') {
    return isTrue(data) ? { kind: 'exists' } : { kind: 'absent' };
  }
  if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
    const flags = data as Record<string, unknown>;
    const key = EXISTS_KEYS.find((candidate) => flags[candidate] !== undefined);
    if (key) return isTrue(flags[key]) ? { kind: 'exists' } : { kind: 'absent' };
  }
  return { kind: 'not_understood', message: undefined };
}

/**
 * Which spelling this account answers, once it has shown it: one that found a customer, or whose
 * answer said "absent" in its data (a route that does not exist cannot). A refusal teaches nothing,
 * since an unknown route may answer 404 with the same envelope as an absent customer.
 */
export function createV2LookupMemory(): LookupMemory {
  let known: string | undefined;
  return {
    order: () => (known ? [known] : V2_CUSTOMER_LOOKUPS.map((lookup) => lookup.name)),
    learn(form, check) {
      if (known) return;
      if (check.kind === 'exists' || (check.kind === 'absent' && !check.fromRefusal)) known = form;
    },
  };
}
