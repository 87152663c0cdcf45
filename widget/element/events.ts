import type { SentTicket } from '../api/sendTicket.ts';
import type { ModelEvent } from '../model/types.ts';

/** What each of the element's events carries in `detail`, by the model's event name. */
export interface TomTicketFormEventDetails extends Record<ModelEvent, object> {
  /** The form loaded its schema and its send part and can send (again after an `endpoint` change). */
  ready: Record<string, never>;
  /** A valid ticket starts sending. */
  submit: Record<string, never>;
  /** The ticket was created: TomTicket's id and protocol number, when it gave them. */
  success: SentTicket;
  /** The form (its schema, or a part of the widget) could not load, or a send failed: a server error code, `network` or `aborted`, and a developer-facing text. */
  error: { code: string; message: string };
}

/**
 * The element's events by their DOM name (`tomticket:success`), each a CustomEvent that bubbles
 * out of the shadow root: `element.addEventListener('tomticket:success', (e) => e.detail.protocol)`.
 */
export type TomTicketFormEventMap = {
  [Name in ModelEvent as `tomticket:${Name}`]: CustomEvent<TomTicketFormEventDetails[Name]>;
};
