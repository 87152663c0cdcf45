import { jsonResponse } from '../http/json-response.ts';
import type { Protection } from '../protection/create-protection.ts';

/**
 * `GET /api/challenge`: a fresh form token and proof-of-work challenge for the widget to send
 * back with the ticket. Never cached: each challenge is good for one ticket, and the token's
 * time must be the time this form was loaded.
 */
export function createChallengeRoute(protection: Pick<Protection, 'challenge'>): () => Promise<Response> {
  return async () => jsonResponse(200, await protection.challenge(), { 'Cache-Control': 'no-store' });
}
