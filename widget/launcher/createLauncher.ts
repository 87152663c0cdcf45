import type { Options } from '../element/options.ts';
import { launcherTexts } from '../i18n/launcherTexts.ts';
import type { LauncherStrings, Locale, StringOverrides } from '../i18n/strings.ts';
import { makeElement as make } from '../dom/makeElement.ts';
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
  /**
   * Draws the button in its corner with its label, icon or both, and the texts in `locale`, each
   * of `overrides` (later wins) replacing shipped ones.
   */
  show(look: Pick<Options, 'position' | 'launcherLabel'>, locale: Locale, overrides: ReadonlyArray<StringOverrides | undefined>): void;
  /** Opens the dialog once the form is there; the button is busy meanwhile, and says so when the form cannot be loaded. */
  open(): void;
  close(): void;
  /** Takes the button, the dialog and their stylesheet away. */
  remove(): void;
}

/** A chat bubble: the launcher's icon, drawn in the button's text colour. */
const ICON_PATH = 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2Zm3 6.5h10M7 13.5h6';

/**
 * A floating button opening the form in a modal <dialog>, drawn with plain DOM so that
 * launcher.js needs no Preact before the customer reaches for it. On wide screens the dialog is a
 * card anchored above the button's corner (the page stays visible around it); under 600 px a
 * full-height sheet. showModal() traps the focus and closes on Escape, and every close gives the
 * focus back to the button. The pointer over the button or the focus on it starts the form
 * quietly (intent); a click opens the dialog once the form is there, or says, in the customer's
 * language, that it could not be loaded (the next click tries again). It brings its own
 * stylesheet, so pages without a launcher never download it.
 */
export function createLauncher(parent: HTMLElement, host: LauncherHost): Launcher {
  const dropStyles = adoptSheet(parent.getRootNode() as ShadowRoot, styles);
  const svg = (tag: string, attributes: Record<string, string>) => {
    const element = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const name in attributes) element.setAttribute(name, attributes[name]!);
    return element;
  };
  const icon = svg('svg', { viewBox: '0 0 24 24', 'aria-hidden': 'true', class: 'glyph' });
  icon.append(svg('path', { d: ICON_PATH }));
  // The label stays in the button when only the icon shows: it is the button's accessible name.
  const label = make('span', {});
  const button = make('button', { type: 'button', part: 'button launcher', 'aria-haspopup': 'dialog' }, icon, label);
  // role=alert: the failure is read out when it appears, the customer having just clicked.
  const note = make('p', { role: 'alert' });
  const heading = make('h2', { id: 'tt-dialog-title' });
  const closer = make('button', { type: 'button', part: 'button close', class: 'close' }, '×');
  const dialog = make('dialog', { part: 'dialog', 'aria-labelledby': heading.id }, make('div', { class: 'head' }, heading, closer), host.body);
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
    show({ position, launcherLabel }, locale, overrides) {
      // Unknown values take the defaults here: the launcher alone reads these options.
      const side = position === 'bottom-left' ? 'left' : 'right';
      const only = launcherLabel === 'icon' || launcherLabel === 'label' ? ` only-${launcherLabel}` : '';
      button.className = `opener primary ${side}${only}`;
      note.className = `note ${side}`;
      dialog.className = side;
      texts = launcherTexts(locale, overrides);
      label.textContent = heading.textContent = texts.open;
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
