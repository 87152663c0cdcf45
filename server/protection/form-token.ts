import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { deriveKey } from './derive-key.ts';
import type { Refusal } from './types.ts';

/** A genuine form token, old enough and not expired, read but not spent. */
export interface ReadFormToken {
  /** What the token was issued for: its proof-of-work challenge's nonce, or an id of its own. */
  id: string;
  /** When it stops being accepted (epoch ms): how long a record of its use must be kept. */
  expiresAtMs: number;
}

/** Issues and reads the signed form token that carries when the form was loaded. */
export interface FormTokens {
  /** A token saying "issued now" for `id` (the nonce of the challenge issued with it); without one, a random id. */
  issue(id?: string): string;
  /** The token's id when it is genuine, at least the minimum time old and not expired; else the refusal. Spending it is the caller's. */
  read(token: string | null): { ok: true; token: ReadFormToken } | { ok: false; refusal: Refusal };
}

/** Options of {@link createFormTokens}. */
export interface FormTokenOptions {
  secret: string;
  /** Least seconds between issue and use (MIN_SUBMIT_SECONDS). */
  minSeconds: number;
  /** Most seconds between issue and use (FORM_MAX_AGE_SECONDS). */
  maxAgeSeconds: number;
  now?: () => number;
}

// `<issued at, ms, base 36>.<id>.<HMAC-SHA-256 of both, base64url>`: short enough for a header.
const TOKEN_SHAPE = /^([0-9a-z]{1,12})\.([A-Za-z0-9_-]{16,64})\.([A-Za-z0-9_-]{43})$/;

/**
 * Form tokens: one HMAC over the time the form was loaded and what the token was issued for (the
 * proof-of-work challenge given out with it), so a client can neither claim it loaded the form
 * earlier than it did nor pair the token with another challenge. A bot posting straight away is
 * refused `too_fast`; a token older than the maximum age (a tab left open for days, a token
 * replayed much later) `challenge_failed`. That each token is spent once is the caller's record.
 */
export function createFormTokens(options: FormTokenOptions): FormTokens {
  const key = deriveKey(options.secret, 'form-token');
  const now = options.now ?? Date.now;
  const sign = (issuedAt: string, id: string) => createHmac('sha256', key).update(`${issuedAt}.${id}`).digest('base64url');

  return {
    issue(id = randomBytes(16).toString('base64url')) {
      const issuedAt = now().toString(36);
      return `${issuedAt}.${id}.${sign(issuedAt, id)}`;
    },
    read(token) {
      if (token === null || token === '') {
        return failed('The Form-Token header is missing: load the form (GET /api/challenge) before sending.');
      }
      const match = TOKEN_SHAPE.exec(token);
      const [issuedAt, id, signature] = match ? (match.slice(1) as [string, string, string]) : [];
      const expected = issuedAt !== undefined && id !== undefined && Buffer.from(sign(issuedAt, id));
      const given = signature !== undefined && Buffer.from(signature);
      if (!expected || !given || !timingSafeEqual(expected, given)) return failed('The form token is not valid.');
      const issuedAtMs = parseInt(issuedAt as string, 36);
      const ageMs = now() - issuedAtMs;
      if (ageMs > options.maxAgeSeconds * 1000) return failed('The form token has expired: reload the form.');
      const waitMs = options.minSeconds * 1000 - ageMs;
      if (waitMs > 0) {
        return {
          ok: false,
          refusal: {
            status: 400,
            code: 'too_fast',
            message: `The form was sent too soon after it was loaded (at least ${options.minSeconds} s).`,
            retryAfterSeconds: Math.ceil(waitMs / 1000),
          },
        };
      }
      return { ok: true, token: { id: id as string, expiresAtMs: issuedAtMs + options.maxAgeSeconds * 1000 } };
    },
  };
}

function failed(message: string): { ok: false; refusal: Refusal } {
  return { ok: false, refusal: { status: 400, code: 'challenge_failed', message } };
}
