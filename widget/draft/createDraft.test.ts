import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDraft } from './createDraft.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('createDraft', () => {
  it('saves, loads and clears string values under its key', () => {
    const draft = createDraft('k');
    draft.save({ title: 'Oi', 'fields[a]': 'x' });
    expect(createDraft('k').load()).toEqual({ title: 'Oi', 'fields[a]': 'x' });
    expect(createDraft('other').load()).toEqual({});
    draft.clear();
    expect(draft.load()).toEqual({});
  });

  it('never restores the consent: it is given for the ticket sent, under the text shown then', () => {
    createDraft('k').save({ title: 'Oi', consent: 'true' });
    expect(createDraft('k').load()).toEqual({ title: 'Oi' });
  });

  it('reads garbage as no draft and drops values that are not strings', () => {
    localStorage.setItem('k', '{not json');
    expect(createDraft('k').load()).toEqual({});
    localStorage.setItem('k', '42');
    expect(createDraft('k').load()).toEqual({});
    localStorage.setItem('k', 'null');
    expect(createDraft('k').load()).toEqual({});
    localStorage.setItem('k', JSON.stringify({ title: 'ok', priority: 3, fields: { a: 1 } }));
    expect(createDraft('k').load()).toEqual({ title: 'ok' });
  });

  it('works without storage (private mode, blocked cookies)', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    const draft = createDraft('k');
    expect(() => draft.save({ title: 'x' })).not.toThrow();
    expect(draft.load()).toEqual({});
    expect(() => draft.clear()).not.toThrow();
  });
});
