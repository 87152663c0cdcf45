import { mkdir, open, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOutboxStore, type OutboxStore } from './outbox-store.ts';
import type { OutboxItem } from './types.ts';
import { createOutboxTestFolder, testTicket, type OutboxTestFolder } from './test-kit.ts';

let folder: OutboxTestFolder;
let store: OutboxStore;
beforeEach(async () => {
  folder = await createOutboxTestFolder();
  store = createOutboxStore({ root: folder.root, logger: folder.logger });
  await store.init();
});
afterEach(() => folder.remove());

describe('createOutboxStore', () => {
  it('writes a ticket with its files into outbox/<reference>, moving them out of the spool', async () => {
    const attachment = await folder.spoolFile('relatório.txt', 'linha 1\nlinha 2');
    const item = await store.add(testTicket({ attachments: [attachment] }), { keyHash: 'k', fingerprint: 'f' });

    expect(item.reference).toMatch(/^TT-[0-9A-Z]{8}$/);
    expect(await readdir(join(folder.root, 'outbox'))).toEqual([item.reference]);
    expect(await readdir(folder.spool)).toEqual([]);
    const stored = JSON.parse(await readFile(join(folder.root, 'outbox', item.reference, 'item.json'), 'utf8'));
    expect(stored).toMatchObject({
      reference: item.reference,
      attempts: 0,
      idempotency: { keyHash: 'k', fingerprint: 'f' },
      ticket: {
        title: 'Não consigo entrar',
        message: `Desde ontem a senha não é aceita.<br><br>[ref ${item.reference}]`,
        attachments: [{ fileName: 'relatório.txt', size: 15, file: 'files/0' }],
      },
    });
    const ticket = store.ticketOf(item);
    expect(await readFile(ticket.attachments[0]!.path, 'utf8')).toBe('linha 1\nlinha 2');
    expect(await store.list('outbox')).toEqual([item]);
  });

  it('can write a new item already marked as sending, so its first try needs no sync of its own', async () => {
    const marked = await store.add(testTicket(), undefined, { sending: true });
    const plain = await store.add(testTicket());
    expect(await store.hasAttemptMarker(marked.reference)).toBe(true);
    expect(await store.hasAttemptMarker(plain.reference)).toBe(false);
  });

  it('keeps nothing of a write that fails half-way', async () => {
    const missing = { fileName: 'x', type: 'a/b', size: 1, path: join(folder.spool, 'gone') };
    await expect(store.add(testTicket({ attachments: [missing] }))).rejects.toThrow();
    expect(await readdir(join(folder.root, 'outbox'))).toEqual([]);
  });

  it('moves items between states, keeping their record and dropping an attempt marker', async () => {
    const item = await store.add(testTicket());
    await store.startAttempt(item.reference);
    expect(await store.hasAttemptMarker(item.reference)).toBe(true);
    await store.move({ ...item, attempts: 1, lastError: 'no answer' }, 'outbox', 'uncertain');

    expect(await store.references('outbox')).toEqual([]);
    expect(await store.list('uncertain')).toEqual([{ ...item, attempts: 1, lastError: 'no answer' }]);
    expect(await readdir(join(folder.root, 'uncertain', item.reference))).not.toContain('sending');
  });

  it('ends a failed attempt by dropping the marker and saving the count', async () => {
    const item = await store.add(testTicket());
    await store.startAttempt(item.reference);
    await store.finishAttempt({ ...item, attempts: 1, lastError: 'refused' });
    expect(await store.hasAttemptMarker(item.reference)).toBe(false);
    expect(await store.read('outbox', item.reference)).toMatchObject({ attempts: 1, lastError: 'refused' });
  });

  it('releases a parked item back to the queue, noting when', async () => {
    const item = await store.add(testTicket());
    await store.move(item, 'outbox', 'dead');
    await store.release(item, 'dead');
    expect(await store.references('dead')).toEqual([]);
    expect(await store.read('outbox', item.reference)).toMatchObject({ reference: item.reference, releasedAt: expect.any(String) });
  });

  it('removes an item for good', async () => {
    const item = await store.add(testTicket());
    await store.remove('outbox', item.reference);
    expect(await readdir(join(folder.root, 'outbox'))).toEqual([]);
  });

  it('clears what an interrupted write left, and leaves an unreadable item for an operator', async () => {
    await mkdir(join(folder.root, 'outbox', '.tmp-TT-AAAAAAAA'), { recursive: true });
    await mkdir(join(folder.root, 'outbox', 'TT-BBBBBBBB'), { recursive: true });
    await writeFile(join(folder.root, 'outbox', 'TT-BBBBBBBB', 'item.json'), '{"reference": "TT-BBB');
    await store.init();
    expect(await readdir(join(folder.root, 'outbox'))).toEqual(['TT-BBBBBBBB']);
    expect(await store.list('outbox')).toEqual([]);
    expect(folder.logLines.join('\n')).toContain('outbox item unreadable');
  });

  it('lists oldest first', async () => {
    let clock = Date.parse('2025-01-01T00:00:00Z');
    const timed = createOutboxStore({ root: folder.root, logger: folder.logger, now: () => new Date((clock -= 1000)) });
    const first = await timed.add(testTicket({ title: 'primeiro' }));
    const second = await timed.add(testTicket({ title: 'segundo (mais antigo)' }));
    expect((await timed.list('outbox')).map((item) => item.reference)).toEqual([second.reference, first.reference]);
  });

  describe('syncs only what the guarantees need', () => {
    /** Counts fsync calls (FileHandle.sync) made while `work` runs. */
    async function syncsDuring(work: () => Promise<unknown>): Promise<number> {
      const probe = await open(join(folder.root, 'outbox'), 'r');
      const prototype = Object.getPrototypeOf(probe) as { sync(): Promise<void> };
      await probe.close();
      const spy = vi.spyOn(prototype, 'sync');
      try {
        await work();
        return spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
    }

    it('syncs a new ticket in 3 calls, its marker in 1, and leaves the rest of a delivery to the page cache', async () => {
      const added: OutboxItem[] = [];
      // Its record, its folder, then its name in outbox/.
      expect(await syncsDuring(async () => void added.push(await store.add(testTicket())))).toBe(3);
      const [item] = added as [OutboxItem];
      expect(await syncsDuring(() => store.startAttempt(item.reference))).toBe(1);
      expect(await syncsDuring(() => store.markCreated(item.reference))).toBe(0);
      expect(await syncsDuring(() => store.removeDelivered(item))).toBe(0);
      expect(await readdir(join(folder.root, 'outbox'))).toEqual([]);
    });

    it('syncs each attachment and the files folder too, and not a marker taken away', async () => {
      const attachment = await folder.spoolFile('a.txt', 'conteúdo');
      const added: OutboxItem[] = [];
      expect(await syncsDuring(async () => void added.push(await store.add(testTicket({ attachments: [attachment] }))))).toBe(5);
      const [item] = added as [OutboxItem];
      await store.startAttempt(item.reference);
      expect(await syncsDuring(() => store.clearAttempt(item.reference))).toBe(0);
      expect(await store.hasAttemptMarker(item.reference)).toBe(false);
    });

    it('removes a delivered item with its files, and whatever else was put in its folder', async () => {
      const item = await store.add(testTicket({ attachments: [await folder.spoolFile('a.txt', 'um'), await folder.spoolFile('b.txt', 'dois')] }));
      await store.startAttempt(item.reference);
      await writeFile(join(folder.root, 'outbox', item.reference, 'nota-do-operador.txt'), 'oi');
      await store.removeDelivered(item);
      expect(await readdir(join(folder.root, 'outbox'))).toEqual([]);
    });
  });

  it('writes no secret of the server into an item\'s last error', async () => {
    const secret = 'identity-secret-quoted-0123456789abcdef';
    const guarded = createOutboxStore({ root: folder.root, logger: folder.logger, secrets: [secret] });
    const item = await guarded.add(testTicket());
    await guarded.move({ ...item, lastError: `TomTicket refused it: ${secret}` }, 'outbox', 'dead');
    const written = await readFile(join(folder.root, 'dead', item.reference, 'item.json'), 'utf8');
    expect(written).not.toContain(secret);
    expect(JSON.parse(written).lastError).toBe('TomTicket refused it: ***');
  });
});
