import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../contract/index.ts';
import type { Rule } from '../model/buildRules.ts';
import { placeProblem } from './placeProblem.ts';

const rules: Rule[] = [
  { name: 'title', labelKey: 'title', required: true, maxLength: 250 },
  { name: 'name', labelKey: 'name', required: true, maxLength: 100, hidden: true },
];

describe('placeProblem', () => {
  it('puts a shown field’s problem next to it, with its character limit and the byte limit', () => {
    expect(placeProblem({ code: 'too_long', message: 'x', field: 'title' }, rules, LIMITS)).toEqual({
      field: 'title',
      problem: { code: 'too_long', message: 'x', n: 250, max: LIMITS.requestMaxBytes },
    });
  });

  it('puts an attachments problem next to the attachments, with the file limit', () => {
    expect(placeProblem({ code: 'too_many_files', field: 'attachments' }, rules, LIMITS)).toMatchObject({
      field: 'attachments',
      problem: { n: LIMITS.maxFiles },
    });
  });

  it('puts a hidden or unknown field’s problem, or the form’s, above Send; a count from the server wins', () => {
    expect(placeProblem({ code: 'invalid_value', field: 'name' }, rules, LIMITS).field).toBeUndefined();
    expect(placeProblem({ code: 'invalid_value', field: 'email' }, rules, LIMITS).field).toBeUndefined();
    expect(placeProblem({ code: 'rate_limited', n: 7 }, rules, LIMITS)).toEqual({ field: undefined, problem: { code: 'rate_limited', n: 7, max: LIMITS.requestMaxBytes } });
  });
});
