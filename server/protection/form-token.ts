import { createHmac, timingSafeEqual } from 'node:crypto';
import { deriveKey } from './derive-key.ts';
import type { Refusal } from './types.ts';

/** Issues and checks the signed form token that carries when the form was loaded. */
export interface FormTokens {
  /** A token saying "issued now". */
  issue(): string;
  /** Undefined when the token is genuine, at least the minimum time old and not expired; else the refusal. */
  check(token: string | null): Refusal | undefined;
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

// `<issued at, ms, base 36>.<HMAC-SHA-256, base64url>`: short enough for a header, nothing to store.
const TOKEN_SHAPE = /^([0-9a-z]{1,12})\.([A-Za-z0-9_-]{43})$/;

/**
 * Form tokens: an HMAC over the time the form was loaded, so a client cannot claim it loaded the
 * form earlier than it did. A bot posting straight away is refused `too_fast`; a token older than
 * the maximum age (a tab left open for days, a token replayed much later) `challenge_failed`.
 */
export function createFormTokens(options: FormTokenOptions): FormTokens {
  const key = deriveKey(options.secret, 'form-token');
  const now = options.now ?? Date.now;
  const sign = (issuedAt: string) => createHmac('sha256', key).update(issuedAt).digest('base64url');

  return {
    issue() {
      const issuedAt = now().toString(36);
      return `${issuedAt}.${sign(issuedAt)}`;
    },
    check(token) {
      if (token === null || token === '') {
        return failed('The Form-Token header is missing: load the form (GET /api/challenge) before sending.');
      }
      const match = TOKEN_SHAPE.exec(token);
      const expected = match && Buffer.from(sign(match[1] as string));
      const given = match && Buffer.from(match[2] as string);
      if (!expected || !given || !timingSafeEqual(expected, given)) return failed('The form token is not valid.');
      const ageMs = now() - parseInt(match[1] as string, 36);
      if (ageMs > options.maxAgeSeconds * 1000) return failed('The form token has expired: reload the form.');
      const waitMs = options.minSeconds * 1000 - ageMs;
      if (waitMs > 0) {
        return {
          status: 400,
          code: 'too_fast',
          message: `The form was sent too soon after it was loaded (at least ${options.minSeconds} s).`,
          retryAfterSeconds: Math.ceil(waitMs / 1000),
        };
      }
      return undefined;
    },
  };
}

function failed(message: string): Refusal {
  return { status: 400, code: 'challenge_failed', message };
}
