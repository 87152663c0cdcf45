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
