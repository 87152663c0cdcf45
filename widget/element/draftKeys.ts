import type { DraftSlot } from '../part/formPart.ts';

/** The drafts the page's forms hold: a key held by two forms at once is usable by neither. */
export interface DraftKeys {
  /** Takes `key` for one form; `release()` gives it back when the form goes. */
  reserve(key: string): DraftSlot & { release(): void };
}

/** One page's draft keys. */
export function createDraftKeys(): DraftKeys {
  const holders = new Map<string, number>();
  return {
    reserve(key) {
      holders.set(key, (holders.get(key) ?? 0) + 1);
      return {
        key,
        usable: () => holders.get(key) === 1,
        release: () => holders.set(key, holders.get(key)! - 1),
      };
    },
  };
}

/**
 * Where a form's draft is kept: its `draftKey` when it has one, else the page path plus the
 * element's id (the same as before draftKey existed, so saved drafts of forms with an id survive).
 */
export function draftKeyOf(draftKey: string, host: HTMLElement): string {
  return draftKey ? `tomticket-form:key:${draftKey}` : `tomticket-form:${location.pathname}#${host.id}`;
}
