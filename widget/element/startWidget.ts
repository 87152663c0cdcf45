import { version } from '../../package.json';
import type { StringOverrides } from '../i18n/strings.ts';
import type { FormPart } from '../part/formPart.ts';
import type { LauncherPart } from '../part/launcherPart.ts';
import type { SendPart } from '../part/sendPart.ts';
import { createPartLoader } from '../part/loadPart.ts';
import type { PartPin } from '../part/partFiles.ts';
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

/** Each part of a script: bundled into it, or its pinned file beside it (see PartPin), loaded when first needed. */
export interface WidgetParts {
  form: FormPart | PartPin;
  launcher: LauncherPart | PartPin;
  send: SendPart | PartPin;
}

/**
 * Starts the widget on this page: `window.TomTicketForm` and `<tomticket-form>`, with each of
 * `parts` bundled or loaded from beside the script. A second script of the widget on the page
 * leaves the first in charge.
 */
export function startWidget(parts: WidgetParts): void {
  // currentScript exists only while the script first runs: read it now, not when a form mounts.
  const scriptUrl = (document.currentScript as HTMLScriptElement | null)?.src;
  const base = scriptUrl ? new URL('.', scriptUrl).href : `${location.origin}/`;
  const { form, launcher, send } = parts;
  const isPin = (part: object): part is PartPin => Array.isArray(part);
  const fromFile = <Part>([file, integrity]: PartPin) => createPartLoader<Part>(new URL(file, base).href, integrity);
  const env: PageEnv = {
    base,
    strings: [],
    forms: new Set(),
    drafts: createDraftKeys(),
    form: isPin(form) ? fromFile(form) : form,
    launcher: isPin(launcher) ? fromFile(launcher) : launcher,
    loadSendPart: isPin(send) ? fromFile(send) : async () => send,
  };
  window.TomTicketForm ??= pageApi(env);
  defineElement(env);
}

/** The verbs every form of the page answers to (`window.TomTicketForm`, the npm package's exports), bound to `env`. */
export function pageApi(env: PageEnv): TomTicketFormGlobal {
  return {
    mount: (element, options = {}) => mountForm(element, options, env),
    strings(overrides) {
      env.strings.push(overrides);
      env.forms.forEach((form) => form.restring());
    },
    version,
  };
}
