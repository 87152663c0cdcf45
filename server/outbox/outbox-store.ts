import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, rmdir, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_TEXT_RULES, type TextRules } from '../../contract/index.ts';
import { createRedactor } from '../log/create-redactor.ts';
import type { Logger } from '../log/types.ts';
import type { TicketToCreate } from '../tomticket/types.ts';
import { moveFile, syncDir, syncFile, writeFileDurably } from './durable-fs.ts';
import { isTicketReference, newTicketReference, withReference } from './ticket-reference.ts';
import type { ItemIdempotency, OutboxItem, OutboxState, StoredTicket } from './types.ts';

/**
 * The outbox on disk: every state change is a rename. A process crash (kill -9) keeps the page
 * cache, so anything written survives it; only an OS crash or power loss needs an fsync, and the
 * store syncs exactly what the guarantees rest on: a new item before add() resolves (so before any
 * answer or upstream call), its `sending` marker before `criar_chamado` goes out, and every move
 * between states. What it leaves unsynced can only come back, after an OS crash, as an item that
 * is parked as uncertain or removed on start, never one that is resent.
 */
export interface OutboxStore {
  /** DATA_DIR. */
  readonly root: string;
  /** Creates the folders and removes what an interrupted write or removal left (never answered, or already delivered). */
  init(): Promise<void>;
  /**
   * Writes a validated ticket durably into `outbox/` under a fresh reference (appended to its
   * message when it fits), moving its spooled files in. Once this resolves the ticket survives an
   * OS crash: 3 fsyncs for a ticket without files (its record, its folder, `outbox/`).
   */
  add(ticket: TicketToCreate, idempotency?: ItemIdempotency, options?: AddOptions): Promise<OutboxItem>;
  /** The readable items of a state, oldest first; an unreadable one is logged and skipped, never removed. */
  list(state: OutboxState): Promise<OutboxItem[]>;
  /** The references of the items a state holds (folder names only, nothing parsed). */
  references(state: OutboxState): Promise<string[]>;
  /** Whether the ticket `reference` is still in `outbox/`, `uncertain/` or `dead/` (an idempotency record lives as long). */
  holds(reference: string): Promise<boolean>;
  /** One item, or undefined when it is gone or unreadable (logged). */
  read(state: OutboxState, reference: string): Promise<OutboxItem | undefined>;
  /** The ticket of an item in `outbox/`, with its files' absolute paths. */
  ticketOf(item: OutboxItem): TicketToCreate;
  /** Marks an item as possibly on its way to TomTicket (a marker file, its folder synced): a crash while it is there leaves it uncertain. */
  startAttempt(reference: string): Promise<void>;
  /** Takes the marker away again (unsynced: see there): the try surely did not reach TomTicket. */
  clearAttempt(reference: string): Promise<void>;
  /** Notes (unsynced: see there) that TomTicket answered the ticket exists, so a crash before its removal cannot resend it. */
  markCreated(reference: string): Promise<void>;
  /** Whether an item in `outbox/` was noted as created. */
  hasCreatedMarker(reference: string): Promise<boolean>;
  /** Whether an item in `outbox/` carries the marker of an attempt that never finished. */
  hasAttemptMarker(reference: string): Promise<boolean>;
  /** Ends an attempt that surely sent nothing: the marker goes, then the item's record is updated. */
  finishAttempt(item: OutboxItem): Promise<void>;
  /**
   * Ends an attempt whose outcome is unknown: the record (with `unknownSince`) is saved durably
   * first, then the marker goes, so the item is never again taken for one that surely was not sent.
   */
  recordUnknown(item: OutboxItem): Promise<void>;
  /** Moves an item to another state: its record is saved, then one rename moves it, then its marker goes. */
  move(item: OutboxItem, from: OutboxState, to: OutboxState): Promise<void>;
  /** Removes an item for good (refused while the customer waited, or an operator's decision). */
  remove(state: OutboxState, reference: string): Promise<void>;
  /** Removes an item TomTicket confirmed (its `created` marker written), without syncing the removal: see there. */
  removeDelivered(item: OutboxItem): Promise<void>;
  /**
   * Puts a parked item back in the queue, as an operator decided: its record says when (its
   * dead-letter age counts from then), then one rename makes it a queued item again.
   */
  release(item: OutboxItem, from: Exclude<OutboxState, 'outbox'>): Promise<void>;
}

/** How {@link OutboxStore.add} writes a new item. */
export interface AddOptions {
  /**
   * Write the item with its `sending` marker already in place, synced with it: for an item whose
   * first try starts at once, the try then needs no sync of its own. A crash before the try went
   * out only leaves its outcome to be looked up (never a resend), so nothing is lost but time.
   */
  sending?: boolean;
}

const ITEM_FILE = 'item.json';
const FILES_FOLDER = 'files';
const ATTEMPT_MARKER = 'sending';
const CREATED_MARKER = 'created';
const STATES: readonly OutboxState[] = ['outbox', 'uncertain', 'dead'];
// Leftovers a crash can leave beside the items: a write not yet renamed in, a removal not finished.
const TEMPORARY_PREFIX = '.tmp-';
const REMOVING_PREFIX = '.gone-';

/** Options of {@link createOutboxStore}. */
export interface OutboxStoreOptions {
  /** DATA_DIR. */
  root: string;
  logger: Logger;
  /** The server's secrets, redacted from an item's last error before it is written (an error may quote TomTicket). */
  secrets?: readonly string[];
  now?: () => Date;
  /** How messages are sent and counted, for the reference line added to each (default DEFAULT_TEXT_RULES). */
  textRules?: () => TextRules;
  /**
   * Makes the ticket TomTicket gets from a validated one, its reference and the time it was
   * received: the reference, and the notes (context, consent) where they go. Default: the
   * reference appended when it fits, notes dropped (server/notes/compose-ticket.ts does both).
   */
  compose?: (ticket: TicketToCreate, reference: string, receivedAt: Date) => TicketToCreate;
}

/** The outbox under `root` (DATA_DIR): `outbox/`, `uncertain/` and `dead/`, one folder per ticket. */
export function createOutboxStore(options: OutboxStoreOptions): OutboxStore {
  const { root, logger } = options;
  const textRules = options.textRules ?? (() => DEFAULT_TEXT_RULES);
  const compose =
    options.compose ??
    (({ notes: _notes, ...ticket }: TicketToCreate, reference: string) => ({ ...ticket, message: withReference(ticket.message, reference, textRules()) }));
  const now = options.now ?? (() => new Date());
  const redact = createRedactor(options.secrets ?? []);
  /** An item's record as written: its last error without any secret. */
  const recordOf = (item: OutboxItem) =>
    JSON.stringify(item.lastError === undefined ? item : { ...item, lastError: redact(item.lastError) }, null, 2);
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

    async add(ticket, idempotency, addOptions = {}) {
      let reference = newTicketReference();
      while (await referenceInUse(reference)) reference = newTicketReference();
      const temporary = folder('outbox', `${TEMPORARY_PREFIX}${reference}`);
      await mkdir(temporary, { recursive: true, mode: 0o700 });
      try {
        // Most tickets carry no file: their item has no `files/` to make, sync and remove.
        if (ticket.attachments.length > 0) await mkdir(join(temporary, FILES_FOLDER), { mode: 0o700 });
        const attachments: StoredTicket['attachments'] = [];
        for (const [index, attachment] of ticket.attachments.entries()) {
          const file = `${FILES_FOLDER}/${index}`;
          await moveFile(attachment.path, join(temporary, file));
          attachments.push({ fileName: attachment.fileName, type: attachment.type, size: attachment.size, file });
        }
        const receivedAt = now();
        const item: OutboxItem = {
          reference,
          receivedAt: receivedAt.toISOString(),
          attempts: 0,
          ...(idempotency ? { idempotency } : {}),
          ticket: { ...compose(ticket, reference, receivedAt), attachments },
        };
        await writeFile(join(temporary, ITEM_FILE), recordOf(item), { mode: 0o600 });
        // Only its name is relied on: the folder's sync below makes it durable with the item.
        if (addOptions.sending) await writeFile(join(temporary, ATTEMPT_MARKER), now().toISOString());
        // Synced here, before any rate-limited call: a sync inside the limiter's slot (25 MB of
        // files can take a second) would delay the call past its slot and bunch the calls that
        // TomTicket counts. The bytes and entries at once, then the rename that publishes them.
        const files = [ITEM_FILE, ...attachments.map((attachment) => attachment.file)];
        await Promise.all([
          ...files.map((file) => syncFile(join(temporary, file))),
          syncDir(temporary),
          ...(attachments.length > 0 ? [syncDir(join(temporary, FILES_FOLDER))] : []),
        ]);
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

    // A reference that is not one of ours names no folder (nor a path elsewhere).
    holds: async (reference) => isTicketReference(reference) && referenceInUse(reference),

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
      // Only the marker's name is relied on (its time is for people): its folder's sync is enough.
      await writeFile(join(folder('outbox', reference), ATTEMPT_MARKER), now().toISOString());
      await syncDir(folder('outbox', reference));
    },

    async clearAttempt(reference) {
      // Unsynced: lost in an OS crash, the marker comes back and the item is parked as uncertain
      // (safe, if needless); and whatever follows (finishAttempt, move, remove) syncs the folder anyway.
      await unlink(join(folder('outbox', reference), ATTEMPT_MARKER)).catch(ignoreMissing);
    },

    hasAttemptMarker: (reference) => exists(join(folder('outbox', reference), ATTEMPT_MARKER)),

    async markCreated(reference) {
      // Unsynced: it only has to outlive a process crash (the page cache does). Lost in an OS
      // crash, the synced `sending` marker is still there and the item is parked as uncertain,
      // never resent.
      await writeFile(join(folder('outbox', reference), CREATED_MARKER), now().toISOString());
    },

    hasCreatedMarker: (reference) => exists(join(folder('outbox', reference), CREATED_MARKER)),

    async finishAttempt(item) {
      // The record's own folder sync covers the marker's removal. A crash before it keeps either
      // the old record (a stale count) or the marker (parked as uncertain): never a resend.
      await unlink(join(folder('outbox', item.reference), ATTEMPT_MARKER)).catch(ignoreMissing);
      await writeFileDurably(join(folder('outbox', item.reference), ITEM_FILE), recordOf(item));
    },

    async recordUnknown(item) {
      await writeFileDurably(join(folder('outbox', item.reference), ITEM_FILE), recordOf(item));
      await unlink(join(folder('outbox', item.reference), ATTEMPT_MARKER)).catch(ignoreMissing);
    },

    async move(item, from, to) {
      // The record first, so the item arrives complete; the rename is the state change. A crash
      // before it leaves the item where it was, its attempt marker (if any) still there.
      await writeFileDurably(join(folder(from, item.reference), ITEM_FILE), recordOf(item));
      await rename(folder(from, item.reference), folder(to, item.reference));
      await syncDir(folder(to));
      await syncDir(folder(from));
      await unlink(join(folder(to, item.reference), ATTEMPT_MARKER)).catch(ignoreMissing);
    },

    async release(item, from) {
      // The operator looked: whatever was unknown is decided, and it is sent again.
      const { unknownSince: _decided, ...rest } = item;
      const released: OutboxItem = { ...rest, releasedAt: now().toISOString() };
      await writeFileDurably(join(folder(from, item.reference), ITEM_FILE), recordOf(released));
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

    async removeDelivered(item) {
      const removing = folder('outbox', `${REMOVING_PREFIX}${item.reference}`);
      await rename(folder('outbox', item.reference), removing);
      // Unsynced: lost in an OS crash, the item comes back with its `created` marker (removed on
      // start) or, if that was lost too, its synced `sending` marker (parked as uncertain).
      // Its files are known by name: a recursive removal would probe each entry first, and
      // every probe that fails costs a stack-captured error.
      const files = item.ticket.attachments.map((attachment) => attachment.file);
      await Promise.all([ITEM_FILE, ATTEMPT_MARKER, CREATED_MARKER, ...files].map((name) => unlink(join(removing, name)).catch(ignoreMissing)));
      if (files.length > 0) await rmdir(join(removing, FILES_FOLDER)).catch(() => undefined);
      // Anything else in it (put there by hand) is removed the thorough way.
      await rmdir(removing).catch(() => rm(removing, { recursive: true, force: true }));
    },
  };
}

/**
 * Whether a path exists. Synchronous on purpose: it is one access() call of a few microseconds,
 * while the promise API builds a stack-captured error for every missing path (~0.1 ms of CPU
 * each, measured), and most paths asked about (a fresh reference, a marker) are missing.
 */
async function exists(path: string): Promise<boolean> {
  return existsSync(path);
}

function ignoreMissing(error: NodeJS.ErrnoException): void {
  if (error.code !== 'ENOENT') throw error;
}
