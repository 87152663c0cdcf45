import type { IncomingMessage } from 'node:http';
import type { FakeAccount } from './fake-account.ts';
import type { FakeReply } from './fake-reply.ts';

/** One request to a known endpoint, with everything its handler needs. */
export interface FakeExchange {
  request: IncomingMessage;
  url: URL;
  /** The raw (still percent-encoded) path segments after the token. */
  params: string[];
  account: FakeAccount;
  storageDir: string;
  reply: FakeReply;
  /** Set while the 'reject' fault is on: the text `criar_chamado` refuses with. */
  rejection?: string;
}
