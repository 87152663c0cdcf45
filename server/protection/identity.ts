import { jwtVerify } from 'jose';
import { LIMITS, countChars } from '../../contract/index.ts';
import { isEmailAddress } from '../../contract/index.ts';
import type { Identity, Refusal } from './types.ts';

/** What verifying an Authorization header gave: no token, a vouched-for customer, or a refusal. */
export type IdentityOutcome = { ok: true; identity?: Identity } | { ok: false; refusal: Refusal };

/** Options of {@link createIdentityVerifier}. */
export interface IdentityOptions {
  /** The HS256 secret shared with the site's backend; undefined: every token is refused. */
  secret: string | undefined;
  /** Refuse requests without a token. */
  required: boolean;
  /** The `aud` claim a token must carry (IDENTITY_AUDIENCE): a token the site signed for another use is refused. */
  audience: string;
  /** The furthest `exp` may lie ahead: a token valid for a month is not short-lived. */
  maxLifetimeSeconds: number;
  now?: () => number;
}

// Clocks of the site's backend and this server may differ a little.
const CLOCK_TOLERANCE_SECONDS = 30;
const MAX_TOKEN_CHARS = 4096;
const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

/**
 * Verifies the customer's identity token the way Zendesk, Freshdesk and Intercom do: a JWT the
 * site's backend signed with HS256 and the shared secret, with claims `email`, `name`, `exp`,
 * `aud` and optionally `external_id`. Only HS256 is accepted (no `none`, no algorithm confusion);
 * expired, not yet valid, far-future or malformed tokens are refused 401 `identity_invalid`, and so
 * are tokens without this form's audience: a site that signs its own session tokens (e-mail,
 * name, exp) with the same secret must not have those taken here.
 */
export function createIdentityVerifier(options: IdentityOptions): (authorization: string | null) => Promise<IdentityOutcome> {
  const key = options.secret === undefined ? undefined : new TextEncoder().encode(options.secret);
  const now = options.now ?? Date.now;

  return async (authorization) => {
    if (authorization === null || authorization === '') {
      return options.required
        ? refuse('identity_required', 'This form only takes tickets from signed-in customers (an identity token).')
        : { ok: true };
    }
    const token = authorization.length <= MAX_TOKEN_CHARS ? BEARER.exec(authorization)?.[1] : undefined;
    if (token === undefined) return refuse('identity_invalid', 'The Authorization header must be "Bearer <identity token>".');
    if (key === undefined) return refuse('identity_invalid', 'This server does not accept identity tokens (no IDENTITY_SECRET).');

    let claims: Record<string, unknown>;
    try {
      ({ payload: claims } = await jwtVerify(token, key, {
        algorithms: ['HS256'],
        requiredClaims: ['exp', 'aud'],
        audience: options.audience,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: new Date(now()),
      }));
    } catch {
      // jose's reason (expired, bad signature…) is deliberately not told: it would help forging.
      return refuse('identity_invalid', 'The identity token is not valid or has expired.');
    }
    const nowSeconds = now() / 1000;
    if ((claims.exp as number) > nowSeconds + options.maxLifetimeSeconds + CLOCK_TOLERANCE_SECONDS) {
      return refuse('identity_invalid', 'The identity token is valid for too long: sign short-lived tokens.');
    }
    const identity = toIdentity(claims);
    if (identity === undefined) {
      return refuse('identity_invalid', 'The identity token needs an e-mail address `email` and a name `name`.');
    }
    return { ok: true, identity };
  };
}

function toIdentity(claims: Record<string, unknown>): Identity | undefined {
  const { email, name, external_id: externalId } = claims;
  if (typeof email !== 'string' || !isEmailAddress(email)) return undefined;
  if (typeof name !== 'string' || name.trim() === '' || countChars(name) > LIMITS.nameMaxChars) return undefined;
  const identity: Identity = { email, name: name.trim() };
  if (typeof externalId === 'string' && externalId !== '' && countChars(externalId) <= LIMITS.idMaxChars) {
    identity.externalId = externalId;
  } else if (typeof externalId === 'number' && Number.isSafeInteger(externalId)) {
    identity.externalId = String(externalId);
  }
  return identity;
}

function refuse(code: 'identity_invalid' | 'identity_required', message: string): IdentityOutcome {
  return { ok: false, refusal: { status: 401, code, message } };
}
