import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { PROTECTION, type ChallengeBody } from '../../contract/index.ts';

/** What a page gets from `GET /api/challenge`, solved: the headers to send and when they may be sent. */
export interface SolvedChallenge {
  headers: Record<string, string>;
  /** Epoch ms from which the form token is old enough. */
  readyAt: number;
}

/**
 * Does what the widget does before a ticket: fetches a challenge from the server at `baseUrl`
 * (as `origin`, when given), solves its proof of work with altcha-lib, and returns the Form-Token
 * and Altcha headers. Parts the server does not ask for are left out.
 */
export async function solveServerChallenge(baseUrl: string, origin?: string): Promise<SolvedChallenge> {
  const answer = await fetch(`${baseUrl}/api/challenge`, origin ? { headers: { Origin: origin } } : {});
  if (!answer.ok) throw new Error(`GET /api/challenge answered ${answer.status}`);
  // Counted from the answer, which left the server after the token was issued.
  const fetchedAt = Date.now();
  const body = (await answer.json()) as ChallengeBody;
  const headers: Record<string, string> = {};
  if (body.token !== undefined) headers[PROTECTION.formTokenHeader] = body.token;
  if (body.challenge !== undefined) headers[PROTECTION.proofHeader] = await solve(body.challenge as Challenge);
  return { headers, readyAt: fetchedAt + (body.minSeconds ?? 0) * 1000 };
}

/** {@link solveServerChallenge}, then waits until the form token is old enough to be accepted. */
export async function readyChallenge(baseUrl: string, origin?: string): Promise<Record<string, string>> {
  const solved = await solveServerChallenge(baseUrl, origin);
  const wait = solved.readyAt - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  return solved.headers;
}

/** The Altcha header for `challenge`: base64 of `{ challenge, solution }`, as the ALTCHA widget sends it. */
export async function solve(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey });
  if (solution === null) throw new Error('the challenge could not be solved in time');
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

/**
 * Proofs as a page has them after its customer typed a while, handed out one per ticket: fetched
 * and solved `batch` at a time, their minimum age waited out once per batch (every form token is
 * spent by its ticket, together with its challenge).
 */
export function createProofSupply(baseUrl: string, origin?: string, batch = 8): () => Promise<Record<string, string>> {
  let ready: Array<Record<string, string>> = [];
  return async () => {
    if (ready.length === 0) {
      const solved = await Promise.all(Array.from({ length: batch }, () => solveServerChallenge(baseUrl, origin)));
      const wait = Math.max(...solved.map((one) => one.readyAt)) - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      ready = solved.map((one) => one.headers);
    }
    return ready.shift() as Record<string, string>;
  };
}
