import {
  CONSENT_FIELD,
  LIMITS,
  SUBMISSION_FIELDS,
  customFieldApplies,
  customFieldName,
  formatMessage,
  isEmailAddress,
  normaliseTypedText,
  parseContextFieldName,
  parseCustomFieldName,
  valueSentLength,
} from '../../contract/index.ts';
import type { Department, FormSchema, Priority, SubmissionFieldName, TextRules } from '../../contract/index.ts';
import { readNotes } from '../notes/read-notes.ts';
import type { NoteField, TicketNotes } from '../notes/types.ts';
import type { ServerFormSchema } from '../schema/types.ts';
import type { TicketToCreate } from '../tomticket/types.ts';
import { validateCustomField } from './validate-custom-field.ts';
import type { ReceivedField, ReceivedSubmission, SubmissionProblem } from './types.ts';

/** A valid submission as the ticket to create, or every problem found, in form order. */
export type ValidationOutcome = { ok: true; ticket: TicketToCreate } | { ok: false; problems: SubmissionProblem[] };

const SINGLE_TEXT_FIELDS: ReadonlySet<string> = new Set([
  SUBMISSION_FIELDS.email,
  SUBMISSION_FIELDS.name,
  SUBMISSION_FIELDS.department,
  SUBMISSION_FIELDS.category,
  SUBMISSION_FIELDS.title,
  SUBMISSION_FIELDS.message,
  SUBMISSION_FIELDS.priority,
]);
const MAX_NAME_IN_MESSAGE = 80;

/**
 * Checks a parsed submission against the current form schema, before anything is sent upstream.
 * Problems come in form order (email, name, department, category, custom fields, title, message,
 * priority, attachments, the consent, the context, then names the form does not have), so the
 * first is the one to show. The context and the consent become the ticket's notes, with the
 * custom fields the server fills for this department and category (see server/notes/).
 * Custom fields are only judged once the department is known, and category-bound ones once the
 * category is; a checkbox of the chosen department that was not sent is forwarded as unchecked.
 * Lengths are counted as TomTicket will see them (the schema's textRules: contract/sent-text.ts),
 * and the message goes on formatted as it is sent.
 */
export function validateSubmission(received: ReceivedSubmission, schema: ServerFormSchema): ValidationOutcome {
  const problems: SubmissionProblem[] = [];
  const entries = groupByName(received.fields);
  const report = (problem: SubmissionProblem) => problems.push(problem);
  const rules = schema.textRules;

  /** The single value sent under `name` (undefined when absent), or undefined after reporting a duplicate or an overlong value. */
  function single(name: SubmissionFieldName, maxChars: number, label: string): string | undefined {
    const sent = entries.get(name) ?? [];
    if (sent.length > 1) {
      report({ code: 'duplicate_field', message: `${label} was sent ${sent.length} times.`, field: name });
      return undefined;
    }
    const entry = sent[0];
    if (entry === undefined) return '';
    const value = normaliseTypedText(entry.value);
    // Measured as TomTicket will see it (the message once formatted), with the widget's own function.
    if (entry.valueTruncated || valueSentLength({ message: name === SUBMISSION_FIELDS.message }, value, rules) > maxChars) {
      const unit = rules.lengthUnit === 'bytes' ? 'bytes (UTF-8) as sent' : 'characters as sent';
      report({ code: 'too_long', message: `${label} must be at most ${maxChars} ${unit}.`, field: name });
      return undefined;
    }
    return value;
  }
  const required = (field: SubmissionFieldName, label: string) =>
    report({ code: 'required', message: `${label} is required.`, field });

  const email = single(SUBMISSION_FIELDS.email, LIMITS.emailMaxChars, 'The e-mail');
  // Not asked when anonymous tickets go to one fixed customer (the protections set the customer then).
  if (email === '') {
    if (schema.customer.emailRequired) required(SUBMISSION_FIELDS.email, 'The e-mail');
  } else if (email !== undefined && !isEmailAddress(email)) {
    report({ code: 'invalid_email', message: 'The e-mail address is not valid.', field: SUBMISSION_FIELDS.email });
  }

  const name = single(SUBMISSION_FIELDS.name, LIMITS.nameMaxChars, 'The name');
  if (name === '' && schema.customer.nameRequired) required(SUBMISSION_FIELDS.name, 'The name');

  const departmentId = single(SUBMISSION_FIELDS.department, LIMITS.idMaxChars, 'The department');
  const department = schema.departments.find((candidate) => candidate.id === departmentId);
  if (departmentId === '') required(SUBMISSION_FIELDS.department, 'The department');
  else if (departmentId !== undefined && department === undefined) {
    report({ code: 'unknown_department', message: 'There is no such department.', field: SUBMISSION_FIELDS.department });
  }

  const categoryId = single(SUBMISSION_FIELDS.category, LIMITS.idMaxChars, 'The category');
  let categoryKnown = categoryId === '';
  if (department !== undefined) {
    if (categoryId === '' && department.categoryRequired) {
      required(SUBMISSION_FIELDS.category, 'The category');
      categoryKnown = false;
    } else if (categoryId !== undefined && categoryId !== '') {
      categoryKnown = department.categories.some((category) => category.id === categoryId);
      if (!categoryKnown) {
        report({
          code: 'unknown_category',
          message: 'There is no such category in this department.',
          field: SUBMISSION_FIELDS.category,
        });
      }
    }
  }

  const customFields =
    department === undefined
      ? {}
      : checkCustomFields(department, categoryKnown ? categoryId || undefined : null, entries, rules, report);

  const title = single(SUBMISSION_FIELDS.title, LIMITS.titleMaxChars, 'The title');
  if (title === '') required(SUBMISSION_FIELDS.title, 'The title');
  // The schema's limit: TomTicket's 1024 less the room a configured consent's line takes.
  const message = single(SUBMISSION_FIELDS.message, schema.limits.messageMaxChars, 'The message');
  if (message === '') required(SUBMISSION_FIELDS.message, 'The message');

  const priority = checkPriority(single(SUBMISSION_FIELDS.priority, LIMITS.idMaxChars, 'The priority'), schema, report);

  checkAttachments(received, entries, report);
  const read = readNotes(received.fields);
  if (schema.consent && !read.consentGiven && !read.problems.some((problem) => problem.field === CONSENT_FIELD)) {
    report({ code: 'required', message: 'The consent is required to send a ticket.', field: CONSENT_FIELD });
  }
  if (!schema.consent && entries.has(CONSENT_FIELD)) {
    report({ code: 'unknown_field', message: 'This form asks for no consent.', field: CONSENT_FIELD });
  }
  read.problems.forEach(report);
  reportUnknownNames(received, entries, report);

  if (problems.length > 0) return { ok: false, problems };
  const notes: TicketNotes = {
    ...(read.context ? { context: read.context } : {}),
    ...(schema.consent ? { consent: { version: schema.consent.version } } : {}),
    ...serverFieldsOf(schema, departmentId as string, categoryId || undefined),
  };
  return {
    ok: true,
    ticket: {
      customer: name ? { email: email as string, name } : { email: email as string },
      departmentId: departmentId as string,
      ...(categoryId ? { categoryId } : {}),
      title: title as string,
      // As it is sent: HTML-escaped with <br> line breaks, or as typed (MESSAGE_FORMAT).
      message: formatMessage(message as string, rules.messageFormat),
      priority: priority as Priority,
      customFields,
      attachments: received.files,
      ...(Object.keys(notes).length > 0 ? { notes } : {}),
    },
  };
}

/** The custom fields the server fills for a ticket to this department and category (CONTEXT_FIELD, the consent's). */
function serverFieldsOf(schema: ServerFormSchema, departmentId: string, categoryId: string | undefined): Pick<TicketNotes, 'contextField' | 'consentField'> {
  const found: Pick<TicketNotes, 'contextField' | 'consentField'> = {};
  for (const field of schema.serverFields?.[departmentId] ?? []) {
    if (!customFieldApplies(field, categoryId)) continue;
    const note: NoteField = { id: field.id, maxLength: field.maxLength, required: field.required };
    if (field.role === 'context') found.contextField = note;
    else found.consentField = note;
  }
  return found;
}

function groupByName(fields: readonly ReceivedField[]): Map<string, ReceivedField[]> {
  // A Map, not an object: `__proto__` or `constructor` as a field name must stay just a name.
  const entries = new Map<string, ReceivedField[]>();
  for (const field of fields) {
    const list = entries.get(field.name);
    if (list === undefined) entries.set(field.name, [field]);
    else list.push(field);
  }
  return entries;
}

/**
 * Validates the department's custom fields that apply (`categoryId` null: the category is wrong,
 * so category-bound fields are not judged) and reports `fields[…]` names that do not apply.
 */
function checkCustomFields(
  department: Department,
  categoryId: string | undefined | null,
  entries: ReadonlyMap<string, ReceivedField[]>,
  textRules: TextRules,
  report: (problem: SubmissionProblem) => void,
): Record<string, string> {
  const values: Record<string, string> = {};
  const judged = new Set<string>();
  for (const field of department.fields) {
    if (field.categories !== undefined && categoryId === null) {
      judged.add(field.id);
      continue;
    }
    // The widget decides with the same function which fields it shows.
    if (!customFieldApplies(field, categoryId ?? undefined)) continue;
    judged.add(field.id);
    const name = customFieldName(field.id);
    const sent = entries.get(name) ?? [];
    if (sent.length > 1) {
      report({ code: 'duplicate_field', message: `${field.label} was sent ${sent.length} times.`, field: name });
      continue;
    }
    if (sent[0]?.valueTruncated) {
      report({ code: 'too_long', message: `${field.label} is too long.`, field: name });
      continue;
    }
    const outcome = validateCustomField(field, sent[0]?.value, textRules);
    if (!outcome.ok) report(outcome.problem);
    else if (outcome.value !== undefined) values[field.id] = outcome.value;
  }
  for (const name of entries.keys()) {
    const id = parseCustomFieldName(name);
    if (id !== undefined && !judged.has(id)) {
      report({
        code: 'unknown_field',
        message: `This department${categoryId ? ' and category' : ''} has no field ${shorten(id)}.`,
        field: customFieldName(id),
      });
    }
  }
  return values;
}

function checkPriority(
  value: string | undefined,
  schema: FormSchema,
  report: (problem: SubmissionProblem) => void,
): Priority | undefined {
  if (value === undefined) return undefined;
  if (value === '') return schema.defaultPriority;
  const priority = schema.priorities.find((candidate) => String(candidate) === value);
  if (priority === undefined) {
    report({
      code: 'invalid_priority',
      message: `The priority must be one of ${schema.priorities.join(', ')}.`,
      field: SUBMISSION_FIELDS.priority,
    });
  }
  return priority;
}

function checkAttachments(
  received: ReceivedSubmission,
  entries: ReadonlyMap<string, ReceivedField[]>,
  report: (problem: SubmissionProblem) => void,
): void {
  const field = SUBMISSION_FIELDS.attachments;
  if (entries.has(field)) report({ code: 'invalid_value', message: 'Attachments must be sent as files.', field });
  if (received.files.length > LIMITS.maxFiles) {
    report({ code: 'too_many_files', message: `At most ${LIMITS.maxFiles} files.`, field });
  }
  if (received.files.some((file) => file.fileName === '')) {
    report({ code: 'empty_file_name', message: 'Every file needs a name.', field });
  }
}

/** Text or file parts under names the form does not have, and files sent where text belongs. */
function reportUnknownNames(
  received: ReceivedSubmission,
  entries: ReadonlyMap<string, ReceivedField[]>,
  report: (problem: SubmissionProblem) => void,
): void {
  const names = new Set([...entries.keys(), ...received.strayFileFieldNames]);
  for (const name of names) {
    if (name === SUBMISSION_FIELDS.attachments) continue;
    const sentAsFile = received.strayFileFieldNames.includes(name);
    // The context and the consent are read apart (readNotes), unless sent as files.
    if ((name === CONSENT_FIELD || parseContextFieldName(name) !== undefined) && !sentAsFile) continue;
    if (SINGLE_TEXT_FIELDS.has(name)) {
      if (sentAsFile) {
        report({ code: 'invalid_value', message: `${name} must be text, not a file.`, field: name as SubmissionFieldName });
      }
      continue;
    }
    const customFieldId = parseCustomFieldName(name);
    // Text custom fields are judged with their department (and ignored while it is unknown).
    if (customFieldId !== undefined && !sentAsFile) continue;
    report({
      code: 'unknown_field',
      message: `The form has no field named ${shorten(name)}.`,
      ...(customFieldId !== undefined ? { field: customFieldName(customFieldId) } : {}),
    });
  }
}

function shorten(text: string): string {
  const chars = Array.from(text);
  return JSON.stringify(chars.length > MAX_NAME_IN_MESSAGE ? `${chars.slice(0, MAX_NAME_IN_MESSAGE).join('')}…` : text);
}
