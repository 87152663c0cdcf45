import type { FakeV2Variants, FakeVariants } from './types.ts';

/** The fake's readings when a test names none: the ones the server first bet on. */
export const DEFAULT_FAKE_VARIANTS: FakeVariants = {
  customerCheck: 'query',
  refusals: 'erro_200',
  ticketIds: 'id_chamado',
  pathSegments: 'decoded',
  lengthUnit: 'chars',
};

/** Each variant's other reading: what the variant matrix switches on, one at a time and all together. */
export const OTHER_FAKE_VARIANTS: FakeVariants = {
  customerCheck: 'path',
  refusals: 'http_4xx',
  ticketIds: 'idchamado',
  pathSegments: 'raw',
  lengthUnit: 'bytes',
};

/** Why the fake refuses a call; under 'http_4xx' each maps to its own status. */
export type RefusalReason = 'invalid' | 'not_found' | 'conflict' | 'token';

const HTTP_STATUS: Record<RefusalReason, number> = { invalid: 400, not_found: 404, conflict: 409, token: 401 };

/** The HTTP status a refusal is answered with under `variants`. */
export function refusalStatus(variants: FakeVariants, reason: RefusalReason): number {
  return variants.refusals === 'http_4xx' ? HTTP_STATUS[reason] : 200;
}

/** The variants in effect: the defaults with the given ones over them. */
export function resolveFakeVariants(given: Partial<FakeVariants> = {}): FakeVariants {
  return { ...DEFAULT_FAKE_VARIANTS, ...given };
}

/** API 2.0's best-supported readings (docs/tomticket-api-v2.md §10), the fake's behaviour when a test names none. */
export const DEFAULT_FAKE_V2_VARIANTS: FakeV2Variants = {
  createdTicket: 'root',
  rateLimitBody: 'html',
  listingEnd: 'empty',
  listingLag: 'none',
  customerCheckPath: 'customer',
  customerCheckAnswer: 'data_exists',
  customFieldList: 'ticket_key',
  departmentListing: 'nested',
};

/** Each API 2.0 variant's other reading, for the variant matrix. */
export const OTHER_FAKE_V2_VARIANTS: FakeV2Variants = {
  createdTicket: 'data',
  rateLimitBody: 'json',
  listingEnd: 'http_404',
  listingLag: 'delayed',
  customerCheckPath: 'customers',
  customerCheckAnswer: 'data_boolean',
  customFieldList: 'array',
  departmentListing: 'flat',
};

/** API 2.0's variants in effect: the defaults with the given ones over them. */
export function resolveFakeV2Variants(given: Partial<FakeV2Variants> = {}): FakeV2Variants {
  return { ...DEFAULT_FAKE_V2_VARIANTS, ...given };
}
