/** What is known of the account's token: nothing yet, accepted by TomTicket, or refused since a moment. */
export type TokenState =
  | { state: 'unknown' }
  | { state: 'accepted'; checkedAt: string }
  /** `writing`: TomTicket lets the token read but not create (API 2.0's "Pode criar e modificar dados" permission). */
  | { state: 'refused'; since: string; checkedAt: string; writing?: true };

/** The token's health as the client's calls show it: /healthz, the outbox and the doctor read it. */
export interface TokenHealth {
  current(): TokenState;
  /** TomTicket answered a call as it answers a valid token. */
  accepted(): void;
  /** TomTicket refused the token (401/403, or a refusal of the call that needs nothing but the token), or only its writes. */
  refused(scope?: 'writing'): void;
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
    refused(scope) {
      const since = current.state === 'refused' ? current.since : stamp();
      current = { state: 'refused', since, checkedAt: stamp(), ...(scope === 'writing' ? { writing: true as const } : {}) };
    },
  };
}
