import { afterEach, describe, expect, it, vi } from 'vitest';
import { serveSchema, testSchema } from '../testing/schema.ts';
import { loadSchema } from './loadSchema.ts';

afterEach(() => vi.unstubAllGlobals());

describe('loadSchema', () => {
  it('fetches the schema from the endpoint', async () => {
    const fetchMock = vi.fn(serveSchema());
    vi.stubGlobal('fetch', fetchMock);
    const signal = new AbortController().signal;
    expect(await loadSchema('https://s.example', signal)).toEqual({ ok: true, schema: testSchema() });
    expect(fetchMock).toHaveBeenCalledWith('https://s.example/api/form', { signal });
  });

  it('returns failures as values', async () => {
    vi.stubGlobal('fetch', vi.fn(serveSchema(undefined, 502)));
    expect(await loadSchema('', new AbortController().signal)).toEqual({
      ok: false,
      error: { code: 'internal', message: 'boom' },
    });
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    expect(await loadSchema('', new AbortController().signal)).toMatchObject({ ok: false, error: { code: 'network' } });
  });
});
