import { LIMITS } from '../../contract/index.ts';

const requestMaxMegabytes = LIMITS.requestMaxBytes / (1024 * 1024);

/**
 * The fake's answers in TomTicket's language. TomTicket publishes no exact error strings, so these
 * are ours: callers must never match on them (tests check `erro`, not the words).
 */
export const FAKE_MESSAGES = {
  ticketCreated: 'Chamado criado com sucesso',
  customerCreated: 'Cliente criado com sucesso',
  customerExists: 'Cliente encontrado',
  customerMissing: 'Cliente não encontrado',
  departmentsListed: 'Departamentos listados',
  ticketFound: 'Chamado encontrado',
  invalidToken: 'Token inválido',
  rateLimited: 'Limite de requisições excedido',
  notFound: 'Recurso não encontrado',
  methodNotAllowed: 'Método não permitido',
  simulatedRejection: 'Não foi possível criar o chamado (falha simulada)',
  customerNotFound: 'Cliente não encontrado',
  customerAlreadyExists: 'Já existe um cliente com este identificador ou e-mail',
  departmentNotFound: 'Departamento não encontrado',
  categoryNotInDepartment: 'A categoria (id_tipoassunto) não pertence ao departamento',
  ticketNotFound: 'Chamado não encontrado',
  invalidIdentifierType: "tipo_identificador deve ser 'I' ou 'E'",
  invalidPage: 'A página deve ser um número a partir de 1',
  invalidOrder: "ordem deve ser '0' ou '1'",
  invalidPriority: 'prioridade deve ser 1, 2, 3 ou 4',
  invalidEmail: 'E-mail inválido',
  invalidCreateTickets: "criarchamados deve ser 'true' ou 'false'",
  requestTooLarge: `A requisição excede o limite de ${requestMaxMegabytes} MB`,
  unsupportedContentType: 'Envie o formulário como multipart/form-data ou application/x-www-form-urlencoded',
  malformedBody: 'Corpo da requisição malformado',
  tooManyFiles: `No máximo ${LIMITS.maxFiles} anexos por chamado`,
  tooManyFields: 'Campos demais na requisição',
  filesNotAccepted: 'Este recurso não aceita arquivos',
  fileWithoutName: 'Anexo sem nome de arquivo',
  storageFailed: 'Erro interno ao gravar o anexo',
  valueTooLarge: (field: string) => `O campo ${field} excede o tamanho permitido`,
  required: (field: string) => `O campo ${field} é obrigatório`,
  tooLong: (field: string, max: number) => `O campo ${field} deve ter no máximo ${max} caracteres`,
  unknownField: (field: string) => `Campo não reconhecido: ${field}`,
  duplicateField: (field: string) => `Campo enviado mais de uma vez: ${field}`,
  fileExpected: (field: string) => `O campo ${field} deve ser um arquivo`,
  fileNotExpected: (field: string) => `O campo ${field} não aceita arquivos`,
} as const;
