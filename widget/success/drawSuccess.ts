import type { SentTicket } from '../api/sendTicket.ts';
import { makeElement as make } from '../dom/makeElement.ts';
import type { I18n } from '../i18n/translate.ts';
import { adoptSheet } from '../theme/adoptSheet.ts';
import styles from './Success.css?inline';

/** What the success view shows and offers. */
export interface SuccessView {
  ticket: SentTicket;
  t: I18n['t'];
  /** Empties the form for the next ticket ("send another"). */
  another(): void;
}

/**
 * Draws, into `container`, what the customer sees once a ticket was taken: that it was, its number
 * large (TomTicket's protocol; or, when the server holds the ticket for delivery, the reference
 * support can search for) with a button copying it, and a way to send another. Plain DOM in the
 * send part, with its own stylesheet: only a form that sent a ticket needs it, and nothing is sent
 * before the part arrived. Returns what takes it away again.
 */
export function drawSuccess(container: HTMLElement, { ticket, t, another }: SuccessView): () => void {
  const dropStyles = adoptSheet(container.getRootNode() as ShadowRoot, styles);
  const { protocol, queued, reference } = ticket;
  const code = queued ? reference : protocol;
  const sentence = t(queued ? 'queued' : code != null ? 'sent' : 'sentPlain', { ref: reference, n: protocol });
  // One status, focused: the sentence, the label and the number are read out together.
  const status = make('div', { role: 'status', tabindex: '-1', 'data-focus': '' }, make('p', {}, sentence));
  const buttons = make('div', { class: 'row' });
  if (code != null) {
    const number = make('strong', { part: 'ticket-number' }, String(code));
    status.append(make('p', {}, make('small', {}, t(queued ? 'reference' : 'ticketNumber')), number));
    // aria-live: "Copied" is read out, the focus staying on the button.
    const copy = make('button', { type: 'button', part: 'button copy', 'aria-live': 'polite' }, t('copy'));
    copy.onclick = () =>
      // No clipboard (a page on plain http, a refusal): the number is selected for the customer to copy.
      (navigator.clipboard?.writeText(String(code)) ?? Promise.reject()).then(
        () => (copy.textContent = t('copied')),
        () => {
          getSelection()?.selectAllChildren(number);
          copy.textContent = t('copySelected');
        },
      );
    buttons.append(copy);
  }
  const again = make('button', { type: 'button', part: 'button' }, t('another'));
  again.onclick = another;
  buttons.append(again);
  container.append(status, buttons);
  return () => {
    container.replaceChildren();
    dropStyles();
  };
}
