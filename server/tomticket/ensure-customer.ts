import type { UpstreamOutcome, UpstreamRequest } from './call-upstream.ts';
import type { ApiDialect, LookupMemory } from './dialect.ts';
import type { TicketToCreate } from './types.ts';

/**
 * How making sure of the customer ended: `ready` for the ticket's creation (`created` now, or not:
 * known before, or the customer steps did not settle it and the creation, the authority, will), or
 * a failure that makes trying the ticket now pointless (TomTicket down, slow, or refusing the token).
 */
export type CustomerOutcome =
  /** `confirmed`: TomTicket said the customer exists, or created them; `created`: just now. */
  | { kind: 'ready'; created: boolean; confirmed: boolean }
  | Extract<UpstreamOutcome, { kind: 'unavailable' } | { kind: 'timeout' } | { kind: 'token_refused' }>;

/**
 * Checks whether TomTicket knows the customer by e-mail, in the way this account answers (each in
 * turn while unknown), and creates them when every answer says absent, since a ticket only
 * addresses existing customers. A refused check or creation is never a refused ticket: creation
 * may refuse an e-mail a check could not see, and the ticket's creation decides.
 */
export async function ensureCustomer(
  call: (request: UpstreamRequest) => Promise<UpstreamOutcome>,
  dialect: Pick<ApiDialect, 'customerCheckRequest' | 'readCustomerCheck' | 'createCustomerRequest'>,
  customer: TicketToCreate['customer'],
  memory: LookupMemory,
): Promise<CustomerOutcome> {
  for (const form of memory.order()) {
    const outcome = await call(dialect.customerCheckRequest(customer.email, form));
    const check = dialect.readCustomerCheck(outcome);
    memory.learn(form, check);
    if (check.kind === 'exists') return { kind: 'ready', created: false, confirmed: true };
    // An absence in the way this account is now known to answer is the answer: no other way is asked.
    const known = memory.order();
    if (check.kind === 'absent' && known.length === 1 && known[0] === form) break;
    if (check.kind === 'failed' && check.outcome.kind !== 'unexpected') return check.outcome;
  }
  const creation = await call(dialect.createCustomerRequest(customer));
  if (creation.kind === 'answer') return { kind: 'ready', created: true, confirmed: true };
  if (creation.kind === 'unavailable' || creation.kind === 'timeout' || creation.kind === 'token_refused') return creation;
  return { kind: 'ready', created: false, confirmed: false };
}
