import { DEFAULT_PRIORITY, LIMITS } from '../../contract/index.ts';
import type { FakeAccount, FakeTicketDraft } from './fake-account.ts';
import { fakeLength } from './fake-length.ts';
import { FAKE_MESSAGES } from './fake-messages.ts';
import type { RefusalReason } from './fake-variants.ts';
import type { ReceivedForm } from './read-form-body.ts';
import { readTicketFields } from './read-ticket-fields.ts';
import type { FakeVariants } from './types.ts';

/** The outcome of {@link validateTicketForm}: a ticket to store, or TomTicket-style refusal text and its kind. */
export type TicketFormResult = { ok: true; draft: Omit<FakeTicketDraft, 'requestBytes'> } | { ok: false; reason: RefusalReason; mensagem: string };

const SINGLE_FIELDS = new Set([
  'id_departamento',
  'titulo',
  'mensagem',
  'id_tipoassunto',
  'tipo_identificador',
  'prioridade',
]);
const CUSTOM_FIELD = /^campos\[([^[\]]+)\]$/;
// `anexos[0]`, `anexos[1]`… as working integrations send them, or `anexos[]` as an HTML form does.
const ATTACHMENT_FIELD = /^anexos\[(\d*)\]$/;
const PRIORITY = /^[1-4]$/;

/** Whether a multipart name is one `criar_chamado` takes files under. */
export function isAttachmentFieldName(name: string): boolean {
  return ATTACHMENT_FIELD.test(name);
}

/**
 * Checks a `criar_chamado` form the way tomticket-api.md describes it, and more strictly than the
 * real service where that catches a mapping mistake in our server: unknown or repeated fields are
 * refused instead of ignored. `identifier` is the decoded customer identifier from the path.
 */
export function validateTicketForm(
  form: ReceivedForm,
  identifier: string | undefined,
  account: FakeAccount,
  lengthUnit: FakeVariants['lengthUnit'] = 'chars',
): TicketFormResult {
  const refuse = (mensagem: string, reason: RefusalReason = 'invalid'): TicketFormResult => ({ ok: false, reason, mensagem });
  const read = readTicketFields(
    form,
    {
      single: SINGLE_FIELDS,
      customField: CUSTOM_FIELD,
      isAttachmentName: isAttachmentFieldName,
      repeatsFileName: (name) => name === 'anexos[]',
      length: (value) => fakeLength(value, lengthUnit),
    },
    [
      ['id_departamento', LIMITS.idMaxChars, true],
      ['titulo', LIMITS.titleMaxChars, true],
      ['mensagem', LIMITS.messageMaxChars, true],
      ['id_tipoassunto', LIMITS.idMaxChars, false],
    ],
    FAKE_MESSAGES,
  );
  if (!read.ok) return refuse(read.message);
  const { single, customFields } = read;

  const identifierType = single.get('tipo_identificador') ?? 'I';
  if (identifierType !== 'I' && identifierType !== 'E') return refuse(FAKE_MESSAGES.invalidIdentifierType);

  const priority = single.get('prioridade');
  if (priority !== undefined && !PRIORITY.test(priority)) return refuse(FAKE_MESSAGES.invalidPriority);

  const customer = identifier ? account.findCustomer(identifier, identifierType) : undefined;
  if (!customer) return refuse(FAKE_MESSAGES.customerNotFound, 'not_found');

  const department = account.findDepartment(single.get('id_departamento') as string);
  if (!department) return refuse(FAKE_MESSAGES.departmentNotFound, 'not_found');

  const categoryId = single.get('id_tipoassunto');
  if (categoryId !== undefined && !department.categories.some((category) => category.id === categoryId)) {
    return refuse(FAKE_MESSAGES.categoryNotInDepartment);
  }

  return {
    ok: true,
    draft: {
      customerId: customer.id,
      customerEmail: customer.email,
      departmentId: department.id,
      ...(categoryId !== undefined && { categoryId }),
      title: single.get('titulo') as string,
      message: single.get('mensagem') as string,
      priority: priority === undefined ? DEFAULT_PRIORITY : Number(priority),
      customFields: Object.fromEntries(customFields),
      attachments: form.files.map(({ fieldName, fileName, type, size, sha256, path }) => ({
        fieldName,
        fileName,
        type,
        size,
        sha256,
        path,
      })),
    },
  };
}
