import { errorResponse } from '../http/json-response.ts';
import type { Refusal } from './types.ts';

/**
 * The answer to a protection's refusal: its status and error body, Retry-After when a wait helps
 * (429, too_fast), and WWW-Authenticate on 401 as RFC 6750 asks of a Bearer-protected resource.
 */
export function refusalResponse(refusal: Refusal): Response {
  const { status, ...error } = refusal;
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  if (refusal.retryAfterSeconds !== undefined) headers['Retry-After'] = String(refusal.retryAfterSeconds);
  if (status === 401) headers['WWW-Authenticate'] = 'Bearer';
  return errorResponse(status, error, { errors: [error], headers });
}
