import type { TomTicketClient } from './types.ts';

/**
 * A stand-in TomTicket client for tests of what sits on top of it: every method answers as an
 * account that accepts the token and has nothing, unless `overrides` says otherwise.
 */
export function stubClient(overrides: Partial<TomTicketClient> = {}): TomTicketClient {
  return {
    api: 'legacy',
    calls: { tokenCheck: 'GET /departamentos/{token}', listing: 'GET /chamados/{token}/{página}', createTicket: 'POST /criar_chamado/{token}/{e-mail}' },
    listDepartments: async () => [],
    createTicket: async () => ({ ok: true }),
    findTicket: async () => ({ kind: 'absent' }),
    checkToken: async () => ({ kind: 'accepted' }),
    tokenState: () => ({ state: 'unknown' }),
    customerLookups: [],
    lookUpCustomer: async () => ({ kind: 'absent' }),
    close: async () => undefined,
    ...overrides,
  };
}
