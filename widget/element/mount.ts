import { pickLocale } from '../i18n/pickLocale.ts';
import type { StringOverrides } from '../i18n/strings.ts';
import type { Launcher } from '../launcher/createLauncher.ts';
import type { Prefill } from '../model/types.ts';
import type { FormPart, PartForm } from '../part/formPart.ts';
import type { LauncherPart } from '../part/launcherPart.ts';
import type { SendPart } from '../part/sendPart.ts';
import { adoptSheet } from '../theme/adoptSheet.ts';
import { draftKeyOf, type DraftKeys } from './draftKeys.ts';
import { resolveOptions, type MountOptions } from './options.ts';
import { ELEMENT_STYLES } from './styles.ts';

/** A part of the widget: bundled into the running script, or a loader fetching it from its file when first needed. */
export type PartSource<Part> = Part | (() => Promise<Part>);

/** What the page shares with every form on it. */
export interface PageEnv {
  /** The default endpoint: the folder the script was loaded from. */
  base: string;
  /** Every TomTicketForm.strings() call, in order: later ones win, key by key. */
  strings: StringOverrides[];
  /** The forms mounted now, told when `strings` grows. */
  forms: Set<{ restring(): void }>;
  drafts: DraftKeys;
  /** The form itself: bundled (widget.js), or loaded when first needed (launcher.js). */
  form: PartSource<FormPart>;
  /** The launcher: bundled (launcher.js), or loaded when a form is first drawn as one (widget.js). */
  launcher: PartSource<LauncherPart>;
  /** The send part, which every form loads right after its first render. */
  loadSendPart(): Promise<SendPart>;
}

/** The verbs of a mounted form, shared by the element's methods and TomTicketForm.mount()'s handle. */
export interface FormHandle {
  /** Opens the launcher's dialog (no-op inline). */
  open(): void;
  /** Closes the launcher's dialog (no-op inline). */
  close(): void;
  /** Puts values in the form: `fields` by custom field id. */
  prefill(values: Prefill): void;
  /** Empties the form (keeping prefilled attributes), drops the files and the draft. */
  reset(): void;
  /** Sends tickets as the customer a short-lived identity token from the site's backend names; e-mail and name are no longer asked. */
  identify(token: string): void;
  /** Unmounts: removes every listener, timer, object URL and pending request the form made. */
  destroy(): void;
}

/** A {@link FormHandle} whose options can be replaced (the element calls it when attributes change). */
export interface MountedForm extends FormHandle {
  update(options: MountOptions): void;
}

/**
 * Renders one independent form into `host`'s open shadow root: the themed wrapper, the form from
 * the form part and, in launcher mode, the button and its dialog from the launcher part. A
 * bundled form is drawn at once (inline or launcher); a form to load is fetched at once inline and
 * when the launcher first asks for it otherwise. A launcher to load is fetched when the form is
 * first drawn as one. Calls made before the form or the launcher is there wait for it.
 */
export function mountForm(host: HTMLElement, given: MountOptions, env: PageEnv): MountedForm {
  let options = resolveOptions(given, env.base);
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  adoptSheet(root, ELEMENT_STYLES);
  const wrapper = root.appendChild(document.createElement('div'));
  // Where the form is drawn: in the wrapper inline, in the dialog once a launcher is drawn (hidden
  // until then, so a launcher whose part is on its way never shows the form in the page).
  const body = wrapper.appendChild(document.createElement('div'));
  const draft = options.draft ? env.drafts.reserve(draftKeyOf(options.draftKey, host)) : undefined;
  let launcher: Launcher | undefined;
  let form: PartForm | undefined;
  let gone = false;
  let openWhenDrawn = false;
  const waiting: Array<(form: PartForm) => void> = [];
  const withForm = (call: (form: PartForm) => void) => (form ? call(form) : waiting.push(call));
  const locale = () => pickLocale(options.lang, document.documentElement.lang, navigator.language);
  const reportFailure = (error: unknown) =>
    gone || host.dispatchEvent(new CustomEvent('tomticket:error', { detail: { code: 'network', message: String(error) }, bubbles: true, composed: true }));

  // Draws the form once; a load that failed is tried again by the next call.
  const startForm = async () => {
    if (form) return;
    const part = typeof env.form === 'function' ? await env.form() : env.form;
    if (gone || form) return;
    form = part.mount(body, { host, options, pageStrings: env.strings, draft, loadSendPart: env.loadSendPart });
    waiting.splice(0).forEach((call) => call(form!));
  };
  const drawLauncher = (part: LauncherPart) => {
    if (gone || options.mode !== 'launcher') return;
    launcher ??= part.create(wrapper, { body, startForm: () => (form ? undefined : startForm()), reportFailure });
    launcher.show(options, locale(), [...env.strings, options.strings]);
    if (openWhenDrawn) launcher.open();
    openWhenDrawn = false;
  };
  const draw = () => {
    wrapper.className = `tt ${options.theme} ${options.mode}`;
    wrapper.lang = locale();
    if (options.mode === 'launcher') {
      body.hidden = !launcher;
      // A failed load is reported (the page's tomticket:error) and tried again at the next draw or open().
      if (typeof env.launcher === 'function') env.launcher().then(drawLauncher, reportFailure);
      else drawLauncher(env.launcher);
    } else {
      launcher?.remove();
      launcher = undefined;
      body.hidden = false;
      wrapper.append(body);
      if (typeof env.form === 'function') startForm().catch(reportFailure);
    }
  };
  const mounted = {
    restring() {
      draw();
      form?.setPageStrings(env.strings);
    },
  };
  env.forms.add(mounted);
  draw();
  // A bundled form is drawn in a microtask: the other forms of the page reserve their draft keys first.
  if (typeof env.form !== 'function') queueMicrotask(() => void startForm());

  const handle: MountedForm = {
    open() {
      if (options.mode !== 'launcher') return;
      if (launcher) return launcher.open();
      // The launcher is on its way (or failed to load: drawing again tries again).
      openWhenDrawn = true;
      draw();
    },
    close() {
      openWhenDrawn = false;
      launcher?.close();
    },
    prefill: (values) => withForm((f) => f.prefill(values)),
    reset: () => withForm((f) => f.reset()),
    identify: (identity) => handle.update({ ...given, identity }),
    update(next) {
      given = next;
      options = resolveOptions(next, env.base);
      draw();
      form?.update(options);
    },
    destroy() {
      gone = true;
      env.forms.delete(mounted);
      // The form saves a pending draft on its way out: the key is given back after.
      form?.destroy();
      draft?.release();
      launcher?.remove();
      root.replaceChildren();
      root.adoptedStyleSheets = [];
    },
  };
  return handle;
}
