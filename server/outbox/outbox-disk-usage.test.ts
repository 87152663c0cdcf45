import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutboxDiskUsage } from './outbox-disk-usage.ts';
import { createOutboxTestFolder, type OutboxTestFolder } from './test-kit.ts';

let folder: OutboxTestFolder;
beforeEach(async () => {
  folder = await createOutboxTestFolder();
});
afterEach(() => folder.remove());

/** An item folder in `state` holding an item.json of `recordBytes` and files of `fileBytes`. */
async function item(state: string, reference: string, recordBytes: number, ...fileBytes: number[]): Promise<void> {
  const path = join(folder.root, state, reference);
  await mkdir(join(path, 'files'), { recursive: true });
  await writeFile(join(path, 'item.json'), 'x'.repeat(recordBytes));
  for (const [index, size] of fileBytes.entries()) await writeFile(join(path, 'files', String(index)), new Uint8Array(size));
}

describe('createOutboxDiskUsage', () => {
  it('sums the files of queued, uncertain and dead tickets, and nothing else of DATA_DIR', async () => {
    await item('outbox', 'TT-AAAAAAAA', 100, 1000, 2000);
    await item('uncertain', 'TT-BBBBBBBB', 50, 300);
    await item('dead', 'TT-CCCCCCCC', 25);
    await mkdir(join(folder.root, 'idempotency'), { recursive: true });
    await writeFile(join(folder.root, 'idempotency', 'record.json'), 'x'.repeat(5000));
    const usage = createOutboxDiskUsage({ root: folder.root, maxBytes: 10_000 });
    expect(await usage.measure()).toBe(3475);
    expect(usage.bytes()).toBe(3475);
  });

  it('counts what is added until the next walk, and tells whether a ticket still fits', async () => {
    await item('outbox', 'TT-AAAAAAAA', 1000);
    const usage = createOutboxDiskUsage({ root: folder.root, maxBytes: 5000 });
    await usage.measure();
    usage.added(3000);
    expect(usage.bytes()).toBe(4000);
    expect(usage.fits(1000)).toBe(true);
    expect(usage.fits(1001)).toBe(false);
    // Delivered meanwhile: the next walk sees the room again.
    await rm(join(folder.root, 'outbox', 'TT-AAAAAAAA'), { recursive: true });
    expect(await usage.measure()).toBe(0);
    expect(usage.fits(5000)).toBe(true);
  });

  it('walks again for recent() only when its last walk is older than asked', async () => {
    let time = 0;
    const usage = createOutboxDiskUsage({ root: folder.root, maxBytes: 5000, now: () => time });
    expect(await usage.recent(10_000)).toBe(0);
    await item('dead', 'TT-AAAAAAAA', 700);
    time += 5000;
    expect(await usage.recent(10_000)).toBe(0);
    time += 6000;
    expect(await usage.recent(10_000)).toBe(700);
  });
});
