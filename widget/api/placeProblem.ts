import { SUBMISSION_FIELDS, type Limits, type SubmissionFieldName } from '../../contract/index.ts';
import type { Problem } from '../i18n/strings.ts';
import type { Rule } from '../model/buildRules.ts';

/** Where a refused ticket's problem shows, and with what figures. */
export interface PlacedProblem {
  /** The field it shows next to; absent: above Send, for the whole form. */
  field?: SubmissionFieldName;
  problem: Problem;
}

/**
 * Places the server's refusal `error`: next to its field when the form shows that field (the
 * attachments always), otherwise above Send; with the limit its text names (the field's character
 * limit, else the file limit; the request's byte limit). Send-time code: in the send part.
 */
export function placeProblem(error: Problem & { field?: SubmissionFieldName }, rules: readonly Rule[], limits: Limits): PlacedProblem {
  const { field, ...rest } = error;
  const rule = rules.find((r) => r.name === field);
  const shown = field === SUBMISSION_FIELDS.attachments || (rule && !rule.hidden);
  return { field: shown ? field : undefined, problem: { ...rest, n: rest.n ?? rule?.maxLength ?? limits.maxFiles, max: limits.requestMaxBytes } };
}
