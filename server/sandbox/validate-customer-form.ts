import { LIMITS } from '../../contract/index.ts';
import { fakeLength } from './fake-length.ts';
import { FAKE_MESSAGES } from './fake-messages.ts';
import type { ReceivedForm } from './read-form-body.ts';
import type { FakeCustomer } from './types.ts';

/** The outcome of {@link validateCustomerForm}: the customer to add, or refusal text. */
export type CustomerFormResult = { ok: true; customer: FakeCustomer } | { ok: false; mensagem: string };

// "Looks like an e-mail": something@something.tld, no spaces. Real validation is TomTicket's business.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// Field → [most characters, required]. A phone number fits the generic id limit.
const RULES: Record<string, [max: number, required: boolean]> = {
  identificador: [LIMITS.idMaxChars, true],
  nome: [LIMITS.nameMaxChars, true],
  email: [LIMITS.emailMaxChars, true],
  criarchamados: [LIMITS.idMaxChars, false],
  telefone: [LIMITS.idMaxChars, false],
};

/** Checks a `criar_cliente` form: known fields once each, identificador, nome and a plausible email. */
export function validateCustomerForm(form: ReceivedForm, lengthUnit: 'chars' | 'bytes' = 'chars'): CustomerFormResult {
  const refuse = (mensagem: string): CustomerFormResult => ({ ok: false, mensagem });
  const values = new Map<string, string>();
  for (const { name, value } of form.fields) {
    if (!Object.hasOwn(RULES, name)) return refuse(FAKE_MESSAGES.unknownField(name));
    if (values.has(name)) return refuse(FAKE_MESSAGES.duplicateField(name));
    values.set(name, value);
  }
  for (const [name, [max, required]] of Object.entries(RULES)) {
    const value = values.get(name);
    if (required && (value === undefined || value.trim() === '')) return refuse(FAKE_MESSAGES.required(name));
    if (value !== undefined && fakeLength(value, lengthUnit) > max) return refuse(FAKE_MESSAGES.tooLong(name, max));
  }
  const createTickets = values.get('criarchamados');
  if (createTickets !== undefined && createTickets !== 'true' && createTickets !== 'false') {
    return refuse(FAKE_MESSAGES.invalidCreateTickets);
  }
  const email = values.get('email') as string;
  if (!EMAIL.test(email)) return refuse(FAKE_MESSAGES.invalidEmail);
  return {
    ok: true,
    customer: { id: values.get('identificador') as string, name: values.get('nome') as string, email },
  };
}
