import type { TomTicketClient } from '../tomticket/types.ts';

/** What /healthz reports about TomTicket: the outcome of the last call, null before any. */
export interface UpstreamStatus {
  reachable: boolean | null;
  /** ISO time of that last call's outcome. */
  checkedAt?: string;
}

/** Records how upstream calls end, so health checks never cost a call of their own. */
export interface UpstreamHealth {
  status(): UpstreamStatus;
  /** The same client, with every call's outcome recorded. */
  track(client: TomTicketClient): TomTicketClient;
}

/** A fresh record (nothing known yet). */
export function createUpstreamHealth(now: () => Date = () => new Date()): UpstreamHealth {
  let current: UpstreamStatus = { reachable: null };
  const record = (reachable: boolean) => {
    current = { reachable, checkedAt: now().toISOString() };
  };

  return {
    status: () => ({ ...current }),
    track(client) {
      return {
        async listDepartments() {
          try {
            const departments = await client.listDepartments();
            record(true);
            return departments;
          } catch (error) {
            record(false);
            throw error;
          }
        },
        async createTicket(ticket, guard) {
          try {
            const result = await client.createTicket(ticket, guard);
            // A rejection is TomTicket answering: reachable, just unhappy with the ticket.
            record(result.ok || result.kind === 'rejected');
            return result;
          } catch (error) {
            record(false);
            throw error;
          }
        },
      };
    },
  };
}
