import { signal } from '@preact/signals-core';
import { version } from '../package.json';
import { defineElement } from './element/defineElement.ts';
import { mountForm, type MountedForm, type PageEnv } from './element/mount.tsx';
import type { MountOptions } from './element/options.ts';
import type { StringOverrides } from './i18n/strings.ts';

/** `window.TomTicketForm`: the script's whole API besides the element. */
export interface TomTicketFormGlobal {
  /** Renders a form into any element's open shadow root; `update()` replaces its options, `destroy()` removes it. */
  mount(element: HTMLElement, options?: MountOptions): MountedForm;
  /** Merges text overrides, per locale, into every form of the page, already shown ones included. */
  strings(overrides: StringOverrides): void;
  /** This script's version. */
  version: string;
}

declare global {
  interface Window {
    TomTicketForm?: TomTicketFormGlobal;
  }
}

// currentScript exists only while the script first runs: read it now, not when a form mounts.
const scriptUrl = (document.currentScript as HTMLScriptElement | null)?.src;
const strings = signal<StringOverrides>({});
const env: PageEnv = { base: scriptUrl ? new URL('.', scriptUrl).href : location.origin, strings };

window.TomTicketForm ??= {
  mount: (element, options = {}) => mountForm(element, options, env),
  strings(overrides) {
    const merged: StringOverrides = { ...strings.value };
    for (const [locale, texts] of Object.entries(overrides) as Array<[keyof StringOverrides, object]>) {
      merged[locale] = { ...merged[locale], ...texts };
    }
    strings.value = merged;
  },
  version,
};
defineElement(env);
