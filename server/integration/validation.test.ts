import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../../contract/index.ts';
import {
  formOf,
  spoolIsEmpty,
  startHarness,
  TEST_TOKEN,
  textsShowingToken,
  validFields,
  type Harness,
} from './harness.ts';

function without(name: string): Record<string, string> {
  const fields = validFields();
  delete fields[name];
  return fields;
}

describe('POST /api/tickets refuses invalid submissions before any upstream call', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
    // Warm the schema cache, so a refused submission may cause no upstream call at all.
    expect((await harness.send('/api/form')).status).toBe(200);
  });
  afterAll(async () => {
    expect(textsShowingToken(harness)).toEqual([]);
    await harness.close();
  });
  beforeEach(() => {
    harness.fake.clearRequests();
  });

  async function expectRefusal(form: FormData, code: string, field: string | undefined) {
    const answer = await harness.send('/api/tickets', { method: 'POST', body: form });
    const body = harness.json(answer) as { ok: boolean; error: Record<string, unknown>; errors: unknown[] };
    expect({ status: answer.status, ok: body.ok, code: body.error.code, field: body.error.field }).toEqual({
      status: 400,
      ok: false,
      code,
      field,
    });
    expect(typeof body.error.message).toBe('string');
    expect(body.errors[0]).toEqual(body.error);
    expect(harness.fake.requests).toEqual([]);
    expect(await spoolIsEmpty(harness)).toBe(true);
  }

  const emoji = (count: number) => '😀'.repeat(count);

  it.each([
    ['no e-mail', without('email'), 'required', 'email'],
    ['a malformed e-mail', { ...validFields(), email: 'ana@' }, 'invalid_email', 'email'],
    ['an overlong e-mail', { ...validFields(), email: `${'a'.repeat(LIMITS.emailMaxChars)}@example.com` }, 'too_long', 'email'],
    ['no name', without('name'), 'required', 'name'],
    ['no department', without('department'), 'required', 'department'],
    ['an unknown department', { ...validFields(), department: 'dep-nope' }, 'unknown_department', 'department'],
    ['no category where one is required', without('category'), 'required', 'category'],
    ["another department's category", { ...validFields(), category: 'cat-boleto' }, 'unknown_category', 'category'],
    ['a missing required custom field', without('fields[navegador]'), 'required', 'fields[navegador]'],
    ['a value outside the options', { ...validFields(), 'fields[navegador]': 'netscape' }, 'not_an_option', 'fields[navegador]'],
    ['a date that does not exist', { ...validFields(), 'fields[quando]': '2023-02-29' }, 'invalid_value', 'fields[quando]'],
    ['a number out of range', { ...validFields(), 'fields[usuarios]': '101' }, 'invalid_value', 'fields[usuarios]'],
    ['a malformed e-mail field', { ...validFields(), 'fields[copia]': 'x@y' }, 'invalid_email', 'fields[copia]'],
    ["another category's field", { ...validFields(), 'fields[passos]': 'x' }, 'unknown_field', 'fields[passos]'],
    ['an unknown custom field', { ...validFields(), 'fields[nope]': 'x' }, 'unknown_field', 'fields[nope]'],
    ['a nested field name', { ...validFields(), 'fields[a][b]': 'x' }, 'unknown_field', undefined],
    ['an unknown name', { ...validFields(), extra: 'x' }, 'unknown_field', undefined],
    ['no title', without('title'), 'required', 'title'],
    ['a blank title', { ...validFields(), title: ' \r\n ' }, 'required', 'title'],
    ['a title over the limit', { ...validFields(), title: emoji(LIMITS.titleMaxChars + 1) }, 'too_long', 'title'],
    ['no message', without('message'), 'required', 'message'],
    ['a message over the limit', { ...validFields(), message: emoji(LIMITS.messageMaxChars + 1) }, 'too_long', 'message'],
    ['a priority of 5', { ...validFields(), priority: '5' }, 'invalid_priority', 'priority'],
    ['a priority that is not a number', { ...validFields(), priority: 'alta' }, 'invalid_priority', 'priority'],
  ])('%s', async (_case, fields, code, field) => {
    await expectRefusal(formOf(fields), code, field);
  });

  it('a field sent twice', async () => {
    const form = formOf(validFields());
    form.append('title', 'again');
    await expectRefusal(form, 'duplicate_field', 'title');
  });

  it('__proto__ as a field name', async () => {
    const form = formOf(validFields());
    form.append('__proto__', '{"polluted":true}');
    await expectRefusal(form, 'unknown_field', undefined);
  });

  it('a file whose name is empty once sanitised', async () => {
    await expectRefusal(formOf(validFields(), [new File(['x'], '../..')]), 'empty_file_name', 'attachments');
  });

  it(`more than ${LIMITS.maxFiles} files`, async () => {
    const files = Array.from({ length: LIMITS.maxFiles + 1 }, (_, i) => new File([`file ${i}`], `f${i}.txt`));
    await expectRefusal(formOf(validFields(), files), 'too_many_files', 'attachments');
  });

  it('a file under another name', async () => {
    const form = formOf(validFields());
    form.append('upload', new File(['x'], 'a.txt'));
    await expectRefusal(form, 'unknown_field', undefined);
  });

  it('reports the first problem in form order as error, and all of them in errors', async () => {
    const form = formOf({ priority: '7', message: '', title: 'ok', department: 'dep-suporte', email: 'bad' });
    const answer = await harness.send('/api/tickets', { method: 'POST', body: form });
    const body = harness.json(answer) as { error: { field: string }; errors: Array<{ code: string; field: string }> };
    expect(answer.status).toBe(400);
    expect(body.error.field).toBe('email');
    expect(body.errors.map(({ code, field }) => `${code}:${field}`)).toEqual([
      'invalid_email:email',
      'required:name',
      'required:category',
      'required:fields[navegador]',
      'required:message',
      'invalid_priority:priority',
    ]);
    expect(harness.fake.requests).toEqual([]);
  });
});
