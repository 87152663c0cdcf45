/** TomTicket's legacy API as the server uses it: the client, its errors and the shared rate limiter. */
export type {
  CreateTicketResult,
  CreateTicketOptions,
  CustomerLookupForm,
  CustomerLookupResult,
  SendGuard,
  SpooledFile,
  TicketLookup,
  TicketLookupResult,
  TicketToCreate,
  TokenCheck,
  TomTicketClient,
  UpstreamDepartment,
} from './types.ts';
export type { TokenState } from './token-health.ts';
export { createTomTicketClient, type TomTicketClientOptions } from './client.ts';
export { UpstreamError, type UpstreamErrorCode } from './upstream-error.ts';
export { createRateLimiter, DEFAULT_WINDOW_MS, type RateLimiter, type RateLimiterOptions } from './limiter.ts';
export { DEFAULT_RETRY, type RetryPolicy } from './retry-delay.ts';
