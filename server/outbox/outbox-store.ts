import { access, mkdir, readdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../log/types.ts';
import type { TicketToCreate } from '../tomticket/types.ts';
import { moveFileDurably, syncDir, syncFile, writeFileDurably } from './durable-fs.ts';
import { isTicketReference, newTicketReference, withReference } from './ticket-reference.ts';
import type { ItemIdempotency, OutboxItem, OutboxState, StoredTicket } from './types.ts';

/** The outbox on disk: every state change is a rename, synced before it is relied on. */
export interface OutboxStore {
  /** DATA_DIR. */
  readonly root: string;
  /** Creates the folders and removes what an interrupted write or removal left (never answered, or already delivered). */
  init(): Promise<void>;
  /**
   * Writes a validated ticket durably into `outbox/` under a fresh reference (appended to its
   * message when it fits), moving its spooled files in. Once this resolves the ticket survives kill -9.
   */
  add(ticket: TicketToCreate, idempotency?: ItemIdempotency): Promise<OutboxItem>;
  /** The readable items of a state, oldest first; an unreadable one is logged and skipped, never removed. */
  list(state: OutboxState): Promise<OutboxItem[]>;
  /** The references of the items a state holds (folder names only, nothing parsed). */
  references(state: OutboxState): Promise<string[]>;
  /** One item, or undefined when it is gone or unreadable (logged). */
  read(state: OutboxState, reference: string): Promise<OutboxItem | undefined>;
  /** The ticket of an item in `outbox/`, with its files' absolute paths. */
  ticketOf(item: OutboxItem): TicketToCreate;
  /** Marks an item as possibly on its way to TomTicket (a synced marker file): a crash while it is there leaves it uncertain. */
  startAttempt(reference: string): Promise<void>;
  /** Takes the marker away again: the try surely did not reach TomTicket. */
  clearAttempt(reference: string): Promise<void>;
  /** Notes (synced) that TomTicket answered the ticket exists, so a crash before its removal cannot resend it. */
  markCreated(reference: string): Promise<void>;
  /** Whether an item in `outbox/` was noted as created. */
  hasCreatedMarker(reference: string): Promise<boolean>;
  /** Whether an item in `outbox/` carries the marker of an attempt that never finished. */
  hasAttemptMarker(reference: string): Promise<boolean>;
  /** Ends an attempt that surely sent nothing: the marker goes, then the item's record is updated. */
  finishAttempt(item: OutboxItem): Promise<void>;
  /** Moves an item to another state: its record is saved, then one rename moves it, then its marker goes. */
  move(item: OutboxItem, from: OutboxState, to: OutboxState): Promise<void>;
  /** Removes an item for good (delivered, or refused while the customer waited). */
  remove(state: OutboxState, reference: string): Promise<void>;
  /**
   * Puts a parked item back in the queue, as an operator decided: its record says when (its
   * dead-letter age counts from then), then one rename makes it a queued item again.
   */
  release(item: OutboxItem, from: Exclude<OutboxState, 'outbox'>): Promise<void>;
}

const ITEM_FILE = 'item.json';
const ATTEMPT_MARKER = 'sending';
const CREATED_MARKER = 'created';
const STATES: readonly OutboxState[] = ['outbox', 'uncertain', 'dead'];
// Leftovers a crash can leave beside the items: a write not yet renamed in, a removal not finished.
const TEMPORARY_PREFIX = '.tmp-';
const REMOVING_PREFIX = '.gone-';

/** The outbox under `root` (DATA_DIR): `outbox/`, `uncertain/` and `dead/`, one folder per ticket. */
export function createOutboxStore(options: { root: string; logger: Logger; now?: () => Date }): OutboxStore {
  const { root, logger } = options;
  const now = options.now ?? (() => new Date());
  const folder = (state: OutboxState, reference = '') => join(root, state, reference);

  async function referenceInUse(reference: string): Promise<boolean> {
    for (const state of STATES) {
      if (await exists(folder(state, reference))) return true;
    }
    return false;
  }

  async function readItem(state: OutboxState, reference: string): Promise<OutboxItem | undefined> {
    try {
      const item = JSON.parse(await readFile(join(folder(state, reference), ITEM_FILE), 'utf8')) as OutboxItem;
      if (item.reference !== reference) throw new Error(`item.json names ${item.reference}`);
      return item;
    } catch (error) {
      logger.error('outbox item unreadable; left in place for an operator', { state, reference, error });
      return undefined;
    }
  }

  async function itemNames(state: OutboxState): Promise<string[]> {
    const names = await readdir(folder(state)).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    });
    return names.filter(isTicketReference);
  }

  return {
    root,

    async init() {
      for (const state of STATES) {
        await mkdir(folder(state), { recursive: true, mode: 0o700 });
        for (const name of await readdir(folder(state))) {
          if (name.startsWith(TEMPORARY_PREFIX) || name.startsWith(REMOVING_PREFIX)) {
            await rm(join(folder(state), name), { recursive: true, force: true });
          }
        }
      }
    },

    async add(ticket, idempotency) {
      let reference = newTicketReference();
      while (await referenceInUse(reference)) reference = newTicketReference();
      const temporary = folder('outbox', `${TEMPORARY_PREFIX}${reference}`);
      const files = join(temporary, 'files');
      await mkdir(files, { recursive: true, mode: 0o700 });
      try {
        const attachments: StoredTicket['attachments'] = [];
        for (const [index, attachment] of ticket.attachments.entries()) {
          const file = `files/${index}`;
          await moveFileDurably(attachment.path, join(temporary, file));
          attachments.push({ fileName: attachment.fileName, type: attachment.type, size: attachment.size, file });
        }
        const item: OutboxItem = {
          reference,
          receivedAt: now().toISOString(),
          attempts: 0,
          ...(idempotency ? { idempotency } : {}),
          ticket: { ...ticket, message: withReference(ticket.message, reference), attachments },
        };
        await writeFile(join(temporary, ITEM_FILE), JSON.stringify(item, null, 2), { mode: 0o600 });
        await syncFile(join(temporary, ITEM_FILE));
        await syncDir(files);
        await syncDir(temporary);
        await rename(temporary, folder('outbox', reference));
        await syncDir(folder('outbox'));
        return item;
      } catch (error) {
        await rm(temporary, { recursive: true, force: true });
        throw error;
      }
    },

    async list(state) {
      const items: OutboxItem[] = [];
      for (const name of await itemNames(state)) {
        const item = await readItem(state, name);
        if (item) items.push(item);
      }
      return items.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
    },

    references: itemNames,

    async read(state, reference) {
      return (await exists(folder(state, reference))) ? readItem(state, reference) : undefined;
    },

    ticketOf(item) {
      const base = folder('outbox', item.reference);
      return {
        ...item.ticket,
        attachments: item.ticket.attachments.map(({ file, ...attachment }) => ({ ...attachment, path: join(base, file) })),
      };
    },

    async startAttempt(reference) {
      const marker = join(folder('outbox', reference), ATTEMPT_MARKER);
      await writeFile(marker, now().toISOString());
      await syncFile(marker);
      await syncDir(folder('outbox', reference));
    },

    async clearAttempt(reference) {
      await unlink(join(folder('outbox', reference), ATTEMPT_MARKER)).catch(ignoreMissing);
      await syncDir(folder('outbox', reference));
    },

    hasAttemptMarker: (reference) => exists(join(folder('outbox', reference), ATTEMPT_MARKER)),

    async markCreated(reference) {
      const marker = join(folder('outbox', reference), CREATED_MARKER);
      await writeFile(marker, now().toISOString());
      await syncFile(marker);
      await syncDir(folder('outbox', reference));
    },

    hasCreatedMarker: (reference) => exists(join(folder('outbox', reference), CREATED_MARKER)),

    async finishAttempt(item) {
      // Marker first: a crash between the two steps then costs a stale count, never a resend.
      await unlink(join(folder('outbox', item.reference), ATTEMPT_MARKER)).catch(ignoreMissing);
      await syncDir(folder('outbox', item.reference));
      await writeFileDurably(join(folder('outbox', item.reference), ITEM_FILE), JSON.stringify(item, null, 2));
    },

    async move(item, from, to) {
      // The record first, so the item arrives complete; the rename is the state change. A crash
      // before it leaves the item where it was, its attempt marker (if any) still there.
      await writeFileDurably(join(folder(from, item.reference), ITEM_FILE), JSON.stringify(item, null, 2));
      await rename(folder(from, item.reference), folder(to, item.reference));
      await syncDir(folder(to));
      await syncDir(folder(from));
      await unlink(join(folder(to, item.reference), ATTEMPT_MARKER)).catch(ignoreMissing);
    },

    async release(item, from) {
      const released: OutboxItem = { ...item, releasedAt: now().toISOString() };
      await writeFileDurably(join(folder(from, item.reference), ITEM_FILE), JSON.stringify(released, null, 2));
      await unlink(join(folder(from, item.reference), ATTEMPT_MARKER)).catch(ignoreMissing);
      await rename(folder(from, item.reference), folder('outbox', item.reference));
      await syncDir(folder('outbox'));
      await syncDir(folder(from));
    },

    async remove(state, reference) {
      const removing = folder(state, `${REMOVING_PREFIX}${reference}`);
      await rename(folder(state, reference), removing);
      await syncDir(folder(state));
      await rm(removing, { recursive: true, force: true });
    },
  };
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

function ignoreMissing(error: NodeJS.ErrnoException): void {
  if (error.code !== 'ENOENT') throw error;
}
