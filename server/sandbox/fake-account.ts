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
}

/** A new account holding copies of the given departments and customers (the caller's objects are never changed). */
export function createFakeAccount(
  departments: readonly FakeDepartment[],
  customers: readonly FakeCustomer[],
): FakeAccount {
  const ownDepartments = structuredClone([...departments]);
  const ownCustomers = structuredClone([...customers]);
  const tickets: FakeTicket[] = [];
  let lastProtocol = 0;

  const findCustomer = (identifier: string, type: IdentifierType) =>
    type === 'E'
      ? ownCustomers.find((customer) => sameEmail(customer.email, identifier))
      : ownCustomers.find((customer) => customer.id === identifier);

  return {
    departments: ownDepartments,
    customers: ownCustomers,
    tickets,
    findDepartment: (id) => ownDepartments.find((department) => department.id === id),
    findCustomer,
    addCustomer(customer) {
      if (findCustomer(customer.id, 'I') || findCustomer(customer.email, 'E')) return false;
      ownCustomers.push({ ...customer });
      return true;
    },
    addTicket(draft) {
      lastProtocol += 1;
      const ticket: FakeTicket = { ...draft, id: randomBytes(16).toString('hex'), protocol: lastProtocol, createdAt: new Date() };
      tickets.push(ticket);
      return ticket;
    },
    findTicket: (id) => tickets.find((ticket) => ticket.id === id),
  };
}

// Mail systems treat the domain, and in practice the whole address, without regard to case.
function sameEmail(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
