import type { FakeExchange } from './fake-exchange.ts';
import { FAKE_MESSAGES } from './fake-messages.ts';

/**
 * `GET /cliente/{token}/{identificador}`: whether the customer exists. How the identifier's type
 * (`E` e-mail, `I` internal id, the default) is read depends on the variant: from
 * `?tipo_identificador=` ('query'), or only from a path segment `/cliente/{token}/{id}/E` ('path').
 * A missing customer is `existe: false` (under 'http_4xx' with 404 and `erro: true`).
 */
export function handleCustomerCheck(exchange: FakeExchange): void {
  const { reply, url, variants } = exchange;
  let type: string;
  if (variants.customerCheck === 'query') {
    if (exchange.params.length > 1) return reply.refuse('not_found', FAKE_MESSAGES.notFound);
    for (const key of url.searchParams.keys()) {
      if (key !== 'tipo_identificador') return reply.refuse('invalid', FAKE_MESSAGES.unknownField(key));
    }
    const types = url.searchParams.getAll('tipo_identificador');
    if (types.length > 1) return reply.refuse('invalid', FAKE_MESSAGES.duplicateField('tipo_identificador'));
    type = types[0] ?? 'I';
  } else {
    // The query is not read at all: an e-mail sent without the path segment is looked up as an id.
    type = exchange.params.length > 1 ? (exchange.params[1] ?? '') : 'I';
  }
  if (type !== 'I' && type !== 'E') return reply.refuse('invalid', FAKE_MESSAGES.invalidIdentifierType);
  const identifier = exchange.params[0];
  const exists = identifier !== undefined && exchange.account.findCustomer(identifier, type) !== undefined;
  if (!exists && variants.refusals === 'http_4xx') {
    return reply.refuse('not_found', FAKE_MESSAGES.customerMissing, { existe: false });
  }
  reply.json(200, {
    erro: false,
    mensagem: exists ? FAKE_MESSAGES.customerExists : FAKE_MESSAGES.customerMissing,
    existe: exists,
  });
}
