import { PROTECTION, type ChallengeBody } from '../../contract/index.ts';
import type { FormTokens } from './form-token.ts';
import type { ProofOfWork } from './proof-of-work.ts';
import type { Refusal } from './types.ts';
import { createUsedOnce } from './used-once.ts';

/** The form token and proof of work of one form, issued together and spent together. */
export interface FormProofs {
  /** What `GET /api/challenge` gives: a proof-of-work challenge and a form token bound to it, each while its protection is on. */
  issue(): Promise<Pick<ChallengeBody, 'token' | 'challenge'>>;
  /**
   * Checks a ticket's Form-Token and Altcha headers as one pair and spends it: undefined the first
   * time a genuine pair comes, the refusal otherwise. A form sent too soon spends nothing.
   */
  spend(headers: Headers): Promise<Refusal | undefined>;
}

/** Options of {@link createFormProofs}: the protections that are on, and how many used pairs to remember. */
export interface FormProofOptions {
  formTokens?: FormTokens;
  proofOfWork?: ProofOfWork;
  /** Used pairs remembered at most (memory bound); default 200 000. */
  maxRemembered?: number;
  now?: () => number;
}

const DEFAULT_MAX_REMEMBERED = 200_000;

/**
 * The pair a ticket must bring: the form token is issued for the nonce of the challenge given out
 * with it (the token's HMAC covers both its time and that nonce, the challenge's own signature
 * covers the nonce), so one cannot be paired with another. Each pair is accepted once: its id is
 * remembered until it expires, so a token, a solution, or both, replayed on a second ticket is
 * refused `challenge_failed`. With one protection off, the other's id alone is spent.
 */
export function createFormProofs(options: FormProofOptions): FormProofs {
  const { formTokens, proofOfWork } = options;
  const used = createUsedOnce(options.maxRemembered ?? DEFAULT_MAX_REMEMBERED, options.now);

  return {
    async issue() {
      const challenge = await proofOfWork?.issue();
      return {
        ...(formTokens ? { token: formTokens.issue(challenge?.parameters.nonce) } : {}),
        ...(challenge ? { challenge } : {}),
      };
    },

    async spend(headers) {
      // The token first: a form sent too soon is told to wait, and keeps its pair for the retry.
      const token = formTokens?.read(headers.get(PROTECTION.formTokenHeader));
      if (token && !token.ok) return token.refusal;
      const proof = await proofOfWork?.verify(headers.get(PROTECTION.proofHeader));
      if (proof && !proof.ok) return proof.refusal;
      const tokenPart = token?.token;
      const proofPart = proof?.proof;
      if (tokenPart && proofPart && tokenPart.id !== proofPart.nonce) {
        return failed('The form token and the proof of work were not issued together: reload the form.');
      }
      const id = tokenPart?.id ?? proofPart?.nonce;
      if (id === undefined) return undefined;
      const expiresAtMs = Math.min(tokenPart?.expiresAtMs ?? Infinity, proofPart?.expiresAtMs ?? Infinity);
      // After the last await and without one in between, so two concurrent replays cannot both pass.
      if (!used.use(id, expiresAtMs)) {
        return failed('This form token and proof of work were already used: every ticket needs its own from GET /api/challenge.');
      }
      return undefined;
    },
  };
}

function failed(message: string): Refusal {
  return { status: 400, code: 'challenge_failed', message };
}
