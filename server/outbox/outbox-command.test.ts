import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runOutboxCommand } from './outbox-command.ts';
import { createOutboxStore, type OutboxStore } from './outbox-store.ts';
import { createOutboxTestFolder, testTicket, type OutboxTestFolder } from './test-kit.ts';

let folder: OutboxTestFolder;
let store: OutboxStore;
let printed: string[];
beforeEach(async () => {
  folder = await createOutboxTestFolder();
  store = createOutboxStore({ root: folder.root, logger: folder.logger });
  await store.init();
  printed = [];
});
afterEach(() => folder.remove());

const run = (...args: string[]) => runOutboxCommand(args, store, (line) => printed.push(line));

describe('runOutboxCommand', () => {
  it('lists every ticket not delivered yet, with its state and last error', async () => {
    const queued = await store.add(testTicket({ title: 'Na fila' }));
    const parked = await store.add(testTicket({ title: 'Incerto' }));
    await store.move({ ...parked, attempts: 1, lastError: 'no answer within the timeout' }, 'outbox', 'uncertain');

    expect(await run('list')).toBe(0);
    expect(printed).toEqual([
      expect.stringMatching(new RegExp(`^outbox +${queued.reference} .*tries 0 {2}"Na fila"$`)),
      expect.stringMatching(new RegExp(`^uncertain ${parked.reference} .*"Incerto"  last error: no answer within the timeout$`)),
      `2 ticket(s) in ${folder.root}.`,
    ]);
  });

  it('requeues an uncertain ticket and drops a dead one', async () => {
    const uncertain = await store.add(testTicket());
    await store.move(uncertain, 'outbox', 'uncertain');
    const dead = await store.add(testTicket());
    await store.move(dead, 'outbox', 'dead');

    expect(await run('requeue', uncertain.reference)).toBe(0);
    expect(await run('drop', dead.reference)).toBe(0);
    expect(await store.references('outbox')).toEqual([uncertain.reference]);
    expect(await store.references('uncertain')).toEqual([]);
    expect(await store.references('dead')).toEqual([]);
  });

  it('refuses to touch a queued ticket, an unknown one, or a malformed reference', async () => {
    const queued = await store.add(testTicket());
    expect(await run('drop', queued.reference)).toBe(1);
    expect(await run('requeue', 'TT-00000000')).toBe(1);
    expect(await run('drop', '../outbox')).toBe(2);
    expect(await run()).toBe(2);
    expect(await store.references('outbox')).toEqual([queued.reference]);
    expect(printed.at(-1)).toContain('Usage:');
  });
});
