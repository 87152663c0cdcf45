import type { FakeVariants } from './types.ts';

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
