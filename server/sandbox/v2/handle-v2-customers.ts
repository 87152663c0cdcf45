import { LIMITS } from '../../../contract/index.ts';
import type { IdentifierType } from '../fake-account.ts';
import { fakeLength } from '../fake-length.ts';
import { readFormBody } from '../read-form-body.ts';
import type { FakeCustomer } from '../types.ts';
import type { FakeV2Exchange } from './fake-v2-exchange.ts';
import { FAKE_V2_MESSAGES } from './fake-v2-messages.ts';
import { readQuery } from './fake-v2-query.ts';
import { replyToBodyRefusal } from './reply-to-body-refusal.ts';

// "Looks like an e-mail": something@something.tld, no spaces. Real validation is TomTicket's business.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// `customer/new`'s fields and their longest values [doc D3].
const CUSTOMER_FIELDS: Record<string, number> = {
  customer_id: LIMITS.idMaxChars,
  name: LIMITS.nameMaxChars,
  email: LIMITS.emailMaxChars,
  phone: 20,
  create_tickets: 1,
  organization_id: 512,
  language: 5,
  portfolio_id: LIMITS.idMaxChars,
};
const LANGUAGES = new Set(['pt-BR', 'es_ES', 'en-US']);
const CUSTOMER_CUSTOM_FIELD = /^custom_field\[[^[\]]+\]$/;

/** The customer a query names (`customer_id` with `customer_type_id` I, the default, or E), or why it names none. */
function customerOf(exchange: FakeV2Exchange): { ok: true; customer: FakeCustomer | undefined } | { ok: false; message: string } {
  const query = readQuery(exchange.url, ['customer_id', 'customer_type_id']);
  if (!query.ok) return query;
  const identifier = query.values.get('customer_id');
  if (!identifier) return { ok: false, message: FAKE_V2_MESSAGES.required('customer_id') };
  const type = query.values.get('customer_type_id') ?? 'I';
  if (type !== 'I' && type !== 'E') return { ok: false, message: FAKE_V2_MESSAGES.invalidType('customer_type_id') };
  return { ok: true, customer: exchange.account.findCustomer(identifier, type as IdentifierType) };
}

/**
 * `GET /v2.0/customer/exists` (or `customers/exists`, whichever the variant answers): `data` as
 * `{ exists }` or a bare boolean; an absent customer under 'http_4xx' a 404 refusal.
 */
export function handleV2CustomerExists(exchange: FakeV2Exchange): void {
  const { reply, v2 } = exchange;
  const found = customerOf(exchange);
  if (!found.ok) return reply.refuse('invalid', found.message);
  const exists = found.customer !== undefined;
  if (!exists && exchange.variants.refusals === 'http_4xx') return reply.refuse('not_found', FAKE_V2_MESSAGES.customerNotFound);
  reply.ok({ data: v2.customerCheckAnswer === 'data_boolean' ? exists : { exists } });
}

/** `GET /v2.0/customer/details?customer_id=&customer_type_id=`: the customer's record. */
export function handleV2CustomerDetails(exchange: FakeV2Exchange): void {
  const found = customerOf(exchange);
  if (!found.ok) return exchange.reply.refuse('invalid', found.message);
  if (!found.customer) return exchange.reply.refuse('not_found', FAKE_V2_MESSAGES.customerNotFound);
  const { id, name, email } = found.customer;
  exchange.reply.ok({ data: { id, internal_id: id, name, email, active: true } });
}

/**
 * `POST /v2.0/customer/new` [doc D3]: `customer_id` and `name` required, `email`, `phone`,
 * `create_tickets` 0/1, `organization_id`, `language`, `custom_field[<id>]`; a duplicate
 * identifier or e-mail is refused.
 */
export async function handleV2CustomerNew(exchange: FakeV2Exchange): Promise<void> {
  const { reply } = exchange;
  const body = await readFormBody(exchange.request, {
    storageDir: exchange.storageDir,
    maxBytes: LIMITS.requestMaxBytes,
    acceptsFile: () => false,
    messages: FAKE_V2_MESSAGES,
  });
  if (!body.ok) return replyToBodyRefusal(reply, body.refusal);
  const values = new Map<string, string>();
  for (const { name, value } of body.form.fields) {
    if (values.has(name)) return reply.refuse('invalid', FAKE_V2_MESSAGES.duplicateField(name));
    if (CUSTOMER_CUSTOM_FIELD.test(name)) continue;
    const max = CUSTOMER_FIELDS[name];
    if (max === undefined || !Object.hasOwn(CUSTOMER_FIELDS, name)) return reply.refuse('invalid', FAKE_V2_MESSAGES.unknownField(name));
    if (fakeLength(value, exchange.variants.lengthUnit) > max) return reply.refuse('invalid', FAKE_V2_MESSAGES.tooLong(name, max));
    values.set(name, value);
  }
  for (const name of ['customer_id', 'name']) {
    if (!values.get(name)?.trim()) return reply.refuse('invalid', FAKE_V2_MESSAGES.required(name));
  }
  const createTickets = values.get('create_tickets');
  if (createTickets !== undefined && createTickets !== '0' && createTickets !== '1') return reply.refuse('invalid', FAKE_V2_MESSAGES.invalidFlag('create_tickets'));
  const language = values.get('language');
  if (language !== undefined && !LANGUAGES.has(language)) return reply.refuse('invalid', FAKE_V2_MESSAGES.invalidLanguage);
  const email = values.get('email') ?? '';
  // The customer panel's login; the fake account needs one to find the customer by e-mail.
  if (!EMAIL.test(email)) return reply.refuse('invalid', FAKE_V2_MESSAGES.invalidEmail);
  const added = exchange.account.addCustomer({ id: values.get('customer_id') as string, name: values.get('name') as string, email });
  if (!added) return reply.refuse('conflict', FAKE_V2_MESSAGES.customerAlreadyExists);
  reply.ok({}, FAKE_V2_MESSAGES.customerCreated);
}
