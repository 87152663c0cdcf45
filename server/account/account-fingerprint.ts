import { createHash } from 'node:crypto';

/**
 * A short name for the TomTicket account a token opens, safe to write to disk: the first 16 hex
 * digits of the token's SHA-256. What is saved for one account (its form, how it counts) is never
 * used for another after TOMTICKET_TOKEN changes.
 */
export function accountFingerprint(token: string): string {
  return createHash('sha256').update(`tomticket-account\n${token}`).digest('hex').slice(0, 16);
}
