import type { h, VNode } from 'preact';
import type { checkValue, FormSchema } from '../../contract/index.ts';
import type { placeProblem } from '../api/placeProblem.ts';
import type { prepareProof } from '../api/prepareProof.ts';
import type { newIdempotencyKey } from '../api/newIdempotencyKey.ts';
import type { sendTicket } from '../api/sendTicket.ts';
import type { drawSuccess } from '../success/drawSuccess.ts';
import type { ContextSetting } from '../context/collectContext.ts';
import type { Field } from '../form/Field.tsx';
import type { View } from '../form/view.ts';
import type { Locale, ProblemStrings, SentStrings } from '../i18n/strings.ts';
import type { Rule } from '../model/buildRules.ts';

/**
 * What a row of the send part is drawn with: the form's view, the row, and the form's own `h` and
 * `Field` (the part carries no Preact of its own: it builds nodes with the form's).
 */
export type SendRowProps = View & { rule: Rule; h: typeof h; Field: typeof Field };

/** A row the send part draws after the attachments (the consent, the note on what is sent). */
// VNode of any props: a row returns an element or the form's Field, whatever their props.
export type SendRow = (props: SendRowProps) => VNode<any> | null;

/**
 * What a form needs once the customer acts on it, not to be drawn: the value checks, the texts of
 * problems, of the progress and of a sent ticket, the consent's checkbox and the note on what is
 * sent, the proof of work, the context collected at send time, the request that sends a ticket and
 * the view of a sent one. Every form loads it from
 * {@link PART_FILES}`.send` right after its first render, side by side with its schema: the form
 * can be typed in before it arrives and can send only once both are there, so it costs neither a
 * round trip nor bytes before the customer can type.
 */
export interface SendPart {
  /** The contract's value checks, the server's own. */
  checkValue: typeof checkValue;
  /**
   * What sending, a sent ticket, the part's rows and every problem show, per locale (a layer of the
   * form's texts: site overrides still win).
   */
  texts: Readonly<Record<Locale, SentStrings & ProblemStrings>>;
  /**
   * The rows the part adds after the attachments, for a form with `schema` sending its context
   * as `context` says: the note on what is sent (unless `context` is off), and the consent's
   * required checkbox when the schema asks for one.
   */
  rows(schema: FormSchema, context: ContextSetting): Rule[];
  prepareProof: typeof prepareProof;
  /** Sends a ticket (see sendTicket), its page and device context collected at that moment as `context` says. */
  sendTicket: typeof sendTicket;
  /** A new ticket's Idempotency-Key: made only when it is first sent. */
  newIdempotencyKey: typeof newIdempotencyKey;
  /** Where a refused ticket's problem shows. */
  placeProblem: typeof placeProblem;
  /** What a form shows once its ticket was taken. */
  drawSuccess: typeof drawSuccess;
}
