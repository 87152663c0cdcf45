import { buildCustomerForm } from './build-customer-form.ts';
import type { UpstreamOutcome, UpstreamRequest } from './call-upstream.ts';
import type { TicketToCreate } from './types.ts';

/** How making sure of the customer ended: ready for `criar_chamado` (`created` now, or known before), or the failure to report. */
export type CustomerOutcome = { kind: 'ready'; created: boolean } | Exclude<UpstreamOutcome, { kind: 'answer' }>;

/**
 * Checks whether TomTicket knows the customer by e-mail and creates them when it does not, since
 * `criar_chamado` only addresses existing customers. Costs one call, or two for a new customer.
 */
export async function ensureCustomer(
  call: (request: UpstreamRequest) => Promise<UpstreamOutcome>,
  customer: TicketToCreate['customer'],
): Promise<CustomerOutcome> {
  const check = await call({
    endpoint: 'cliente',
    method: 'GET',
    segments: [{ value: customer.email }],
    query: { tipo_identificador: 'E' },
  });
  if (check.kind === 'unavailable' || check.kind === 'timeout') return check;
  // Some answers may flag "not found" as an error; an explicit `existe: false` still means absent.
  if (check.kind === 'rejected' && check.body.existe !== false) return check;
  if (check.kind === 'answer' && isTrue(check.body.existe)) return { kind: 'ready', created: false };

  const creation = await call({
    endpoint: 'criar_cliente',
    method: 'POST',
    // The documented path ends in a slash: `/criar_cliente/{token}/`.
    segments: [{ value: '', logged: true }],
    body: () => buildCustomerForm(customer),
  });
  return creation.kind === 'answer' ? { kind: 'ready', created: true } : creation;
}

/** `existe` is documented as a boolean; PHP back ends also write 1 or "1". */
function isTrue(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 'true';
}
