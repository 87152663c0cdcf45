import { readdir } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashIdempotencyKey, parseIdempotencyKey } from './idempotency-key.ts';
import { createIdempotencyStore } from './idempotency-store.ts';
import { createOutboxTestFolder, type OutboxTestFolder } from './test-kit.ts';

let folder: OutboxTestFolder;
beforeEach(async () => {
  folder = await createOutboxTestFolder();
});
afterEach(() => folder.remove());

const answer = { status: 202, body: { ok: true, queued: true, reference: 'TT-7K3M9Q2X' } };

describe('createIdempotencyStore', () => {
  it('lets one request hold a key at a time', () => {
    const store = createIdempotencyStore({ dir: folder.root });
    const release = store.claim('a');
    expect(release).toBeTypeOf('function');
    expect(store.claim('a')).toBeUndefined();
    expect(store.claim('b')).toBeTypeOf('function');
    release?.();
    expect(store.claim('a')).toBeTypeOf('function');
  });

  it('keeps an answer with its fingerprint for 24 hours, on disk', async () => {
    let now = Date.parse('2025-03-01T12:00:00Z');
    const store = createIdempotencyStore({ dir: folder.root, now: () => now });
    const keyHash = hashIdempotencyKey('6f0c1f0e-8d0a-4c4e-9a57-2f1f4c3b1a2d');
    await store.save(keyHash, { fingerprint: 'f1', answer, reference: 'TT-7K3M9Q2X' });

    const again = createIdempotencyStore({ dir: folder.root, now: () => now });
    expect(await again.find(keyHash)).toEqual({ fingerprint: 'f1', answer, reference: 'TT-7K3M9Q2X', savedAt: '2025-03-01T12:00:00.000Z' });
    now += 24 * 60 * 60 * 1000 - 1;
    expect(await again.find(keyHash)).toBeDefined();
    now += 2;
    expect(await again.find(keyHash)).toBeUndefined();
  });

  it('sweeps expired records only', async () => {
    let now = Date.parse('2025-03-01T12:00:00Z');
    const store = createIdempotencyStore({ dir: folder.root, now: () => now });
    await store.save(hashIdempotencyKey('old'), { fingerprint: 'f', answer });
    now += 23 * 60 * 60 * 1000;
    await store.save(hashIdempotencyKey('new'), { fingerprint: 'f', answer });
    now += 2 * 60 * 60 * 1000;
    expect(await store.sweep()).toBe(1);
    expect(await readdir(folder.root)).toEqual([`${hashIdempotencyKey('new')}.json`]);
  });
});

describe('parseIdempotencyKey', () => {
  it('takes 1 to 255 visible ASCII characters, trimmed', () => {
    expect(parseIdempotencyKey(' 6f0c1f0e-8d0a-4c4e-9a57-2f1f4c3b1a2d ')).toBe('6f0c1f0e-8d0a-4c4e-9a57-2f1f4c3b1a2d');
    expect(parseIdempotencyKey('k'.repeat(255))).toBe('k'.repeat(255));
    for (const bad of ['', '   ', 'k'.repeat(256), 'chave com espaço', 'ção']) expect(parseIdempotencyKey(bad)).toBeUndefined();
  });

  it('stores keys under their hash, never as sent', () => {
    expect(hashIdempotencyKey('../../etc/passwd')).toMatch(/^[0-9a-f]{64}$/);
  });
});
