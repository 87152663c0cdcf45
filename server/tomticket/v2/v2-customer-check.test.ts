import { describe, expect, it } from 'vitest';
import type { UpstreamOutcome } from '../call-upstream.ts';
import { createV2LookupMemory, readV2CustomerCheck, v2CustomerCheckRequest } from './v2-customer-check.ts';

const answer = (data: unknown): UpstreamOutcome => ({ kind: 'answer', body: { error: false, data } });

describe('the API 2.0 customer check', () => {
  it('asks with the e-mail and the customer/details spelling of the type, hiding the e-mail from logs', () => {
    expect(v2CustomerCheckRequest('ana@example.com', 'customers')).toEqual({
      endpoint: 'customers/exists',
      method: 'GET',
      query: { customer_id: 'ana@example.com', customer_type_id: 'E' },
      hiddenQuery: ['customer_id'],
    });
  });

  it.each([
    [true, 'exists'],
    [false, 'absent'],
    ['1', 'exists'],
    [{ exists: true }, 'exists'],
    [{ exist: 0 }, 'absent'],
    [{ found: 'true' }, 'exists'],
    [{ result: false }, 'absent'],
  ] as const)('reads data %j as %s', (data, kind) => {
    expect(readV2CustomerCheck(answer(data)).kind).toBe(kind);
  });

  it('reads a refusal as absent, an answer without a flag as not understood, a failure as failed', () => {
    expect(readV2CustomerCheck({ kind: 'refused', status: 404, message: undefined, body: { error: true } })).toEqual({ kind: 'absent', fromRefusal: true });
    expect(readV2CustomerCheck(answer({ name: 'Ana' }))).toEqual({ kind: 'not_understood', message: undefined });
    expect(readV2CustomerCheck({ kind: 'timeout' })).toEqual({ kind: 'failed', outcome: { kind: 'timeout' } });
  });

  it('learns the spelling that found someone or answered absent in its data, never from a refusal', () => {
    const memory = createV2LookupMemory();
    memory.learn('customer', { kind: 'absent', fromRefusal: true });
    expect(memory.order()).toEqual(['customer', 'customers']);
    memory.learn('customers', { kind: 'exists' });
    expect(memory.order()).toEqual(['customers']);
    const other = createV2LookupMemory();
    other.learn('customer', { kind: 'absent' });
    expect(other.order()).toEqual(['customer']);
  });
});
