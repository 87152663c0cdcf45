import type { checkValue } from '../../contract/index.ts';
import type { prepareProof } from '../api/prepareProof.ts';
import type { sendTicket } from '../api/sendTicket.ts';
import type { Locale, ProblemStrings } from '../i18n/strings.ts';

/**
 * What a form needs once the customer acts on it, not to be drawn: the value checks, the texts of
 * problems, the proof of work and the request that sends a ticket. Every form loads it from
 * {@link PART_FILES}`.send` right after its first render, side by side with its schema: the form
 * can be typed in before it arrives and can send only once both are there, so it costs neither a
 * round trip nor bytes before the customer can type.
 */
export interface SendPart {
  /** The contract's value checks, the server's own. */
  checkValue: typeof checkValue;
  /** Every problem's text, per locale (a layer of the form's texts: site overrides still win). */
  problemTexts: Readonly<Record<Locale, ProblemStrings>>;
  prepareProof: typeof prepareProof;
  sendTicket: typeof sendTicket;
}
