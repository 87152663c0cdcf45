import { describe, expect, it } from 'vitest';
import { DEFAULT_PRIORITY, DEFAULT_TEXT_RULES, LIMITS, NO_CATEGORY, PRIORITIES } from '../../contract/index.ts';
import type { FormSchema } from '../../contract/index.ts';
import type { ReceivedFile, ReceivedSubmission } from './types.ts';
import { validateSubmission } from './validate-submission.ts';

const SCHEMA: FormSchema = {
  departments: [
    {
      id: 'dep-suporte',
      name: 'Suporte',
      categoryRequired: true,
      categories: [
        { id: 'cat-login', name: 'Login' },
        { id: 'cat-erro', name: 'Erro' },
      ],
      fields: [
        { id: 'browser', label: 'Navegador', type: 'select', required: true, options: [{ value: 'chrome', label: 'Chrome' }] },
        { id: 'steps', label: 'Passos', type: 'textarea', required: true, maxLength: 20, categories: ['cat-erro'] },
        { id: 'when', label: 'Quando', type: 'date', required: false },
        { id: 'users', label: 'Usuários', type: 'number', required: false, min: 1, max: 100 },
        { id: 'copy', label: 'Cópia', type: 'email', required: false },
        { id: 'terms', label: 'Termos', type: 'checkbox', required: false },
      ],
    },
    { id: 'dep-fin', name: 'Financeiro', categoryRequired: false, categories: [], fields: [] },
  ],
  priorities: [...PRIORITIES],
  defaultPriority: DEFAULT_PRIORITY,
  limits: LIMITS,
  textRules: DEFAULT_TEXT_RULES,
  customer: { emailRequired: true, nameRequired: true },
};

const VALID: Record<string, string> = {
  email: 'ana@example.com',
  name: 'Ana',
  department: 'dep-suporte',
  category: 'cat-login',
  'fields[browser]': 'chrome',
  title: 'Não entro',
  message: 'Desde ontem.',
};

function submission(
  fields: Record<string, string> | Array<[string, string]>,
  extra: Partial<ReceivedSubmission> = {},
): ReceivedSubmission {
  const pairs = Array.isArray(fields) ? fields : Object.entries(fields);
  return {
    fields: pairs.map(([name, value]) => ({ name, value, valueTruncated: false, nameTruncated: false })),
    files: [],
    strayFileFieldNames: [],
    ...extra,
  };
}

function without(...names: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(VALID).filter(([name]) => !names.includes(name)));
}

function problemsOf(received: ReceivedSubmission, schema: FormSchema = SCHEMA) {
  const outcome = validateSubmission(received, schema);
  if (outcome.ok) throw new Error('expected problems');
  return outcome.problems.map(({ code, field }) => ({ code, field }));
}

const FILE: ReceivedFile = { fileName: 'a.txt', rawFileName: 'a.txt', type: 'text/plain', size: 3, path: '/tmp/x/0' };

describe('validateSubmission', () => {
  it('turns a valid submission into the ticket to create', () => {
    const outcome = validateSubmission(
      submission({
        ...VALID,
        title: '  Não entro  ',
        message: 'linha 1\r\nlinha 2\rlinha 3\n',
        priority: '3',
        'fields[when]': '2024-02-29',
        'fields[users]': '12.5',
        'fields[copy]': 'b@example.org',
        'fields[terms]': 'true',
      }, { files: [FILE] }),
      SCHEMA,
    );
    expect(outcome).toEqual({
      ok: true,
      ticket: {
        customer: { email: 'ana@example.com', name: 'Ana' },
        departmentId: 'dep-suporte',
        categoryId: 'cat-login',
        title: 'Não entro',
        // As it is sent (MESSAGE_FORMAT=html, the default): every line break as <br>.
        message: 'linha 1<br>linha 2<br>linha 3',
        priority: 3,
        customFields: { browser: 'chrome', when: '2024-02-29', users: '12.5', copy: 'b@example.org', terms: 'Sim' },
        attachments: [FILE],
      },
    });
  });

  it('uses the default priority and forwards an unsent checkbox as unchecked', () => {
    const outcome = validateSubmission(submission(VALID), SCHEMA);
    expect(outcome.ok && outcome.ticket.priority).toBe(DEFAULT_PRIORITY);
    expect(outcome.ok && outcome.ticket.customFields).toEqual({ browser: 'chrome', terms: 'Não' });
  });

  it('counts title and message as sent, in bytes until the account is known to count characters', () => {
    // '😀' is 4 bytes: 62 of them fill 248 of the title's 250 bytes.
    const title = `${'😀'.repeat(62)}ab`;
    // In HTML, a typed `<` goes as `&lt;` (4) and a line break as `<br>` (4).
    const message = 'a<\n'.repeat(LIMITS.messageMaxChars / 9) + 'x'.repeat(LIMITS.messageMaxChars % 9);
    expect(validateSubmission(submission({ ...VALID, title, message }), SCHEMA).ok).toBe(true);
    expect(problemsOf(submission({ ...VALID, title: `${title}x`, message: `${message}x` }))).toEqual([
      { code: 'too_long', field: 'title' },
      { code: 'too_long', field: 'message' },
    ]);
  });

  it('measures title and message as TomTicket will see them, in the schema\'s text rules', () => {
    const codesOf = (values: Record<string, string>, schema: FormSchema) => {
      const outcome = validateSubmission(submission(values), schema);
      return outcome.ok ? [] : outcome.problems.map((p) => `${p.field}:${p.code}`);
    };
    const inChars: FormSchema = { ...SCHEMA, textRules: { messageFormat: 'text', lengthUnit: 'chars' } };
    const emoji = '😀'.repeat(LIMITS.titleMaxChars);
    expect(codesOf({ ...VALID, title: emoji }, inChars)).toEqual([]);
    expect(codesOf({ ...VALID, title: `${emoji}x` }, inChars)).toEqual(['title:too_long']);
    // The defaults: UTF-8 bytes (an emoji is 4), the message as HTML (a typed < is sent as &lt;).
    expect(codesOf({ ...VALID, title: '😀'.repeat(62) }, SCHEMA)).toEqual([]);
    expect(codesOf({ ...VALID, title: '😀'.repeat(63) }, SCHEMA)).toEqual(['title:too_long']);
    expect(codesOf({ ...VALID, message: '<'.repeat(LIMITS.messageMaxChars / 4) }, SCHEMA)).toEqual([]);
    expect(codesOf({ ...VALID, message: `${'<'.repeat(LIMITS.messageMaxChars / 4)}a` }, SCHEMA)).toEqual(['message:too_long']);
  });

  it('counts code points once the account is known to count characters, and as typed in text format', () => {
    const chars = { ...SCHEMA, textRules: { messageFormat: 'text', lengthUnit: 'chars' } } as const;
    const title = '😀'.repeat(LIMITS.titleMaxChars);
    // Multipart sends every line break as CRLF: two characters each.
    const message = 'a\n'.repeat(LIMITS.messageMaxChars / 3);
    const accepted = validateSubmission(submission({ ...VALID, title, message: `<${message}` }), chars);
    expect(accepted).toMatchObject({ ok: true, ticket: { message: `<${message}`.trim() } });
    expect(validateSubmission(submission({ ...VALID, title: `${title}x`, message: `${message}xx` }), chars)).toMatchObject({
      ok: false,
      problems: [{ code: 'too_long', field: 'title' }, { code: 'too_long', field: 'message' }],
    });
  });

  it.each([
    [without('email'), 'required', 'email'],
    [{ ...VALID, email: 'not-an-email' }, 'invalid_email', 'email'],
    [{ ...VALID, email: `${'a'.repeat(250)}@example.com` }, 'too_long', 'email'],
    [without('name'), 'required', 'name'],
    [{ ...VALID, name: 'n'.repeat(LIMITS.nameMaxChars + 1) }, 'too_long', 'name'],
    [without('department'), 'required', 'department'],
    [{ ...VALID, department: 'dep-nope' }, 'unknown_department', 'department'],
    [without('category'), 'required', 'category'],
    [{ ...VALID, category: 'cat-boleto' }, 'unknown_category', 'category'],
    [without('fields[browser]'), 'required', 'fields[browser]'],
    [{ ...VALID, 'fields[browser]': 'netscape' }, 'not_an_option', 'fields[browser]'],
    [{ ...VALID, 'fields[when]': '2023-02-29' }, 'invalid_value', 'fields[when]'],
    [{ ...VALID, 'fields[when]': '29/02/2024' }, 'invalid_value', 'fields[when]'],
    [{ ...VALID, 'fields[users]': '101' }, 'invalid_value', 'fields[users]'],
    [{ ...VALID, 'fields[users]': '1e2' }, 'invalid_value', 'fields[users]'],
    [{ ...VALID, 'fields[copy]': 'b@' }, 'invalid_email', 'fields[copy]'],
    [{ ...VALID, 'fields[terms]': 'yes' }, 'invalid_value', 'fields[terms]'],
    [{ ...VALID, 'fields[steps]': 'not for this category' }, 'unknown_field', 'fields[steps]'],
    [{ ...VALID, category: 'cat-erro', 'fields[steps]': 'x'.repeat(21) }, 'too_long', 'fields[steps]'],
    [{ ...VALID, category: 'cat-erro' }, 'required', 'fields[steps]'],
    [{ ...VALID, 'fields[nope]': 'x' }, 'unknown_field', 'fields[nope]'],
    [without('title'), 'required', 'title'],
    [{ ...VALID, title: '   ' }, 'required', 'title'],
    [without('message'), 'required', 'message'],
    [{ ...VALID, priority: '5' }, 'invalid_priority', 'priority'],
    [{ ...VALID, priority: '2.0' }, 'invalid_priority', 'priority'],
    [{ ...VALID, attachments: 'text instead of a file' }, 'invalid_value', 'attachments'],
    [{ ...VALID, 'fields[a][b]': 'x' }, 'unknown_field', undefined],
    [{ ...VALID, constructor: 'x' }, 'unknown_field', undefined],
  ])('%j → %s on %s', (fields, code, field) => {
    expect(problemsOf(submission(fields))).toEqual([{ code, field }]);
  });

  it('treats __proto__ as just an unknown name', () => {
    const pairs: Array<[string, string]> = [...Object.entries(VALID), ['__proto__', 'x'], ['fields[__proto__]', 'y']];
    expect(problemsOf(submission(pairs))).toEqual([
      { code: 'unknown_field', field: 'fields[__proto__]' },
      { code: 'unknown_field', field: undefined },
    ]);
  });

  it('refuses a repeated single-valued field once', () => {
    const pairs = [...Object.entries(VALID), ['title', 'again'], ['title', 'and again'], ['fields[browser]', 'chrome']] as Array<
      [string, string]
    >;
    expect(problemsOf(submission(pairs))).toEqual([
      { code: 'duplicate_field', field: 'fields[browser]' },
      { code: 'duplicate_field', field: 'title' },
    ]);
  });

  it('refuses a value the parser had to truncate', () => {
    const received = submission(VALID);
    received.fields = received.fields.map((field) => (field.name === 'message' ? { ...field, valueTruncated: true } : field));
    expect(problemsOf(received)).toEqual([{ code: 'too_long', field: 'message' }]);
  });

  it('refuses files without a usable name and files under other names', () => {
    const received = submission(VALID, {
      files: [FILE, { ...FILE, fileName: '' }],
      strayFileFieldNames: ['title', 'upload'],
    });
    expect(problemsOf(received)).toEqual([
      { code: 'empty_file_name', field: 'attachments' },
      { code: 'invalid_value', field: 'title' },
      { code: 'unknown_field', field: undefined },
    ]);
  });

  it('refuses more files than allowed', () => {
    const files = Array.from({ length: LIMITS.maxFiles + 1 }, () => FILE);
    expect(problemsOf(submission(VALID, { files }))).toEqual([{ code: 'too_many_files', field: 'attachments' }]);
  });

  it('lists every problem in form order, whatever order the parts came in', () => {
    const pairs: Array<[string, string]> = [
      ['priority', '9'],
      ['message', ''],
      ['stray', 'x'],
      ['fields[browser]', 'netscape'],
      ['department', 'dep-suporte'],
      ['category', 'cat-nope'],
      ['email', 'bad'],
    ];
    expect(problemsOf(submission(pairs))).toEqual([
      { code: 'invalid_email', field: 'email' },
      { code: 'required', field: 'name' },
      { code: 'unknown_category', field: 'category' },
      { code: 'not_an_option', field: 'fields[browser]' },
      { code: 'required', field: 'title' },
      { code: 'required', field: 'message' },
      { code: 'invalid_priority', field: 'priority' },
      { code: 'unknown_field', field: undefined },
    ]);
  });

  it('does not judge custom fields while the department is unknown', () => {
    expect(problemsOf(submission({ ...VALID, department: 'dep-nope', 'fields[x]': 'y' }))).toEqual([
      { code: 'unknown_department', field: 'department' },
    ]);
  });

  it('does not require a name when the schema does not', () => {
    const schema = { ...SCHEMA, customer: { emailRequired: true, nameRequired: false } };
    const outcome = validateSubmission(submission(without('name')), schema);
    expect(outcome.ok && outcome.ticket.customer).toEqual({ email: 'ana@example.com' });
  });

  it('accepts a department without categories and no category', () => {
    const outcome = validateSubmission(submission({ ...without('category', 'fields[browser]'), department: 'dep-fin' }), SCHEMA);
    expect(outcome.ok).toBe(true);
    expect(outcome.ok && 'categoryId' in outcome.ticket).toBe(false);
  });

  it('asks the fields bound to "no category" only while no category is chosen', () => {
    const schema: FormSchema = {
      ...SCHEMA,
      departments: [
        {
          id: 'dep-com',
          name: 'Comercial',
          categoryRequired: false,
          categories: [{ id: 'cat-planos', name: 'Planos' }],
          fields: [
            { id: 'origem', label: 'Origem', type: 'text', required: true, categories: [NO_CATEGORY] },
            { id: 'plano', label: 'Plano', type: 'text', required: true, categories: ['cat-planos'] },
          ],
        },
      ],
    };
    const base = { ...without('category', 'fields[browser]'), department: 'dep-com' };
    const none = validateSubmission(submission({ ...base, 'fields[origem]': 'Google' }), schema);
    expect(none.ok && none.ticket.customFields).toEqual({ origem: 'Google' });
    expect(problemsOf(submission(base), schema)).toEqual([{ code: 'required', field: 'fields[origem]' }]);
    // Once a category is chosen the no-category field is not the form's: TomTicket would drop it.
    expect(problemsOf(submission({ ...base, category: 'cat-planos', 'fields[plano]': 'Pro', 'fields[origem]': 'Google' }), schema)).toEqual([
      { code: 'unknown_field', field: 'fields[origem]' },
    ]);
  });
});

describe('validateSubmission: the context and the consent', () => {
  const consent = {
    version: 'v1',
    texts: {
      'pt-BR': { text: 'Aceito a [política].', url: 'https://example.com/p' },
      en: { text: 'I accept the [policy].', url: 'https://example.com/p' },
      es: { text: 'Acepto la [política].', url: 'https://example.com/p' },
    },
  };
  const WITH_CONSENT = { ...SCHEMA, consent, limits: { ...LIMITS, messageMaxChars: 900 } };

  it('refuses a ticket without the consent when the form asks for it, on the consent field', () => {
    const outcome = validateSubmission(submission(VALID), WITH_CONSENT);
    expect(outcome).toEqual({ ok: false, problems: [{ code: 'required', message: 'The consent is required to send a ticket.', field: 'consent' }] });
    const given = validateSubmission(submission({ ...VALID, consent: 'true' }), WITH_CONSENT);
    expect(given.ok && given.ticket.notes).toEqual({ consent: { version: 'v1' } });
  });

  it('counts the message against the schema\'s limit, which keeps room for the consent', () => {
    const outcome = validateSubmission(submission({ ...VALID, consent: 'true', message: 'a'.repeat(901) }), WITH_CONSENT);
    expect(outcome).toMatchObject({ ok: false, problems: [{ code: 'too_long', field: 'message' }] });
    expect(validateSubmission(submission({ ...VALID, consent: 'true', message: 'a'.repeat(900) }), WITH_CONSENT).ok).toBe(true);
  });

  it('refuses a consent the form does not ask for, and context details of no known name', () => {
    expect(validateSubmission(submission({ ...VALID, consent: 'true' }), SCHEMA)).toMatchObject({ ok: false, problems: [{ code: 'unknown_field', field: 'consent' }] });
    expect(validateSubmission(submission({ ...VALID, 'context[cpu]': 'x' }), SCHEMA)).toMatchObject({ ok: false, problems: [{ code: 'unknown_field' }] });
    expect(validateSubmission(submission({ ...VALID, 'context[device]': 'toaster' }), SCHEMA)).toMatchObject({
      ok: false,
      problems: [{ code: 'invalid_value', field: 'context[device]' }],
    });
  });

  it('carries the context as the ticket\'s notes, with the server\'s fields this department and category have', () => {
    const schema = {
      ...SCHEMA,
      serverFields: {
        'dep-suporte': [
          { role: 'context' as const, id: 'ctx', required: false, maxLength: 250, categories: ['cat-erro'] },
          { role: 'consent' as const, id: 'lgpd', required: true, maxLength: 100 },
        ],
      },
    };
    const context = { 'context[page]': 'https://a.example/x', 'context[device]': 'mobile' };
    const login = validateSubmission(submission({ ...VALID, ...context }), schema);
    expect(login.ok && login.ticket.notes).toEqual({
      context: { page: 'https://a.example/x', device: 'mobile' },
      consentField: { id: 'lgpd', maxLength: 100, required: true },
    });
    const erro = validateSubmission(submission({ ...VALID, ...context, category: 'cat-erro', 'fields[steps]': 'a' }), schema);
    expect(erro.ok && erro.ticket.notes?.contextField).toEqual({ id: 'ctx', maxLength: 250, required: false });
    // A customer cannot fill a field the server fills.
    expect(validateSubmission(submission({ ...VALID, 'fields[ctx]': 'forged' }), schema)).toMatchObject({ ok: false, problems: [{ code: 'unknown_field', field: 'fields[ctx]' }] });
    expect(validateSubmission(submission(VALID), SCHEMA)).toMatchObject({ ok: true, ticket: expect.not.objectContaining({ notes: expect.anything() }) });
  });
});
