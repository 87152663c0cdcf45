import type { TicketContext } from '../../contract/index.ts';

/** A custom field the server fills itself (CONTEXT_FIELD, the consent's `field`), as the ticket's department and category have it. */
export interface NoteField {
  id: string;
  /** The longest value it takes, measured as TomTicket counts (the schema's text rules). */
  maxLength: number;
  /** TomTicket requires it: it gets a placeholder when there is nothing to put in it. */
  required: boolean;
}

/**
 * What the form tells agents besides the customer's words, kept apart from them until the ticket
 * is queued, when they become lines at the end of the message or custom fields (compose-ticket.ts).
 * Kept apart so that a retry of the same ticket (the same Idempotency-Key) is the same ticket even
 * when the window was resized meanwhile, and so that the consent's time is the server's.
 */
export interface TicketNotes {
  /** The page and device details the widget sent, checked (read-notes.ts). */
  context?: TicketContext;
  /** The consent the customer gave, by the version of its text in force when the server received it. */
  consent?: { version: string };
  /** Where the context goes instead of the message, when CONTEXT_FIELD names a field this ticket has. */
  contextField?: NoteField;
  /** Where the consent is also recorded, when FORM_CONFIG's consent names a field this ticket has. */
  consentField?: NoteField;
}
