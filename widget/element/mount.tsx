/**
 * Classic JSX: h() takes children as arguments, which bundles smaller than the automatic runtime.
 * @jsxRuntime classic
 * @jsx h
 */
import { h, render } from 'preact';
import { computed, effect, signal, type ReadonlySignal } from '../model/signals.ts';
import { createDraft } from '../draft/createDraft.ts';
import { afterRender } from '../form/afterRender.ts';
import { focusFirst } from '../form/focusFirst.ts';
import { Widget } from '../form/Widget.tsx';
import type { StringOverrides } from '../i18n/strings.ts';
import { createI18n, pickLocale } from '../i18n/translate.ts';
import { createFormModel, type ModelEvent, type Prefill } from '../model/createFormModel.ts';
import { resolveOptions, type MountOptions } from './options.ts';
import { STYLES } from './styles.ts';

/** What the page shares with every form on it: where widget.js came from and the global string overrides. */
export interface PageEnv {
  /** The default endpoint: the folder widget.js was loaded from. */
  base: string;
  strings: ReadonlySignal<readonly StringOverrides[]>;
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
 * Renders one independent form into `host`'s open shadow root. The whole tree is drawn inside one
 * effect, so it redraws when any signal it read changes; Preact's diff keeps that cheap, and it
 * spares the 2 KB (gzip) of @preact/signals' per-component integration the size budget cannot pay.
 */
export function mountForm(host: HTMLElement, options: MountOptions, env: PageEnv): MountedForm {
  const settings = signal(resolveOptions(options, env.base));
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  // A constructed sheet, not a <style>: it works under a strict style-src CSP.
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(STYLES);
  root.adoptedStyleSheets = [sheet];

  // Events fire once the screen shows the new state, so listeners can read it.
  const emit = (type: ModelEvent, detail = {}) =>
    afterRender(() => host.dispatchEvent(new CustomEvent(`tomticket:${type}`, { detail, bubbles: true, composed: true })));
  const index = [...document.querySelectorAll('tomticket-form')].indexOf(host);
  const draft = settings.peek().draft && createDraft(`tomticket-form:${location.pathname}#${host.id || index}`);
  const model = createFormModel(settings, emit, draft || undefined);
  const i18n = computed(() => {
    const { lang, strings } = settings.value;
    return createI18n(pickLocale(lang, document.documentElement.lang, navigator.language), [...env.strings.value, strings]);
  });

  let lastStatus = model.status.peek();
  const stopRendering = effect(() => {
    render(<Widget {...i18n.value} model={model} options={settings.value} />, root);
    // A status change replaced what had the focus (fieldset locked, success shown…): move it on.
    if (model.status.value !== lastStatus) afterRender(() => focusFirst(root));
    lastStatus = model.status.value;
  });
  if (__TT_DEBUG__) console.debug('[tomticket] mounted', settings.peek());

  // Only the launcher draws a dialog.
  const dialog = () => root.querySelector('dialog');
  return {
    open: () => dialog()?.open || dialog()?.showModal(),
    close: () => dialog()?.close(),
    prefill: model.prefill,
    reset: model.reset,
    identify: (identity) => (settings.value = { ...settings.peek(), identity }),
    update: (next) => (settings.value = resolveOptions(next, env.base)),
    destroy() {
      stopRendering();
      model.destroy();
      render(null, root);
      root.adoptedStyleSheets = [];
    },
  };
}
