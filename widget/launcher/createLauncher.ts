import { launcherTexts } from '../i18n/launcherTexts.ts';
import type { LauncherStrings, Locale, StringOverrides } from '../i18n/strings.ts';
import { adoptSheet } from '../theme/adoptSheet.ts';
import styles from './Launcher.css?inline';

/** What a launcher is given by the element it draws for. */
export interface LauncherHost {
  /** Where the form is drawn: the launcher puts it into its dialog. */
  body: HTMLElement;
  /**
   * Draws the form: at once when bundled, once its part loaded otherwise; rejects when it could not
   * be loaded. Nothing when it is drawn already, so the dialog opens in the same task.
   */
  startForm(): Promise<void> | undefined;
  /** Tells the page the form could not be loaded (`tomticket:error`, code `network`). */
  reportFailure(error: unknown): void;
}

/** A drawn launcher. */
export interface Launcher {
  /** Shows the launcher's texts in `locale`, each of `overrides` (later wins) replacing shipped ones. */
  setTexts(locale: Locale, overrides: ReadonlyArray<StringOverrides | undefined>): void;
  /** Opens the dialog once the form is there; the button is busy meanwhile, and says so when the form cannot be loaded. */
  open(): void;
  close(): void;
  /** Takes the button, the dialog and their stylesheet away. */
  remove(): void;
}

/**
 * A floating button opening the form in a modal <dialog>, drawn with plain DOM so that
 * launcher.js needs no Preact before the customer reaches for it: showModal() traps the focus and
 * closes on Escape, and every close gives the focus back to the button. The pointer over the
 * button or the focus on it starts the form quietly (intent); a click opens the dialog once the
 * form is there, or says, in the customer's language, that it could not be loaded (the next click
 * tries again). It brings its own stylesheet, so pages without a launcher never download it.
 */
export function createLauncher(parent: HTMLElement, host: LauncherHost): Launcher {
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
  const dialog = make('dialog', { part: 'dialog', 'aria-labelledby': heading.id }, make('div', { class: 'row' }, heading, closer), host.body);
  host.body.hidden = false;
  let texts: LauncherStrings | undefined;
  // An open asked for while the form loads; a close or the launcher's removal cancels it.
  let wanted = false;

  const open = async () => {
    const starting = host.startForm();
    if (!starting) return dialog.open || dialog.showModal();
    wanted = true;
    note.textContent = '';
    button.setAttribute('aria-busy', 'true');
    try {
      await starting;
      if (wanted && !dialog.open) dialog.showModal();
    } catch (error) {
      if (!wanted) return;
      note.textContent = texts!.partFailed;
      host.reportFailure(error);
    } finally {
      wanted = false;
      button.removeAttribute('aria-busy');
    }
  };
  const close = () => {
    wanted = false;
    dialog.close();
  };

  button.onclick = () => void open();
  // Intent: the form loads while the customer reaches for the button; a failure here is said only after a click.
  button.onpointerenter = button.onfocus = () => void host.startForm()?.catch(() => {});
  closer.onclick = close;
  dialog.onclose = () => button.focus();
  parent.append(button, note, dialog);
  return {
    setTexts(locale, overrides) {
      texts = launcherTexts(locale, overrides);
      button.textContent = heading.textContent = texts.open;
      closer.setAttribute('aria-label', texts.close);
      if (note.textContent) note.textContent = texts.partFailed;
    },
    open: () => void open(),
    close,
    remove: () => {
      // Going away (inline mode, unmount): the button it would give the focus back to goes too.
      dialog.onclose = null;
      close();
      button.remove();
      note.remove();
      dialog.remove();
      dropStyles();
    },
  };
}
