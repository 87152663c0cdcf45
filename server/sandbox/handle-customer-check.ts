import type { FakeExchange } from './fake-exchange.ts';
import { FAKE_MESSAGES } from './fake-messages.ts';
import { decodeSegment } from './fake-route.ts';

/** `GET /cliente/{token}/{identificador}?tipo_identificador=E|I`: whether the customer exists. */
export function handleCustomerCheck(exchange: FakeExchange): void {
  const { reply, url } = exchange;
  for (const key of url.searchParams.keys()) {
    if (key !== 'tipo_identificador') return reply.json(200, { erro: true, mensagem: FAKE_MESSAGES.unknownField(key) });
  }
  const types = url.searchParams.getAll('tipo_identificador');
  if (types.length > 1) return reply.json(200, { erro: true, mensagem: FAKE_MESSAGES.duplicateField('tipo_identificador') });
  const type = types[0] ?? 'I';
  if (type !== 'I' && type !== 'E') return reply.json(200, { erro: true, mensagem: FAKE_MESSAGES.invalidIdentifierType });
  const identifier = decodeSegment(exchange.params[0] ?? '');
  const exists = identifier !== undefined && exchange.account.findCustomer(identifier, type) !== undefined;
  reply.json(200, {
    erro: false,
    mensagem: exists ? FAKE_MESSAGES.customerExists : FAKE_MESSAGES.customerMissing,
    existe: exists,
  });
}
