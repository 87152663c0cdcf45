import type { TomTicketClient } from '../tomticket/types.ts';
import { UpstreamError } from '../tomticket/upstream-error.ts';

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
  /** Runs a call, recording whether TomTicket answered it at all (a refusal is an answer). */
  async function recorded<T>(run: () => Promise<T>, answered: (result: T) => boolean): Promise<T> {
    try {
      const result = await run();
      record(answered(result));
      return result;
    } catch (error) {
      // A refused token is TomTicket answering: reachable, and the token is reported on its own.
      record(error instanceof UpstreamError && error.code === 'token_refused');
      throw error;
    }
  }

  return {
    status: () => ({ ...current }),
    track(client) {
      return {
        ...client,
        listDepartments: () => recorded(() => client.listDepartments(), () => true),
        createTicket: (ticket, guard, options) =>
          recorded(
            () => client.createTicket(ticket, guard, options),
            (result) => result.ok || result.kind === 'rejected' || result.kind === 'token_refused',
          ),
        findTicket: (lookup) => recorded(() => client.findTicket(lookup), (result) => result.kind !== 'failed'),
      };
    },
  };
}
