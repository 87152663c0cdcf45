import { CONSENT_FIELD } from '../../contract/index.ts';

/** Where the customer's typing survives a reload: text, choices and custom fields, never files; the consent is never restored. */
export interface Draft {
  /** The saved values; `{}` when there are none, storage is unavailable or holds garbage. */
  load(): Record<string, string>;
  save(values: Readonly<Record<string, string>>): void;
  clear(): void;
}

/**
 * A draft in localStorage under `key`; every failure (private mode, quota, garbage) reads as "no
 * draft". While `usable()` is false (another form on the page has the same key) it neither reads
 * nor writes, so two forms never share one.
 */
export function createDraft(key: string, usable: () => boolean = () => true): Draft {
  const attempt = <T>(run: (storage: Storage) => T): T | undefined => {
    if (!usable()) return undefined;
    try {
      return run(localStorage);
    } catch {
      return undefined;
    }
  };
  return {
    load() {
      const saved = attempt((storage) => JSON.parse(storage.getItem(key) ?? '{}'));
      const values: Record<string, string> = {};
      if (saved && typeof saved === 'object') {
        // Never the consent: it is given for the ticket being sent, under the text shown then.
        for (const [name, value] of Object.entries(saved)) if (typeof value === 'string' && name !== CONSENT_FIELD) values[name] = value;
      }
      return values;
    },
    save: (values) => attempt((storage) => storage.setItem(key, JSON.stringify(values))),
    clear: () => attempt((storage) => storage.removeItem(key)),
  };
}
