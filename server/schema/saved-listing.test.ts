import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../log/create-logger.ts';
import type { UpstreamDepartment } from '../tomticket/types.ts';
import { createListingStore } from './saved-listing.ts';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'saved-listing-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const logger = createLogger({ secrets: [], write: () => undefined });
const store = (api: 'legacy' | 'v2', account = 'acc1') => createListingStore({ dataDir, account, api, logger });
const withFields: UpstreamDepartment[] = [
  {
    id: 'd1',
    name: 'Suporte',
    categories: [{ id: 'c1', name: 'Login' }],
    customFields: {
      noCategory: [{ id: 'f1', label: 'Origem', type: '1', required: false, options: [], askedAtOpening: true }],
      byCategory: { c1: [{ id: 'f2', label: 'Navegador', type: '3', required: true, options: ['Chrome'], askedAtOpening: true }] },
    },
  },
];

describe('the saved department listing', () => {
  it('keeps what API 2.0 said about custom fields, for the same account and API only', async () => {
    await store('v2').save(withFields);
    expect((await store('v2').load())?.departments).toEqual(withFields);
    // The legacy API's form would lose the fields, and another account's must never be used.
    expect(await store('legacy').load()).toBeUndefined();
    expect(await store('v2', 'acc2').load()).toBeUndefined();
    expect(JSON.parse(await readFile(join(dataDir, 'account', 'departments-v2.json'), 'utf8'))).toMatchObject({ account: 'acc1', api: 'v2' });
  });

  it('keeps each API’s listing, so switching back and forth loses neither', async () => {
    await store('legacy').save([{ id: 'd1', name: 'Suporte', categories: [] }]);
    await store('v2').save(withFields);
    expect((await store('legacy').load())?.departments).toEqual([{ id: 'd1', name: 'Suporte', categories: [] }]);
    expect((await store('v2').load())?.departments).toEqual(withFields);
  });

  it('reads a file written before API 2.0 existed here as the legacy API’s', async () => {
    await mkdir(join(dataDir, 'account'));
    await writeFile(
      join(dataDir, 'account', 'departments.json'),
      JSON.stringify({ account: 'acc1', savedAt: '2026-01-01T00:00:00.000Z', departments: [{ id: 'd1', name: 'Suporte', categories: [] }] }),
    );
    expect(await store('legacy').load()).toEqual({ savedAt: '2026-01-01T00:00:00.000Z', departments: [{ id: 'd1', name: 'Suporte', categories: [] }] });
    expect(await store('v2').load()).toBeUndefined();
  });
});
