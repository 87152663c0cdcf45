import { DEFAULT_PRIORITY, LIMITS, NO_CATEGORY } from '../../../contract/index.ts';
import type { FakeAccount, FakeTicketDraft, IdentifierType } from '../fake-account.ts';
import { fakeLength } from '../fake-length.ts';
import type { RefusalReason } from '../fake-variants.ts';
import type { ReceivedForm } from '../read-form-body.ts';
import { readTicketFields } from '../read-ticket-fields.ts';
import type { FakeVariants } from '../types.ts';
import { fieldsBoundTo } from './fake-v2-fields.ts';
import { FAKE_V2_MESSAGES } from './fake-v2-messages.ts';

/** A `ticket/new` form checked: the ticket to store (and the custom fields TomTicket drops), or a refusal. */
export type V2TicketFormResult =
  | { ok: true; draft: Omit<FakeTicketDraft, 'requestBytes'>; dropped: Record<string, string> }
  | { ok: false; reason: RefusalReason; message: string };

const SINGLE_FIELDS = new Set(['customer_id', 'customer_id_type', 'department_id', 'category_id', 'subject', 'message', 'priority']);
const CUSTOM_FIELD = /^custom_field\[([^[\]]+)\]$/;
const PRIORITY = /^[1-4]$/;
// TomTicket's list fields (type 3) take one of their options' text.
const LIST_TYPE = 3;

/** The test a multipart name must pass to carry a file: the account's attachment pattern, `{n}` an index. */
export function attachmentNameTest(pattern: string): (name: string) => boolean {
  const escaped = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('\\{n\\}', '\\d+');
  const regex = new RegExp(`^${escaped}$`);
  return (name) => regex.test(name);
}

/**
 * Checks a `POST /v2.0/ticket/new` form (docs/tomticket-api-v2.md §4), more strictly than TomTicket
 * where that catches a mapping mistake: unknown or repeated fields, and `customer_type_id` (the
 * listing's spelling) sent here, are refused. The account's custom fields are enforced where the
 * department describes them: a mandatory field that applies must have a value, a list field one of
 * its options, and a field that does not apply to the chosen category is dropped without a word,
 * as TomTicket drops it ([code, live] C1).
 */
export function validateV2TicketForm(
  form: ReceivedForm,
  account: FakeAccount,
  isAttachmentName: (name: string) => boolean,
  lengthUnit: FakeVariants['lengthUnit'] = 'chars',
): V2TicketFormResult {
  const refuse = (message: string, reason: RefusalReason = 'invalid'): V2TicketFormResult => ({ ok: false, reason, message });
  const read = readTicketFields(
    form,
    {
      single: SINGLE_FIELDS,
      customField: CUSTOM_FIELD,
      isAttachmentName,
      // An indexed name (`attachment[0]`) names one file; a name without an index may repeat.
      repeatsFileName: (name) => !/\d/.test(name),
      length: (value) => fakeLength(value, lengthUnit),
    },
    [
      ['customer_id', LIMITS.idMaxChars, true],
      ['department_id', LIMITS.idMaxChars, true],
      ['subject', LIMITS.titleMaxChars, true],
      ['message', LIMITS.messageMaxChars, true],
      ['category_id', LIMITS.idMaxChars, false],
    ],
    FAKE_V2_MESSAGES,
  );
  if (!read.ok) return refuse(read.message);
  const { single, customFields } = read;

  const identifierType = single.get('customer_id_type') ?? 'I';
  if (identifierType !== 'I' && identifierType !== 'E') return refuse(FAKE_V2_MESSAGES.invalidType('customer_id_type'));
  const priority = single.get('priority');
  if (priority !== undefined && !PRIORITY.test(priority)) return refuse(FAKE_V2_MESSAGES.invalidPriority);

  const customer = account.findCustomer(single.get('customer_id') as string, identifierType as IdentifierType);
  if (!customer) return refuse(FAKE_V2_MESSAGES.customerNotFound, 'not_found');
  const department = account.findDepartment(single.get('department_id') as string);
  if (!department) return refuse(FAKE_V2_MESSAGES.departmentNotFound, 'not_found');
  const categoryId = single.get('category_id');
  if (categoryId !== undefined && !department.categories.some((category) => category.id === categoryId)) {
    return refuse(FAKE_V2_MESSAGES.categoryNotInDepartment);
  }

  const kept: Record<string, string> = {};
  const dropped: Record<string, string> = {};
  if (department.customFields === undefined) Object.assign(kept, Object.fromEntries(customFields));
  else {
    const applying = new Map(fieldsBoundTo(department, categoryId ?? NO_CATEGORY).map((field) => [field.id, field]));
    for (const [id, value] of customFields) {
      const field = applying.get(id);
      if (!field) dropped[id] = value;
      else if (field.type === LIST_TYPE && value !== '' && !(field.options ?? []).includes(value)) return refuse(FAKE_V2_MESSAGES.notAnOption(field.label));
      else kept[id] = value;
    }
    for (const field of applying.values()) {
      if (field.mandatory && field.open !== false && !kept[field.id]?.trim()) return refuse(FAKE_V2_MESSAGES.mandatoryCustomField(field.label));
    }
  }

  return {
    ok: true,
    dropped,
    draft: {
      customerId: customer.id,
      customerEmail: customer.email,
      departmentId: department.id,
      ...(categoryId !== undefined && { categoryId }),
      title: single.get('subject') as string,
      message: single.get('message') as string,
      priority: priority === undefined ? DEFAULT_PRIORITY : Number(priority),
      customFields: kept,
      attachments: form.files.map(({ fieldName, fileName, type, size, sha256, path }) => ({ fieldName, fileName, type, size, sha256, path })),
    },
  };
}
