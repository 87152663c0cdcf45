import { LIMITS, formatMessage, sentLength, type LengthUnit, type MessageFormat } from '../../contract/index.ts';
import { saveLearnedLengthUnit } from '../account/learned-length-unit.ts';
import { newTicketReference, withReference } from '../outbox/ticket-reference.ts';
import { buildFormSchema } from '../schema/build-form-schema.ts';
import type { FormConfigFile } from '../schema/types.ts';
import type { ObservedAnswer } from '../tomticket/call-upstream.ts';
import type { CreateTicketResult, TicketToCreate, TomTicketClient, UpstreamDepartment } from '../tomticket/types.ts';
import { customFieldsStep } from './custom-fields-step.ts';
import type { Step } from './step.ts';

/** What the doctor checks, and with what. */
export interface DoctorOptions {
  client: TomTicketClient;
  /** Every answer the client got since the last look, drained by each step that reports shapes. */
  answers: () => ObservedAnswer[];
  /** The site owner's form configuration, loaded (undefined: FORM_CONFIG not set), or why it could not be. */
  formConfig: { path: string; config: FormConfigFile } | { path: string; error: string } | undefined;
  /** `--email`: a customer's e-mail to look up (and to send the test ticket as). */
  email?: string;
  /** `--send-test`: create one real ticket, titled as a test. */
  sendTest: boolean;
  messageFormat: MessageFormat;
  /** Where the server's DATA_DIR is, and whose account it is: what `--send-test` learns is kept there. */
  dataDir: string;
  account: string;
  print: (line: string) => void;
  now?: () => Date;
  /** Pauses before asking the listing again for a test ticket it does not show yet; default {@link LISTING_WAITS_MS}. */
  listingWaitsMs?: readonly number[];
}

/** How long the doctor waits, each time, before asking the listing again for the test ticket (about 7 s in all). */
export const LISTING_WAITS_MS: readonly number[] = [1000, 2000, 4000];

/** The test ticket's title: a support agent seeing it knows to close it. */
export const TEST_TICKET_TITLE = '[Teste] Verificação do formulário de suporte (npm run doctor): pode fechar';

/**
 * The site owner's first contact with reality: checks the real account step by step and prints a
 * line per step, ✓ or ✗ with what to do. Read-only unless `sendTest`. Answers the exit code: 0
 * only when every step it ran passed.
 */
export async function runDoctor(options: DoctorOptions): Promise<number> {
  const { client, print } = options;
  let failed = 0;
  const report = (step: Step) => {
    if (!step.ok) failed++;
    print(`${step.ok ? '✓' : '✗'} ${step.title}`);
    for (const line of step.details ?? []) print(`    ${line}`);
    if (!step.ok && step.fix) print(`    → ${step.fix}`);
  };

  const token = await client.checkToken();
  if (token.kind !== 'accepted') {
    report(
      token.kind === 'refused'
        ? { ok: false, title: `Token: TomTicket refuses TOMTICKET_TOKEN (${token.detail}).`, fix: TOKEN_FIX[client.api] }
        : {
            ok: false,
            title: `Token: TomTicket could not be asked (${token.detail}).`,
            fix: 'Check TOMTICKET_API_URL (default https://api.tomticket.com) and that this machine reaches it; then run this again.',
          },
    );
    print('  The other steps need an accepted token: not run.');
    return 1;
  }
  report({ ok: true, title: `Token: TomTicket accepts TOMTICKET_TOKEN (${client.calls.tokenCheck} answered).` });

  const departments = await client.listDepartments();
  report(departmentsStep(departments));
  const config = options.formConfig && 'config' in options.formConfig ? options.formConfig.config : {};
  if (client.api === 'v2') report(customFieldsStep(departments, config));
  report(formConfigStep(departments, options.formConfig, client.api === 'v2'));

  if (options.email === undefined) {
    print('· Customer lookup: not run (add -- --email <a customer’s e-mail> to check it).');
    if (options.sendTest) report({ ok: false, title: 'Test ticket: --send-test needs --email <a customer’s e-mail>.', fix: 'Run `npm run doctor -- --email you@example.com --send-test`.' });
    return failed === 0 ? 0 : 1;
  }
  report(await customerStep(client, options.email));
  if (options.sendTest) {
    for (const step of await sendTestSteps(options, departments)) report(step);
  } else {
    print('· Test ticket: not sent (add --send-test to create one real ticket and learn how this account counts lengths).');
  }
  return failed === 0 ? 0 : 1;
}

function departmentsStep(departments: readonly UpstreamDepartment[]): Step {
  if (departments.length === 0) {
    return { ok: false, title: 'Departments: the account has none.', fix: 'Create at least one department in TomTicket: every ticket needs one.' };
  }
  const details: string[] = [];
  for (const department of departments) {
    const state = department.online === undefined ? '' : department.online ? '  (online)' : '  (offline)';
    details.push(`${department.name}  id ${department.id}${state}`);
    for (const category of department.categories) details.push(`  · ${category.name}  id ${category.id}`);
    if (department.categories.length === 0) details.push('  (no categories)');
  }
  return { ok: true, title: `Departments: ${departments.length}, with their categories (the ids FORM_CONFIG takes):`, details };
}

function formConfigStep(departments: readonly UpstreamDepartment[], formConfig: DoctorOptions['formConfig'], fieldsFromAccount: boolean): Step {
  if (formConfig === undefined) {
    return {
      ok: true,
      title: fieldsFromAccount
        ? 'FORM_CONFIG: not set; the form offers every department above, with its categories and the custom fields the account describes.'
        : 'FORM_CONFIG: not set; the form offers every department above, with its categories and no custom fields.',
    };
  }
  if ('error' in formConfig) {
    return { ok: false, title: `FORM_CONFIG (${formConfig.path}) cannot be used:`, details: formConfig.error.split('\n'), fix: 'Fix the file; the server refuses to start with it as it is.' };
  }
  const warnings: string[] = [];
  // What the account itself describes (a type the widget cannot draw) is the custom fields step's to report.
  const schema = buildFormSchema(departments, formConfig.config, (message, details) => {
    if (details.cause !== 'account') warnings.push(`${message} ${JSON.stringify(details)}`);
  });
  const offered = schema.departments.map((department) => `${department.name} (${department.fields.length} custom field${department.fields.length === 1 ? '' : 's'})`);
  if (schema.departments.length === 0) warnings.push('no department is left to offer: the form could not take any ticket');
  if (warnings.length > 0) {
    return {
      ok: false,
      title: `FORM_CONFIG (${formConfig.path}) names what TomTicket does not have:`,
      details: warnings,
      fix: `Use the department${fieldsFromAccount ? ', category and custom field' : ' and category'} ids listed above; the form leaves out what TomTicket does not have.`,
    };
  }
  return { ok: true, title: `FORM_CONFIG (${formConfig.path}) matches TomTicket; the form offers: ${offered.join(', ')}.` };
}

async function customerStep(client: TomTicketClient, email: string): Promise<Step> {
  const details: string[] = [];
  const found: string[] = [];
  for (const form of client.customerLookups) {
    const result = await client.lookUpCustomer(email, form.name);
    const said =
      result.kind === 'exists'
        ? `found ${email}`
        : result.kind === 'absent'
          ? result.viaRefusal
            ? `refuses the call (${email} is not a customer, or this account does not have this call)`
            : `says ${email} is not a customer`
          : result.kind === 'not_understood'
            ? `is not understood by this account (${result.detail})`
            : `failed (${result.detail})`;
    details.push(`${form.call}: ${said}`);
    if (result.kind === 'exists') found.push(form.call);
  }
  if (found.length === 0) {
    return {
      ok: false,
      title: `Customer lookup: no way of asking found ${email}.`,
      details,
      fix: `If ${email} is a customer in TomTicket, tell us what the lines above say; otherwise run this with the e-mail of an existing customer. Tickets still work either way: criar_chamado decides, and the server creates new customers.`,
    };
  }
  return { ok: true, title: `Customer lookup: this account answers ${found.join(' and ')} (the server learns this by itself).`, details };
}

/**
 * One real ticket, titled as a test, that also finds out how the account counts TomTicket's 1024:
 * its message is within 1024 code points but over 1024 UTF-8 bytes. Taken: the account counts
 * characters. Refused: it counts bytes (or refused for another reason), and a plain test ticket is
 * sent instead. Either way at most one ticket is created. Then the listing is asked for it.
 */
async function sendTestSteps(options: DoctorOptions, departments: readonly UpstreamDepartment[]): Promise<Step[]> {
  const { client } = options;
  const now = options.now ?? (() => new Date());
  const department = departments[0] as UpstreamDepartment;
  const reference = newTicketReference();
  const rules = { messageFormat: options.messageFormat, lengthUnit: 'chars' as LengthUnit };
  const intro = `Chamado de teste criado por npm run doctor em ${now().toISOString()}. Pode fechar.`;
  const probe = probeMessage(intro, reference, rules.messageFormat);
  const plain = withReference(formatMessage(intro, rules.messageFormat), reference, { ...rules, lengthUnit: 'bytes' });
  const ticketOf = (message: string): TicketToCreate => ({
    customer: { email: options.email as string },
    departmentId: department.id,
    title: TEST_TICKET_TITLE,
    message,
    priority: 1,
    customFields: {},
    attachments: [],
  });

  options.answers();
  const receivedAt = now();
  let sent = probe;
  let result = await client.createTicket(ticketOf(probe));
  let unit: LengthUnit | undefined;
  const steps: Step[] = [];
  if (result.ok) unit = 'chars';
  else if (result.kind === 'rejected') {
    steps.push({ ok: true, title: `Length probe: TomTicket refused ${sentLength(probe, 'bytes')} bytes of ${sentLength(probe, 'chars')} characters (“${result.message}”): it counts bytes, or refused for another reason. Sending a plain test ticket.` });
    options.answers();
    sent = plain;
    result = await client.createTicket(ticketOf(plain));
    if (result.ok) unit = 'bytes';
  }
  const shape = describeShape(options.answers());
  if (!result.ok) {
    steps.push({ ok: false, title: `Test ticket: not created (${describeFailure(result)}).`, details: shape, fix: fixFor(result) });
    return steps;
  }
  steps.push({
    ok: true,
    title: `Test ticket: created${result.protocol !== undefined ? `, protocol ${result.protocol}` : ', no protocol number given'} (department ${department.name}, reference ${reference}).`,
    details: shape,
  });
  if (unit) {
    await saveLearnedLengthUnit(options.dataDir, { lengthUnit: unit, learnedAt: now().toISOString(), account: options.account, api: client.api });
    steps.push({
      ok: true,
      title:
        unit === 'chars'
          ? 'Lengths: this account counts the 250/1024 limits in characters; saved in DATA_DIR, the server uses it from its next form refresh (or restart).'
          : 'Lengths: this account counts the 250/1024 limits in bytes (as PHP’s strlen), the server’s default; saved in DATA_DIR.',
    });
  }
  // A ticket just created may take a while to show in the listing ([code, live] on API 2.0): asked again after growing waits.
  let lookup = await client.findTicket({ email: options.email as string, reference, title: TEST_TICKET_TITLE, message: sent, receivedAt });
  const waits = options.listingWaitsMs ?? LISTING_WAITS_MS;
  for (const waitMs of waits) {
    if (lookup.kind !== 'absent') break;
    await new Promise((resolve) => setTimeout(resolve, waitMs));
    lookup = await client.findTicket({ email: options.email as string, reference, title: TEST_TICKET_TITLE, message: sent, receivedAt });
  }
  if (lookup.kind === 'found') {
    const same = result.protocol === undefined || lookup.protocol === undefined || lookup.protocol === result.protocol;
    steps.push({
      ok: same,
      title: `Listing: ${client.calls.listing} finds the test ticket by its reference${lookup.protocol !== undefined ? ` (protocol ${lookup.protocol})` : ''}: a ticket whose answer is lost is settled without a person.`,
      ...(same ? {} : { fix: `The listing's protocol differs from the creation's (${result.protocol}): tell us, this is not what the docs say.` }),
    });
  } else {
    steps.push({
      ok: false,
      title:
        lookup.kind === 'absent'
          ? `Listing: ${client.calls.listing} answered but does not show the test ticket, asked again for ${waits.reduce((a, b) => a + b, 0) / 1000} s.`
          : `Listing: ${client.calls.listing} could not be read (${lookup.detail}).`,
      fix: 'Tickets whose creation answer is lost will wait in DATA_DIR/uncertain/ for a person after OUTBOX_DEAD_AFTER_MS instead of being settled by the listing; check the account’s API permissions.',
    });
  }
  return steps;
}

/** A message within 1024 characters but over 1024 UTF-8 bytes once sent: `ç` is two bytes. */
function probeMessage(intro: string, reference: string, format: MessageFormat): string {
  const head = formatMessage(`${intro}\n`, format);
  const tail = `${format === 'html' ? '<br><br>' : '\n\n'}[ref ${reference}]`;
  const room = LIMITS.messageMaxChars - sentLength(`${head}${format === 'html' ? '<br>' : '\n'}${tail}`, 'chars');
  return `${head}${format === 'html' ? '<br>' : '\n'}${'ç'.repeat(room)}${tail}`;
}

// The creation and detail calls of each API, and where each may put the ticket's id and protocol.
const SHAPED_CALLS = new Set(['criar_chamado', 'chamado', 'ticket/new', 'ticket/detail']);
const ID_KEYS = ['id_chamado', 'idchamado', 'ticket_id', 'id'];
const PROTOCOL_KEYS = ['protocolo', 'protocol'];

/** The shape of the answers a step got: status, the failure flag, where the id was, the protocol's type. */
function describeShape(answers: readonly ObservedAnswer[]): string[] {
  return answers
    .filter((answer) => SHAPED_CALLS.has(answer.endpoint))
    .map((answer) => {
      const body = answer.body ?? {};
      const data = typeof body.data === 'object' && body.data !== null ? (body.data as Record<string, unknown>) : {};
      const idKey = ID_KEYS.flatMap((key) => [[key, body], [`data.${key}`, data]] as const).find(([name, where]) => name.replace('data.', '') in where)?.[0];
      const protocolKey = PROTOCOL_KEYS.flatMap((key) => [[key, body[key]], [`data.${key}`, data[key]]] as const).find(([, value]) => value !== undefined);
      const flag = 'erro' in body ? `erro: ${JSON.stringify(body.erro)}` : `error: ${JSON.stringify(body.error)}`;
      const parts = [
        `HTTP ${answer.status}`,
        answer.body ? flag : 'not JSON',
        idKey ? `id under ${idKey}` : 'no id',
        protocolKey ? `${protocolKey[0]} ${JSON.stringify(protocolKey[1])} (a ${typeof protocolKey[1]})` : 'no protocol',
      ];
      return `${answer.endpoint} answered ${parts.join(', ')}`;
    });
}

/** What to do about a refused token, in the API spoken. */
const TOKEN_FIX = {
  legacy: 'Copy the API token again from your TomTicket account into TOMTICKET_TOKEN (no spaces or quotes), or make a new one there; then run this again.',
  v2:
    'Copy the token again into TOMTICKET_TOKEN (no spaces, quotes or "Bearer "), or make a new one in TomTicket under Administração → Configurações da Conta → API → Novo Token ' +
    '(with "Pode criar e modificar dados", without an IP restriction that leaves this server out). API 2.0 needs a Premium or Enterprise plan: a 403 says the account lacks it. ' +
    'Or set TOMTICKET_API=legacy to use the legacy API.',
} as const;

function describeFailure(result: Extract<CreateTicketResult, { ok: false }>): string {
  switch (result.kind) {
    case 'rejected':
      return `refused: ${result.message}`;
    case 'timeout':
      return 'no answer in time';
    default:
      return result.detail;
  }
}

function fixFor(result: Extract<CreateTicketResult, { ok: false }>): string {
  switch (result.kind) {
    case 'rejected':
      return 'TomTicket’s words above say why: a customer that must exist, a department that takes no tickets, a required custom field.';
    case 'token_refused':
      return 'The token may read but not write: give it permission to create tickets in TomTicket.';
    default:
      return 'TomTicket did not settle the test: run this again; if it keeps failing, check TOMTICKET_API_URL and the network.';
  }
}
