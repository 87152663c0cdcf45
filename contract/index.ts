/**
 * The contract both halves share: TomTicket's limits, the form schema's shape, the submission's
 * field names, the error codes, and the arithmetic the size meter and the server agree on.
 */
export { LIMITS, type Limits } from './limits.ts';
export { PRIORITIES, DEFAULT_PRIORITY, isPriority, type Priority } from './priority.ts';
export {
  CUSTOM_FIELD_TYPES,
  NO_CATEGORY,
  customFieldApplies,
  type CustomFieldType,
  type CustomField,
  type FieldOption,
  type Category,
  type Department,
  type FormSchema,
} from './schema.ts';
export {
  ERROR_CODES,
  type ErrorCode,
  type ErrorBody,
  type SubmissionFieldName,
  type TicketCreatedBody,
  type TicketQueuedBody,
} from './errors.ts';
export { SUBMISSION_FIELDS, customFieldName, parseCustomFieldName } from './submission.ts';
export { countChars } from './count-chars.ts';
export { utf8Length } from './utf8-length.ts';
export { isEmailAddress } from './is-email-address.ts';
export { isCalendarDate } from './is-calendar-date.ts';
export { isNumberWithin } from './is-number-within.ts';
export { checkboxState } from './checkbox-state.ts';
export { checkValue, valueSentLength, type ValueRule, type ValueProblem } from './check-value.ts';
export {
  DEFAULT_TEXT_RULES,
  formatMessage,
  messageSentLength,
  normaliseTypedText,
  sentLength,
  typedTextSentLength,
  type LengthUnit,
  type MessageFormat,
  type TextRules,
} from './sent-text.ts';
export { PROTECTION, type ProofChallenge, type ChallengeBody } from './protection.ts';
export { estimateMultipartBytes, type TextEntry, type FileEntry } from './estimate-multipart-bytes.ts';
export { estimateTicketBytes } from './estimate-ticket-bytes.ts';
export { LOCALES, type Locale } from './locale.ts';
export {
  CONTEXT_KEYS,
  CONTEXT_MAX_CHARS,
  DEVICE_TYPES,
  NOTES_ALLOWANCE_BYTES,
  NOT_PLAIN_TEXT,
  contextFieldName,
  contextProblem,
  parseContextFieldName,
  type ContextKey,
  type TicketContext,
} from './context.ts';
export { CONSENT_FIELD, type ConsentSchema } from './consent.ts';
