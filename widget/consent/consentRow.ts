import { CONSENT_FIELD, type ConsentSchema } from '../../contract/index.ts';
import type { Rule } from '../model/buildRules.ts';
import type { SendRow } from '../part/sendPart.ts';

/**
 * The consent's checkbox, drawn by the form's own Field (its label, `required` mark, problem and
 * focus behave as every field's), its label the site's text in the form's language with the part
 * in `[brackets]` linking to the privacy policy, which opens apart so nothing typed is lost. Left
 * unticked, it says what to do (`consentRequired`) rather than the fields' bare "Required".
 */
export const ConsentRow: SendRow = (props) => {
  const { h, Field, rule, locale, t, problem } = props;
  const { text, url } = (rule.consent as ConsentSchema).texts[locale];
  const [before, link, after] = text.split(/\[([^\]]*)\]/);
  const label = [before, h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, link), after];
  return h(Field, {
    ...props,
    rule: { ...rule, label },
    problem: (given) => (given.code === 'required' ? t('consentRequired') : problem(given)),
  });
};

/** The consent's row when the schema asks for one: a required checkbox, sent as `consent=true` when ticked. */
export function consentRule(consent: ConsentSchema | undefined): Rule[] {
  return consent ? [{ name: CONSENT_FIELD, type: 'checkbox', required: true, consent, draw: ConsentRow }] : [];
}
