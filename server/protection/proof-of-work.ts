import { createChallenge, randomInt, verifySolution, type Challenge, type Solution } from 'altcha-lib';
import { deriveKey as sha256Key } from 'altcha-lib/algorithms/sha';
import type { ProofChallenge } from '../../contract/index.ts';
import { deriveKey } from './derive-key.ts';
import type { Refusal } from './types.ts';

/** A correct solution of one of this server's challenges, verified but not spent. */
export interface VerifiedProof {
  /** The challenge's nonce: what identifies it, and what its form token was issued for. */
  nonce: string;
  /** When the challenge expires (epoch ms): how long a record of its use must be kept. */
  expiresAtMs: number;
}

/** Issues ALTCHA challenges and verifies their solutions. */
export interface ProofOfWork {
  issue(): Promise<ProofChallenge>;
  /** The challenge solved by `payload` (the Altcha header) when it is one of ours, unexpired and solved; else the refusal. Spending it is the caller's. */
  verify(payload: string | null): Promise<{ ok: true; proof: VerifiedProof } | { ok: false; refusal: Refusal }>;
}

/** Options of {@link createProofOfWork}. */
export interface ProofOfWorkOptions {
  secret: string;
  /** The number to find is drawn from [maxNumber / 10, maxNumber]: the browser tries every one below it. */
  maxNumber: number;
  /** How long a challenge can be solved and used. */
  maxAgeSeconds: number;
  now?: () => number;
}

// SHA-256 with cost 1 is what WebCrypto's digest computes in the browser without any library.
const ALGORITHM = 'SHA-256';
const MAX_PAYLOAD_CHARS = 4096;

/**
 * Proof of work in the ALTCHA v2 scheme (altcha-lib): a challenge whose key prefix comes from a
 * secret random counter, signed with a key derived from FORM_SECRET; the browser tries counters
 * 0, 1, 2… until SHA-256(salt ‖ nonce ‖ counter) starts with the prefix. Verifying checks the
 * signature, the expiry and the derived key's own signature (one HMAC, no re-hashing). That each
 * solution is accepted once, together with its form token, is form-proofs.ts's record.
 */
export function createProofOfWork(options: ProofOfWorkOptions): ProofOfWork {
  const now = options.now ?? Date.now;
  const hmacSignatureSecret = deriveKey(options.secret, 'altcha-challenge').toString('hex');
  const hmacKeySignatureSecret = deriveKey(options.secret, 'altcha-key').toString('hex');
  const minNumber = Math.max(1, Math.floor(options.maxNumber / 10));

  return {
    async issue() {
      const challenge = await createChallenge({
        algorithm: ALGORITHM,
        cost: 1,
        counter: randomInt(options.maxNumber, minNumber),
        deriveKey: sha256Key,
        expiresAt: Math.floor(now() / 1000) + options.maxAgeSeconds,
        hmacSignatureSecret,
        hmacKeySignatureSecret,
      });
      return challenge as ProofChallenge;
    },

    async verify(header) {
      if (header === null || header === '') {
        return failed('The Altcha header is missing: solve a challenge from GET /api/challenge first.');
      }
      const payload = header.length <= MAX_PAYLOAD_CHARS ? parsePayload(header) : undefined;
      if (payload === undefined) return failed('The Altcha header is not a proof-of-work payload.');
      const { challenge, solution } = payload;
      const expiresAt = challenge.parameters.expiresAt;
      // The signature covers the parameters, algorithm included; this only keeps a forged one from being tried.
      if (challenge.parameters.algorithm !== ALGORITHM || typeof expiresAt !== 'number') {
        return failed('The proof of work is not one of this server\'s challenges.');
      }
      if (expiresAt * 1000 < now()) return failed('The proof-of-work challenge has expired: reload the form.');
      let verified = false;
      try {
        const result = await verifySolution({
          challenge,
          solution,
          deriveKey: sha256Key,
          hmacSignatureSecret,
          hmacKeySignatureSecret,
        });
        verified = result.verified;
      } catch {
        // altcha-lib throws on some malformed parameters (bad hex): as wrong as a wrong answer.
      }
      if (!verified) return failed('The proof of work is wrong.');
      return { ok: true, proof: { nonce: challenge.parameters.nonce, expiresAtMs: expiresAt * 1000 } };
    },
  };
}

function parsePayload(header: string): { challenge: Challenge; solution: Solution } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(header, 'base64').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!isRecord(value) || !isRecord(value.challenge) || !isRecord(value.solution)) return undefined;
  const { parameters, signature } = value.challenge;
  if (!isRecord(parameters) || typeof signature !== 'string' || typeof parameters.nonce !== 'string') return undefined;
  if (typeof value.solution.counter !== 'number' || typeof value.solution.derivedKey !== 'string') return undefined;
  return value as unknown as { challenge: Challenge; solution: Solution };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function failed(message: string): { ok: false; refusal: Refusal } {
  return { ok: false, refusal: { status: 400, code: 'challenge_failed', message } };
}
