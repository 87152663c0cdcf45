import { jsonResponse } from '../http/json-response.ts';
import type { ServerConfig } from '../config/types.ts';
import type { OutboxStatus } from '../outbox/types.ts';
import type { SchemaStatus } from '../schema/types.ts';
import type { TokenState } from '../tomticket/token-health.ts';
import type { UpstreamHealth } from './upstream-health.ts';

/** What {@link createHealthRoute} reads; every part is read without calling TomTicket. */
export interface HealthDeps {
  mode: ServerConfig['mode'];
  upstream: UpstreamHealth;
  /** What TomTicket's answers say of the token. */
  tokenState?: () => TokenState;
  /** Where the form schema comes from (TomTicket, the copy saved on disk, nowhere yet). */
  schemaStatus?: () => SchemaStatus;
  /** Tickets waiting, parked as uncertain or dead, the oldest's age. */
  outbox?: () => Promise<OutboxStatus>;
}

/** Why the server cannot do its job, as /healthz names it. */
interface HealthProblem {
  code: 'token_refused' | 'tomticket_never_reached';
  message: string;
}

/**
 * `GET /healthz`: the server is up, in which mode, how the last TomTicket call went (no call of its
 * own), what TomTicket thinks of the token, where the form comes from and the outbox. Answers 503
 * with `problem` when tickets cannot reach TomTicket without someone acting: the token is refused
 * (tickets are kept meanwhile), or TomTicket never answered and no form was saved (tickets refused).
 */
export function createHealthRoute(deps: HealthDeps): () => Promise<Response> {
  return async () => {
    const token = deps.tokenState?.() ?? { state: 'unknown' };
    const form = deps.schemaStatus?.();
    const problem = problemOf(token, form);
    const body = {
      ok: problem === undefined,
      mode: deps.mode,
      ...(problem ? { problem } : {}),
      upstream: { ...deps.upstream.status(), token: token.state, ...(token.state === 'refused' ? { tokenRefusedSince: token.since } : {}) },
      ...(form ? { form } : {}),
      ...(deps.outbox ? { outbox: await deps.outbox() } : {}),
    };
    return jsonResponse(problem ? 503 : 200, body, { 'Cache-Control': 'no-store' });
  };
}

function problemOf(token: TokenState, form: SchemaStatus | undefined): HealthProblem | undefined {
  if (token.state === 'refused' && token.writing) {
    return {
      code: 'token_refused',
      message:
        'TomTicket accepts TOMTICKET_TOKEN for reading but refuses it the creation of tickets (API 2.0). Tickets are kept in ' +
        'the outbox and sent once it is allowed: give the token the permission "Pode criar e modificar dados" in TomTicket ' +
        '(or make a new one with it); `npm run doctor` checks it.',
    };
  }
  if (token.state === 'refused') {
    return {
      code: 'token_refused',
      message:
        'TomTicket refuses TOMTICKET_TOKEN. Tickets are kept in the outbox and sent once it is accepted: put a valid ' +
        'token in TOMTICKET_TOKEN and restart (or re-enable this one in TomTicket); `npm run doctor` checks it.',
    };
  }
  if (form?.source === 'none' && form.tried) {
    return {
      code: 'tomticket_never_reached',
      message:
        'TomTicket has not answered since this server started and no form was saved by an earlier run, so tickets ' +
        'cannot be checked and are refused (503). Check TOMTICKET_API_URL and the network; `npm run doctor` tells more.',
    };
  }
  return undefined;
}
