/** TomTicket as the server uses it, through its legacy API or API 2.0: the client, its errors and the shared rate limiter. */
export type {
  ApiName,
  UpstreamCustomField,
  UpstreamCustomFields,
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
export { DEFAULT_ATTACHMENT_FIELD } from './v2/v2-dialect.ts';
