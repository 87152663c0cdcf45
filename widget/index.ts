import { signal } from './model/signals.ts';
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
// Every TomTicketForm.strings() call, in order: later ones win, key by key.
const strings = signal<readonly StringOverrides[]>([]);
const env: PageEnv = { base: scriptUrl ? new URL('.', scriptUrl).href : location.origin, strings };

window.TomTicketForm ??= {
  mount: (element, options = {}) => mountForm(element, options, env),
  strings(overrides) {
    strings.value = [...strings.value, overrides];
  },
  version,
};
defineElement(env);
