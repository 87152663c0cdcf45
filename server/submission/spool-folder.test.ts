import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planSpoolFolder, sweepSpool } from './spool-folder.ts';

let spoolDir: string;
beforeEach(async () => {
  spoolDir = join(await mkdtemp(join(tmpdir(), 'spool-test-')), 'spool');
});
afterEach(async () => {
  await rm(join(spoolDir, '..'), { recursive: true, force: true });
});

describe('planSpoolFolder', () => {
  it('makes a separate folder per request under the spool folder, and removes it with its files', async () => {
    const first = planSpoolFolder(spoolDir);
    const second = planSpoolFolder(spoolDir);
    await Promise.all([first.prepare(), second.prepare()]);
    expect(first.path).not.toBe(second.path);
    await writeFile(join(first.path, '0'), 'data');

    await first.remove();

    expect(await readdir(spoolDir)).toEqual([second.path.slice(spoolDir.length + 1)]);
  });

  it('touches the disk only when prepared, once, and removes what it made', async () => {
    const unused = planSpoolFolder(spoolDir);
    await unused.remove();
    await expect(readdir(spoolDir)).rejects.toMatchObject({ code: 'ENOENT' });

    const used = planSpoolFolder(spoolDir);
    await Promise.all([used.prepare(), used.prepare()]);
    await writeFile(join(used.path, '0'), 'data');
    expect(await readdir(spoolDir)).toEqual([used.path.slice(spoolDir.length + 1)]);
    await used.remove();
    expect(await readdir(spoolDir)).toEqual([]);
  });
});

describe('sweepSpool', () => {
  it('removes only old request folders', async () => {
    const old = planSpoolFolder(spoolDir);
    const recent = planSpoolFolder(spoolDir);
    await Promise.all([old.prepare(), recent.prepare()]);
    await writeFile(join(old.path, '0'), 'left behind');
    await mkdir(join(spoolDir, 'not-ours'));
    const hourAgo = new Date(Date.now() - 3_600_000);
    await utimes(old.path, hourAgo, hourAgo);
    await utimes(join(spoolDir, 'not-ours'), hourAgo, hourAgo);

    expect(await sweepSpool(spoolDir, 30 * 60_000)).toBe(1);

    expect((await readdir(spoolDir)).sort()).toEqual(['not-ours', recent.path.slice(spoolDir.length + 1)].sort());
  });

  it('does nothing when the spool folder does not exist yet', async () => {
    expect(await sweepSpool(join(spoolDir, 'missing'), 0)).toBe(0);
  });
});
