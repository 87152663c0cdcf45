/** What is known of the account's token: nothing yet, accepted by TomTicket, or refused since a moment. */
export type TokenState =
  | { state: 'unknown' }
  | { state: 'accepted'; checkedAt: string }
  | { state: 'refused'; since: string; checkedAt: string };

/** The token's health as the client's calls show it: /healthz, the outbox and the doctor read it. */
export interface TokenHealth {
  current(): TokenState;
  /** TomTicket answered a call as it answers a valid token. */
  accepted(): void;
  /** TomTicket refused the token (401/403, or a refusal of the call that needs nothing but the token). */
  refused(): void;
}

/** A fresh record: unknown until the first answer. */
export function createTokenHealth(options: { now?: () => number } = {}): TokenHealth {
  const now = options.now ?? Date.now;
  let current: TokenState = { state: 'unknown' };
  const stamp = () => new Date(now()).toISOString();

  return {
    current: () => ({ ...current }),
    accepted() {
      current = { state: 'accepted', checkedAt: stamp() };
    },
    refused() {
      current = { state: 'refused', since: current.state === 'refused' ? current.since : stamp(), checkedAt: stamp() };
    },
  };
}
