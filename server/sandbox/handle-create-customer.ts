import { LIMITS } from '../../contract/index.ts';
import type { FakeExchange } from './fake-exchange.ts';
import { FAKE_MESSAGES } from './fake-messages.ts';
import { readFormBody } from './read-form-body.ts';
import { validateCustomerForm } from './validate-customer-form.ts';

/** `POST /criar_cliente/{token}/`: adds a customer unless its identifier or e-mail is taken. */
export async function handleCreateCustomer(exchange: FakeExchange): Promise<void> {
  const { reply } = exchange;
  const body = await readFormBody(exchange.request, {
    storageDir: exchange.storageDir,
    maxBytes: LIMITS.requestMaxBytes,
    acceptsFile: () => false,
  });
  if (!body.ok) return reply.json(body.refusal.status, { erro: true, mensagem: body.refusal.message });
  const result = validateCustomerForm(body.form, exchange.variants.lengthUnit);
  if (!result.ok) return reply.refuse('invalid', result.mensagem);
  if (!exchange.account.addCustomer(result.customer)) return reply.refuse('conflict', FAKE_MESSAGES.customerAlreadyExists);
  reply.json(200, { erro: false, mensagem: FAKE_MESSAGES.customerCreated });
}
