import type { TicketToCreate } from './types.ts';

/**
 * The form of `criar_cliente` for a visitor known only by e-mail: the e-mail is both identifier
 * and address, and the name falls back to the e-mail's local part (TomTicket requires one).
 */
export function buildCustomerForm(customer: TicketToCreate['customer']): URLSearchParams {
  const name = customer.name?.trim() || customer.email.split('@')[0] || customer.email;
  return new URLSearchParams({
    identificador: customer.email,
    nome: name,
    email: customer.email,
    criarchamados: 'true',
  });
}
