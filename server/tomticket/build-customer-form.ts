import type { TicketToCreate } from './types.ts';

/**
 * The form of `criar_cliente`: the identifier is the site's own customer id when its backend
 * vouched for the customer with one, else the e-mail; the name falls back to the e-mail's local
 * part (TomTicket requires one).
 */
export function buildCustomerForm(customer: TicketToCreate['customer']): URLSearchParams {
  const name = customer.name?.trim() || customer.email.split('@')[0] || customer.email;
  return new URLSearchParams({
    identificador: customer.externalId ?? customer.email,
    nome: name,
    email: customer.email,
    criarchamados: 'true',
  });
}
