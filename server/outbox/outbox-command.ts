import { join } from 'node:path';
import { isTicketReference } from './ticket-reference.ts';
import type { OutboxStore } from './outbox-store.ts';
import type { OutboxState } from './types.ts';

/** How to use the outbox command, printed for `help` or a wrong call. */
export const OUTBOX_USAGE = `Usage: npx tsx server/outbox/outbox-cli.ts <command>
  list                 every ticket not delivered yet: queued, uncertain, dead
  requeue <reference>  put an uncertain or dead ticket back in the queue (check TomTicket first!)
  drop <reference>     delete an uncertain or dead ticket (e.g. found in TomTicket already)
DATA_DIR (and TOMTICKET_TOKEN, or SANDBOX=true for the sandbox's folder) must match the server's.`;

const STATES: readonly OutboxState[] = ['outbox', 'uncertain', 'dead'];
const PARKED: ReadonlyArray<Exclude<OutboxState, 'outbox'>> = ['uncertain', 'dead'];

/**
 * Runs one operator command against the outbox and returns the exit code. A running server picks
 * a requeued ticket up within seconds (it reads `outbox/` again every 2 s).
 */
export async function runOutboxCommand(args: readonly string[], store: OutboxStore, print: (line: string) => void): Promise<number> {
  const [command, reference] = args;
  if (command === 'list' && reference === undefined) {
    let total = 0;
    for (const state of STATES) {
      for (const item of await store.list(state)) {
        total++;
        const error = item.lastError ? `  last error: ${item.lastError}` : '';
        print(`${state.padEnd(9)} ${item.reference}  received ${item.receivedAt}  tries ${item.attempts}  "${item.ticket.title}"${error}`);
      }
    }
    print(total === 0 ? `Nothing waiting in ${store.root}.` : `${total} ticket(s) in ${store.root}.`);
    return 0;
  }
  if ((command === 'requeue' || command === 'drop') && reference !== undefined && isTicketReference(reference)) {
    for (const state of PARKED) {
      const item = await store.read(state, reference);
      if (!item) continue;
      if (command === 'requeue') {
        await store.release(item, state);
        print(`${reference} moved from ${state}/ back to the queue (${join(store.root, 'outbox', reference)}).`);
      } else {
        await store.remove(state, reference);
        print(`${reference} deleted from ${state}/.`);
      }
      return 0;
    }
    print(`No uncertain or dead ticket ${reference} in ${store.root}.`);
    return 1;
  }
  print(OUTBOX_USAGE);
  return command === 'help' ? 0 : 2;
}
