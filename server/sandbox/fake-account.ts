import { randomBytes } from 'node:crypto';
import type { FakeCustomer, FakeDepartment, FakeTicket } from './types.ts';

/** How `tipo_identificador` says to read the customer identifier: internal id or e-mail. */
export type IdentifierType = 'I' | 'E';

/** A ticket as validated, before the account numbers it. */
export type FakeTicketDraft = Omit<FakeTicket, 'id' | 'protocol' | 'createdAt'>;

/** The fake account's data: departments, customers and tickets, owned by one running fake. */
export interface FakeAccount {
  readonly departments: readonly FakeDepartment[];
  readonly customers: readonly FakeCustomer[];
  readonly tickets: readonly FakeTicket[];
  findDepartment(id: string): FakeDepartment | undefined;
  findCustomer(identifier: string, type: IdentifierType): FakeCustomer | undefined;
  /** Adds a customer unless its id or e-mail is taken; says whether it did. */
  addCustomer(customer: FakeCustomer): boolean;
  /** Stores a ticket under a fresh hash-like id and the next protocol number. */
  addTicket(draft: FakeTicketDraft): FakeTicket;
  findTicket(id: string): FakeTicket | undefined;
  /** A customer's tickets, oldest first. */
  ticketsOf(customerId: string): readonly FakeTicket[];
}

/** A new account holding copies of the given departments and customers (the caller's objects are never changed). */
export function createFakeAccount(
  departments: readonly FakeDepartment[],
  customers: readonly FakeCustomer[],
): FakeAccount {
  const ownDepartments = structuredClone([...departments]);
  const ownCustomers: FakeCustomer[] = [];
  const tickets: FakeTicket[] = [];
  // Indexes beside the lists (which the inbox shows in order): a benchmark leaves tens of
  // thousands of tickets and customers here, and a lookup that scanned them all would be
  // charged to the relay being measured, as TomTicket's own lookups are not.
  const customersById = new Map<string, FakeCustomer>();
  const customersByEmail = new Map<string, FakeCustomer>();
  const ticketsById = new Map<string, FakeTicket>();
  const ticketsByCustomer = new Map<string, FakeTicket[]>();
  let lastProtocol = 0;

  const findCustomer = (identifier: string, type: IdentifierType) =>
    type === 'E' ? customersByEmail.get(emailKey(identifier)) : customersById.get(identifier);
  const addCustomer = (customer: FakeCustomer) => {
    if (findCustomer(customer.id, 'I') || findCustomer(customer.email, 'E')) return false;
    const own = { ...customer };
    ownCustomers.push(own);
    customersById.set(own.id, own);
    customersByEmail.set(emailKey(own.email), own);
    return true;
  };
  for (const customer of structuredClone([...customers])) addCustomer(customer);

  return {
    departments: ownDepartments,
    customers: ownCustomers,
    tickets,
    findDepartment: (id) => ownDepartments.find((department) => department.id === id),
    findCustomer,
    addCustomer,
    addTicket(draft) {
      lastProtocol += 1;
      const ticket: FakeTicket = { ...draft, id: randomBytes(16).toString('hex'), protocol: lastProtocol, createdAt: new Date() };
      tickets.push(ticket);
      ticketsById.set(ticket.id, ticket);
      const own = ticketsByCustomer.get(ticket.customerId);
      if (own) own.push(ticket);
      else ticketsByCustomer.set(ticket.customerId, [ticket]);
      return ticket;
    },
    findTicket: (id) => ticketsById.get(id),
    ticketsOf: (customerId) => ticketsByCustomer.get(customerId) ?? [],
  };
}

// Mail systems treat the domain, and in practice the whole address, without regard to case.
function emailKey(email: string): string {
  return email.toLowerCase();
}
