import { LIMITS } from '../../../contract/index.ts';

/**
 * The fake API 2.0's answers, short English sentences as TomTicket's v2 writes them
 * ([code, live] C1). None is published: callers must never match on them.
 */
export const FAKE_V2_MESSAGES = {
  invalidToken: 'Token or values sent not authorized for use',
  jsonRefused: 'Token or values sent not authorized for use',
  notFound: 'Resource not found',
  methodNotAllowed: 'Method not allowed',
  ticketCreated: 'Ticket created successfully',
  customerCreated: 'Customer created successfully',
  simulatedRejection: 'It was not possible to open the ticket (simulated failure)',
  customerNotFound: 'Customer not found',
  customerAlreadyExists: 'A customer with this identifier or e-mail already exists',
  departmentNotFound: 'Department not found',
  categoryNotInDepartment: 'The category does not belong to the department',
  ticketNotFound: 'Ticket not found',
  invalidType: (field: string) => `${field} must be 'I' or 'E'`,
  invalidPriority: 'priority must be 1, 2, 3 or 4',
  invalidPage: 'page must be a number from 1',
  invalidOrder: "order must be 'ASC' or 'DESC'",
  invalidColumn: 'column is not a sortable column',
  invalidFlag: (field: string) => `${field} must be 0 or 1`,
  invalidLanguage: "language must be 'pt-BR', 'es_ES' or 'en-US'",
  invalidEmail: 'Invalid e-mail',
  requestTooLarge: `The request exceeds ${LIMITS.requestMaxBytes / (1024 * 1024)} MB`,
  unsupportedContentType: 'Send the form as multipart/form-data or application/x-www-form-urlencoded',
  malformedBody: 'Malformed request body',
  tooManyFiles: `At most ${LIMITS.maxFiles} attachments per ticket`,
  tooManyFields: 'Too many fields in the request',
  fileWithoutName: 'Attachment without a file name',
  storageFailed: 'Internal error while saving the attachment',
  valueTooLarge: (field: string) => `${field} exceeds the allowed size`,
  required: (field: string) => `${field} is required`,
  tooLong: (field: string, max: number) => `${field} must have at most ${max} characters`,
  unknownField: (field: string) => `Unknown field: ${field}`,
  duplicateField: (field: string) => `Field sent more than once: ${field}`,
  fileExpected: (field: string) => `${field} must be a file`,
  fileNotExpected: (field: string) => `${field} does not take files`,
  mandatoryCustomField: (label: string) => `The custom field "${label}" is mandatory`,
  notAnOption: (label: string) => `"${label}" has no such option`,
} as const;
