import type { Priority } from '../../contract/index.ts';

/** A file received from the customer, spooled to disk: never held in memory. */
export interface SpooledFile {
  /** The sanitised file name sent on to TomTicket. */
  fileName: string;
  /** The declared media type, or application/octet-stream. */
  type: string;
  /** Bytes on disk. */
  size: number;
  /** Absolute path of the spooled copy; the submission's owner deletes it when done. */
  path: string;
}

/** A validated ticket, in the words of the companion server (not TomTicket's field names). */
export interface TicketToCreate {
  customer: { email: string; name?: string };
  departmentId: string;
  categoryId?: string;
  title: string;
  message: string;
  priority: Priority;
  /** Custom field id → value, already validated against the schema. */
  customFields: Record<string, string>;
  attachments: SpooledFile[];
}

/** A department as TomTicket's listing gives it (`GET /departamentos/{token}`). */
export interface UpstreamDepartment {
  id: string;
  name: string;
  online?: boolean;
  categories: { id: string; name: string }[];
}

/** How a call to TomTicket ended, as a value: the HTTP layer maps each kind to a status. */
export type CreateTicketResult =
  | { ok: true; id?: string; protocol?: number }
  /** TomTicket answered `erro: true`: its own words, as plain text (→ 422). */
  | { ok: false; kind: 'rejected'; message: string }
  /** TomTicket answered 5xx, garbage, or could not be reached; or 429 after every retry (→ 502). */
  | { ok: false; kind: 'unavailable'; detail: string }
  /** No answer within the configured timeout (→ 504). */
  | { ok: false; kind: 'timeout' };

/** The legacy TomTicket API as the rest of the server sees it. */
export interface TomTicketClient {
  /** The department listing with categories; throws an UpstreamError when it cannot be had. */
  listDepartments(): Promise<UpstreamDepartment[]>;
  /** Ensures the customer exists (when configured), creates the ticket, then looks up its protocol. */
  createTicket(ticket: TicketToCreate): Promise<CreateTicketResult>;
}
