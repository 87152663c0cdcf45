import { PROTECTION } from '../../contract/index.ts';
import type { ReceivedSubmission } from '../submission/types.ts';
import type { Refusal } from './types.ts';

/**
 * The submission without the honeypot field, or a refusal when it holds anything: the widget
 * renders it off-screen, hidden from screen readers and out of the tab order, so only a program
 * filling every field it finds fills it. The refusal does not say which check failed.
 */
export function takeHoneypot(submission: ReceivedSubmission): { ok: true; submission: ReceivedSubmission } | { ok: false; refusal: Refusal } {
  const name = PROTECTION.honeypotField;
  const trap = submission.fields.filter((field) => field.name === name);
  if (trap.some((field) => field.value.trim() !== '') || submission.strayFileFieldNames.includes(name)) {
    return { ok: false, refusal: { status: 400, code: 'bot_suspected', message: 'The submission was refused.' } };
  }
  return { ok: true, submission: { ...submission, fields: submission.fields.filter((field) => field.name !== name) } };
}
