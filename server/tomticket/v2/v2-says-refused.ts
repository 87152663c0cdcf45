import { isTrue } from '../customer-addressing.ts';

/**
 * API 2.0's failure flags, read whatever the HTTP status: `error: true` (also `1`, `"1"`,
 * `"true"`) or `success: false`. Some failures come with HTTP 200 ([code, live] C1), so the status
 * alone never says a call went well.
 */
export function v2SaysRefused(body: Record<string, unknown>): boolean {
  return isTrue(body.error) || body.success === false || body.success === 0 || body.success === '0' || body.success === 'false';
}
