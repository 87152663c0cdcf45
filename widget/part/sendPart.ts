import type { checkValue } from '../../contract/index.ts';
import type { placeProblem } from '../api/placeProblem.ts';
import type { prepareProof } from '../api/prepareProof.ts';
import type { newIdempotencyKey } from '../api/newIdempotencyKey.ts';
import type { sendTicket } from '../api/sendTicket.ts';
import type { drawSuccess } from '../success/drawSuccess.ts';
import type { Locale, ProblemStrings, SentStrings } from '../i18n/strings.ts';

/**
 * What a form needs once the customer acts on it, not to be drawn: the value checks, the texts of
 * problems, of the progress and of a sent ticket, the proof of work, the request that sends a
 * ticket and the view of a sent one. Every form loads it from
 * {@link PART_FILES}`.send` right after its first render, side by side with its schema: the form
 * can be typed in before it arrives and can send only once both are there, so it costs neither a
 * round trip nor bytes before the customer can type.
 */
export interface SendPart {
  /** The contract's value checks, the server's own. */
  checkValue: typeof checkValue;
  /**
   * What sending, a sent ticket and every problem show, per locale (a layer of the form's texts:
   * site overrides still win).
   */
  texts: Readonly<Record<Locale, SentStrings & ProblemStrings>>;
  prepareProof: typeof prepareProof;
  sendTicket: typeof sendTicket;
  /** A new ticket's Idempotency-Key: made only when it is first sent. */
  newIdempotencyKey: typeof newIdempotencyKey;
  /** Where a refused ticket's problem shows. */
  placeProblem: typeof placeProblem;
  /** What a form shows once its ticket was taken. */
  drawSuccess: typeof drawSuccess;
}
