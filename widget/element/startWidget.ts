import { version } from '../../package.json';
import type { FormPart } from '../part/formPart.ts';
import type { StringOverrides } from '../i18n/strings.ts';
import { defineElement } from './defineElement.ts';
import { createDraftKeys } from './draftKeys.ts';
import { mountForm, type MountedForm, type PageEnv } from './mount.ts';
import type { MountOptions } from './options.ts';

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

/**
 * Starts the widget on this page: `window.TomTicketForm` and `<tomticket-form>`, with the form
 * `part` bundled or loaded from `partFile` beside the script. A second script of the widget on
 * the page leaves the first in charge.
 */
export function startWidget(part: FormPart | ((base: string) => () => Promise<FormPart>)): void {
  // currentScript exists only while the script first runs: read it now, not when a form mounts.
  const scriptUrl = (document.currentScript as HTMLScriptElement | null)?.src;
  const base = scriptUrl ? new URL('.', scriptUrl).href : `${location.origin}/`;
  const env: PageEnv = {
    base,
    strings: [],
    forms: new Set(),
    drafts: createDraftKeys(),
    part: typeof part === 'function' ? part(base) : part,
  };
  window.TomTicketForm ??= {
    mount: (element, options = {}) => mountForm(element, options, env),
    strings(overrides) {
      env.strings.push(overrides);
      env.forms.forEach((form) => form.restring());
    },
    version,
  };
  defineElement(env);
}
