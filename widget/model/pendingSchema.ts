import { DEFAULT_PRIORITY, DEFAULT_TEXT_RULES, LIMITS, PRIORITIES, type FormSchema } from '../../contract/index.ts';

/**
 * The form as the contract alone describes it, drawn before `GET /api/form` answers: its limits,
 * the four priorities, e-mail and name asked, and no departments yet (they come with the schema).
 */
export const PENDING_SCHEMA: FormSchema = {
  departments: [],
  priorities: [...PRIORITIES],
  defaultPriority: DEFAULT_PRIORITY,
  limits: LIMITS,
  textRules: DEFAULT_TEXT_RULES,
  customer: { emailRequired: true, nameRequired: true },
};
