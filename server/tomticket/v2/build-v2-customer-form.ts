import { FormData } from 'undici';
import type { TicketToCreate } from '../types.ts';

/**
 * The form of `POST /v2.0/customer/new` [doc D3]: `customer_id` is the site's own customer id
 * when its backend vouched for the customer with one, else the e-mail; `name` (required) falls
 * back to the e-mail's local part; `create_tickets=1` lets them open tickets.
 */
export function buildV2CustomerForm(customer: TicketToCreate['customer']): FormData {
  const form = new FormData();
  form.append('customer_id', customer.externalId ?? customer.email);
  form.append('name', customer.name?.trim() || customer.email.split('@')[0] || customer.email);
  form.append('email', customer.email);
  form.append('create_tickets', '1');
  return form;
}
