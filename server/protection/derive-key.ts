import { createHmac } from 'node:crypto';

/**
 * A key for one purpose derived from FORM_SECRET (HMAC-SHA-256 of the purpose's name), so a form
 * token can never pass as a challenge signature and one secret serves every protection.
 */
export function deriveKey(secret: string, purpose: string): Buffer {
  return createHmac('sha256', secret).update(`tomticket-form:${purpose}`).digest();
}
