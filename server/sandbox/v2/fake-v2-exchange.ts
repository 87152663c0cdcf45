import type { IncomingMessage } from 'node:http';
import type { FakeAccount } from '../fake-account.ts';
import type { FakeReply } from '../fake-reply.ts';
import { refusalStatus, type RefusalReason } from '../fake-variants.ts';
import type { FakeV2Variants, FakeVariants } from '../types.ts';

/** Answers one API 2.0 request in TomTicket's envelope `{ error, message, success, data }`. */
export interface V2Reply {
  /** 200 with `error: false, success: true` and the rest of `body` (`data`, paging, ids). */
  ok(body?: Record<string, unknown>, message?: string | null): void;
  /** A refusal in the envelope, with the status the account's `refusals` variant gives `reason` (401 for the token, always [doc]). */
  refuse(reason: RefusalReason, message: string): void;
  /** The envelope with any status (404 of an unknown route, 413, 429 as JSON…). */
  envelope(status: number, message: string): void;
  /** Any other body as is (an HTML error page, a body that is not JSON). */
  text(status: number, contentType: string, body: string): void;
}

/** Wraps the fake's replier in API 2.0's envelope. */
export function createV2Reply(reply: FakeReply, variants: FakeVariants): V2Reply {
  const envelope = (status: number, message: string) => reply.json(status, { error: true, message, success: false });
  return {
    ok: (body = {}, message = null) => reply.json(200, { error: false, message, success: true, ...body }),
    refuse: (reason, message) => envelope(reason === 'token' ? 401 : refusalStatus(variants, reason), message),
    envelope,
    text: reply.text,
  };
}

/** One API 2.0 request to a known endpoint, with everything its handler needs. */
export interface FakeV2Exchange {
  request: IncomingMessage;
  url: URL;
  /** The account-wide variants (`refusals`, `lengthUnit`). */
  variants: FakeVariants;
  v2: FakeV2Variants;
  account: FakeAccount;
  storageDir: string;
  reply: V2Reply;
  /** The attachments' field name pattern the account takes (`{n}` = index). */
  attachmentField: string;
  /** How long a new ticket stays out of the listing under the 'delayed' variant. */
  listingLagMs: number;
  /** Set while the 'reject' fault is on: the text `ticket/new` refuses with. */
  rejection?: string;
}
