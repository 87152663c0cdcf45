import type { Rule } from '../model/buildRules.ts';
import type { SendRow } from '../part/sendPart.ts';
import type { ContextSetting } from './collectContext.ts';

/** The line saying what the form sends with a ticket besides what was typed (see collectContext). */
export const ContextNoteRow: SendRow = ({ h, t }) => h('small', { part: 'note' }, t('contextNote'));

/** The note's row, unless the site turned the context off. */
export function contextNoteRule(context: ContextSetting): Rule[] {
  return context === false || context === 'off' ? [] : [{ name: 'contextNote', required: false, draw: ContextNoteRow }];
}
