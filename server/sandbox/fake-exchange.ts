import type { IncomingMessage } from 'node:http';
import type { FakeAccount } from './fake-account.ts';
import type { FakeReply } from './fake-reply.ts';
import type { FakeVariants } from './types.ts';

/** One request to a known endpoint, with everything its handler needs. */
export interface FakeExchange {
  request: IncomingMessage;
  url: URL;
  /** The path segments after the token as the account reads them (see FakeVariants.pathSegments); undefined when undecodable. */
  params: Array<string | undefined>;
  variants: FakeVariants;
  account: FakeAccount;
  storageDir: string;
  reply: FakeReply;
  /** Set while the 'reject' fault is on: the text `criar_chamado` refuses with. */
  rejection?: string;
}
