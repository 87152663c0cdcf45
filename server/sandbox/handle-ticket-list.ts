import type { FakeExchange } from './fake-exchange.ts';
import { FAKE_MESSAGES } from './fake-messages.ts';
import { fakeProtocol, formatCreationTime } from './ticket-fields.ts';
import type { FakeTicket } from './types.ts';

/** Tickets per page of the legacy listing [doc]. */
export const LISTING_PAGE_SIZE = 50;

const QUERY_KEYS = new Set(['idcliente', 'tipo_identificacao', 'situacao', 'ordem', 'coluna', 'lastsituation_lesser', 'lastsituation_upper']);
const PAGE = /^[1-9]\d{0,5}$/;
// The fake's tickets are all open: state 0 ("aguardando atendimento").
const OPEN_STATE = '0';

/**
 * `GET /chamados/{token}/{pagina}`: the account's tickets, 50 a page from page 1, optionally one
 * customer's (`idcliente` with `tipo_identificacao` I, the default, or E; note the spelling differs
 * from criar_chamado's `tipo_identificador`), `ordem` 0 newest first (default) or 1 oldest first.
 * Items as public code reads them: `idchamado`, `protocolo`, `titulo`, `mensagem`, `email_cliente`,
 * `data_criacao` ("dd/mm/yyyy hh:mm"). An unknown customer lists nothing; a page past the end is empty.
 */
export function handleTicketList(exchange: FakeExchange): void {
  const { reply, url, account, variants } = exchange;
  for (const key of url.searchParams.keys()) {
    if (!QUERY_KEYS.has(key)) return reply.refuse('invalid', FAKE_MESSAGES.unknownField(key));
  }
  const page = exchange.params[0] ?? '';
  if (!PAGE.test(page)) return reply.refuse('invalid', FAKE_MESSAGES.invalidPage);
  const type = url.searchParams.get('tipo_identificacao') ?? 'I';
  if (type !== 'I' && type !== 'E') return reply.refuse('invalid', FAKE_MESSAGES.invalidIdentifierType);
  const order = url.searchParams.get('ordem') ?? '0';
  if (order !== '0' && order !== '1') return reply.refuse('invalid', FAKE_MESSAGES.invalidOrder);
  const states = url.searchParams.get('situacao');
  const customerIdentifier = url.searchParams.get('idcliente');

  let tickets: readonly FakeTicket[];
  if (customerIdentifier === null) tickets = account.tickets;
  else {
    const customer = account.findCustomer(customerIdentifier, type);
    tickets = customer ? account.ticketsOf(customer.id) : [];
  }
  if (states !== null && !states.split(',').includes(OPEN_STATE)) tickets = [];
  const ordered = order === '0' ? [...tickets].reverse() : [...tickets];
  const start = (Number(page) - 1) * LISTING_PAGE_SIZE;
  reply.json(200, {
    erro: false,
    total_itens: ordered.length,
    data: ordered.slice(start, start + LISTING_PAGE_SIZE).map((ticket) => ({
      idchamado: ticket.id,
      protocolo: fakeProtocol(ticket, variants),
      titulo: ticket.title,
      mensagem: ticket.message,
      email_cliente: ticket.customerEmail,
      situacao: Number(OPEN_STATE),
      prioridade: ticket.priority,
      data_criacao: formatCreationTime(ticket.createdAt),
    })),
  });
}
