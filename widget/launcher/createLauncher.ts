import { launcherTexts } from '../i18n/launcherTexts.ts';
import type { LauncherStrings, Locale, StringOverrides } from '../i18n/strings.ts';
import { adoptSheet } from '../theme/adoptSheet.ts';
import styles from './Launcher.css?inline';

/** The launcher's pieces: the form goes into `body`, inside the dialog. */
export interface Launcher {
  body: HTMLElement;
  /** Shows the launcher's texts in `locale`, each of `overrides` (later wins) replacing shipped ones. */
  setTexts(locale: Locale, overrides: ReadonlyArray<StringOverrides | undefined>): void;
  /** Marks the button busy while the rest of the form loads after a click. */
  busy(on: boolean): void;
  /** Says the form could not be opened (or, with false, stops saying it). */
  failed(on: boolean): void;
  open(): void;
  close(): void;
  /** Takes the button, the dialog and their stylesheet away. */
  remove(): void;
}

/** What the launcher tells its form: the customer may be about to use it (pointer, focus), or clicked. */
export interface LauncherEvents {
  intent(): void;
  click(): void;
}

/**
 * A floating button opening the form in a modal <dialog>, drawn with plain DOM so that
 * launcher.js needs no Preact before the customer reaches for it: showModal() traps the focus and
 * closes on Escape, and every close gives the focus back to the button. It brings its own
 * stylesheet, so pages without a launcher never download it.
 */
export function createLauncher(parent: HTMLElement, on: LauncherEvents): Launcher {
  const make = <K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string>, ...children: Node[]) => {
    const element = document.createElement(tag);
    for (const name in attributes) element.setAttribute(name, attributes[name]!);
    element.append(...children);
    return element;
  };
  const dropStyles = adoptSheet(parent.getRootNode() as ShadowRoot, styles);
  const button = make('button', { type: 'button', part: 'button launcher', class: 'launcher primary', 'aria-haspopup': 'dialog' });
  // role=alert: the failure is read out when it appears, the customer having just clicked.
  const note = make('p', { class: 'note', role: 'alert' });
  const heading = make('h2', { id: 'tt-dialog-title' });
  const closer = make('button', { type: 'button', part: 'button' }, document.createTextNode('×'));
  const body = make('div', {});
  const dialog = make('dialog', { part: 'dialog', 'aria-labelledby': heading.id }, make('div', { class: 'row' }, heading, closer), body);
  let texts: LauncherStrings | undefined;

  button.onclick = on.click;
  button.onpointerenter = button.onfocus = on.intent;
  closer.onclick = () => dialog.close();
  dialog.onclose = () => button.focus();
  parent.append(button, note, dialog);
  return {
    body,
    setTexts(locale, overrides) {
      texts = launcherTexts(locale, overrides);
      button.textContent = heading.textContent = texts.open;
      closer.setAttribute('aria-label', texts.close);
      if (note.textContent) note.textContent = texts.partFailed;
    },
    busy: (on) => (on ? button.setAttribute('aria-busy', 'true') : button.removeAttribute('aria-busy')),
    failed: (on) => (note.textContent = on ? texts!.partFailed : ''),
    open: () => dialog.open || dialog.showModal(),
    close: () => dialog.close(),
    remove: () => {
      // Going away (inline mode, unmount): the button it would give the focus back to goes too.
      dialog.onclose = null;
      dialog.close();
      button.remove();
      note.remove();
      dialog.remove();
      dropStyles();
    },
  };
}
