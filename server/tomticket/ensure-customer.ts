import { buildCustomerForm } from './build-customer-form.ts';
import type { UpstreamOutcome, UpstreamRequest } from './call-upstream.ts';
import { customerCheckRequest, readCustomerCheck, type AddressingMemory } from './customer-addressing.ts';
import type { TicketToCreate } from './types.ts';

/**
 * How making sure of the customer ended: `ready` for `criar_chamado` (`created` now, or not: known
 * before, or the customer steps did not settle it and criar_chamado, the authority, will), or a
 * failure that makes trying the ticket now pointless (TomTicket down, slow, or refusing the token).
 */
export type CustomerOutcome =
  /** `confirmed`: TomTicket said the customer exists, or created them; `created`: just now. */
  | { kind: 'ready'; created: boolean; confirmed: boolean }
  | Extract<UpstreamOutcome, { kind: 'unavailable' } | { kind: 'timeout' } | { kind: 'token_refused' }>;

/**
 * Checks whether TomTicket knows the customer by e-mail, in the addressing this account answers
 * (each in turn while unknown), and creates them when every answer says absent, since
 * `criar_chamado` only addresses existing customers. A refused check or creation is never a
 * refused ticket: creation may refuse an e-mail a check could not see, and `criar_chamado` decides.
 */
export async function ensureCustomer(
  call: (request: UpstreamRequest) => Promise<UpstreamOutcome>,
  customer: TicketToCreate['customer'],
  addressing: AddressingMemory,
): Promise<CustomerOutcome> {
  for (const form of addressing.order()) {
    const outcome = await call(customerCheckRequest(customer.email, form));
    const check = readCustomerCheck(outcome);
    addressing.learn(form, check);
    if (check.kind === 'exists') return { kind: 'ready', created: false, confirmed: true };
    if (check.kind === 'failed' && check.outcome.kind !== 'unexpected') return check.outcome;
  }
  const creation = await call({
    endpoint: 'criar_cliente',
    method: 'POST',
    // The documented path ends in a slash: `/criar_cliente/{token}/`.
    segments: [{ value: '', logged: true }],
    body: () => buildCustomerForm(customer),
  });
  if (creation.kind === 'answer') return { kind: 'ready', created: true, confirmed: true };
  if (creation.kind === 'unavailable' || creation.kind === 'timeout' || creation.kind === 'token_refused') return creation;
  return { kind: 'ready', created: false, confirmed: false };
}
