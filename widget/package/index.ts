/**
 * The npm package's entry (`import 'tomticket-form'`), for sites that bundle: importing it
 * registers `<tomticket-form>`; `mount` and `strings` are `window.TomTicketForm`'s verbs. The
 * form comes with the import (an inline form is drawn at once); the launcher and the send part are
 * dynamic imports, so the site's bundler splits them into chunks loaded when first needed, as
 * widget.js loads its parts. Preact and @preact/signals are the package's dependencies, not
 * bundled: a Preact site shares its own copy.
 */
import { defineElement } from '../element/defineElement.ts';
import { createDraftKeys } from '../element/draftKeys.ts';
import type { PageEnv } from '../element/mount.ts';
import { pageApi, type TomTicketFormGlobal } from '../element/startWidget.ts';
import { formPart } from '../form/formPart.ts';
import { version as packageVersion } from '../../package.json';

export type { TomTicketFormAttributes } from '../element/attributes.ts';
export type { TomTicketFormElement } from '../element/defineElement.ts';
export type { TomTicketFormEventDetails, TomTicketFormEventMap } from '../element/events.ts';
export type { FormHandle, MountedForm } from '../element/mount.ts';
export type { MountOptions, Options } from '../element/options.ts';
export type { TomTicketFormGlobal } from '../element/startWidget.ts';
export type { SentTicket } from '../api/sendTicket.ts';
export type { ContextSetting } from '../context/collectContext.ts';
export type { Locale, StringKey, StringOverrides } from '../i18n/strings.ts';
export type { Prefill } from '../model/types.ts';

/**
 * The page's forms and what they share, made once per page by this import. Nothing happens
 * outside a browser (a server-side render that imports the package): there is no page there.
 */
function startPackage(): TomTicketFormGlobal | undefined {
  if (typeof window === 'undefined' || typeof customElements === 'undefined') return undefined;
  const env: PageEnv = {
    // No script URL to default to: a form without `endpoint` calls the page's own origin.
    base: `${location.origin}/`,
    strings: [],
    forms: new Set(),
    drafts: createDraftKeys(),
    form: formPart,
    launcher: () => import('../launcher/launcherPart.ts').then((part) => part.launcherPart),
    loadSendPart: () => import('../api/sendPart.ts').then((part) => part.sendPart),
  };
  defineElement(env);
  return pageApi(env);
}

const page = startPackage();

function inBrowser(): TomTicketFormGlobal {
  if (!page) throw new Error('tomticket-form: mount() and strings() run in a browser, not during a server-side render.');
  return page;
}

/** Renders a form into `element`'s open shadow root with `options` instead of attributes; `update()` replaces them, `destroy()` removes the form. */
export const mount: TomTicketFormGlobal['mount'] = (element, options) => inBrowser().mount(element, options);

/** Merges text overrides, per locale, into every form of the page, already shown ones included. */
export const strings: TomTicketFormGlobal['strings'] = (overrides) => inBrowser().strings(overrides);

/** The package's version. */
export const version: string = packageVersion;
