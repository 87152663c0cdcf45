import { signal } from '@preact/signals';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { validateSubmission } from '../server/submission/validate-submission.ts';
import type { ReceivedSubmission } from '../server/submission/types.ts';
import { sendPart } from '../widget/api/sendPart.ts';
import { resolveOptions } from '../widget/element/options.ts';
import { createFormModel } from '../widget/model/createFormModel.ts';
import { testSchema } from '../widget/testing/schema.ts';
import type { FormSchema, TextRules } from './index.ts';

/** A ticket both sides accept, in department d1 / category c1 of the widget's test schema. */
const VALID: Readonly<Record<string, string>> = {
  email: 'ana@example.com',
  name: 'Ana',
  department: 'd1',
  category: 'c1',
  title: 'Webcam não liga',
  message: 'Desde ontem.',
  'fields[order]': 'A-1',
  'fields[terms]': 'true',
};

const emoji = (n: number) => '😀'.repeat(n);
const HTML_BYTES: TextRules = { messageFormat: 'html', lengthUnit: 'bytes' };
const TEXT_CHARS: TextRules = { messageFormat: 'text', lengthUnit: 'chars' };

/** [field, value, text rules, the verdict both sides must give: an error code or 'ok']. */
const CASES: ReadonlyArray<readonly [string, string, TextRules, string]> = [
  ['email', 'a@b.c', HTML_BYTES, 'invalid_email'],
  ['email', 'ana@example', HTML_BYTES, 'invalid_email'],
  ['email', 'ana@@example.com', HTML_BYTES, 'invalid_email'],
  ['email', ' ana@example.com ', HTML_BYTES, 'ok'],
  ['email', '', HTML_BYTES, 'required'],
  ['email', '   ', HTML_BYTES, 'required'],
  ['name', '\t \r\n', HTML_BYTES, 'required'],
  ['fields[when]', '2024-02-30', HTML_BYTES, 'invalid_value'],
  ['fields[when]', '2023-02-29', HTML_BYTES, 'invalid_value'],
  ['fields[when]', '2024-02-29', HTML_BYTES, 'ok'],
  ['fields[when]', '29/02/2024', HTML_BYTES, 'invalid_value'],
  ['fields[qty]', '1e3', HTML_BYTES, 'invalid_value'],
  ['fields[qty]', '0x5', HTML_BYTES, 'invalid_value'],
  ['fields[qty]', '11', HTML_BYTES, 'invalid_value'],
  ['fields[qty]', '0', HTML_BYTES, 'invalid_value'],
  ['fields[qty]', ' 10 ', HTML_BYTES, 'ok'],
  ['fields[qty]', '2.5', HTML_BYTES, 'ok'],
  ['fields[qty]', '', HTML_BYTES, 'ok'],
  ['fields[os]', 'linux', HTML_BYTES, 'not_an_option'],
  ['fields[os]', 'mac', HTML_BYTES, 'ok'],
  ['fields[terms]', '', HTML_BYTES, 'required'],
  ['fields[alt]', 'x@y', HTML_BYTES, 'invalid_email'],
  ['fields[order]', '1234567890', HTML_BYTES, 'ok'],
  ['fields[order]', '12345678901', HTML_BYTES, 'too_long'],
  ['fields[order]', 'çççççç', HTML_BYTES, 'too_long'],
  ['fields[order]', 'çççççç', TEXT_CHARS, 'ok'],
  ['fields[order]', '   ', HTML_BYTES, 'required'],
  // 250 / 251: bytes by default (an emoji is 4, so 62 fit), characters when the account counts them.
  ['title', 'x'.repeat(250), HTML_BYTES, 'ok'],
  ['title', 'x'.repeat(251), HTML_BYTES, 'too_long'],
  ['title', `  ${'x'.repeat(250)}  `, HTML_BYTES, 'ok'],
  ['title', emoji(62), HTML_BYTES, 'ok'],
  ['title', emoji(63), HTML_BYTES, 'too_long'],
  ['title', emoji(250), TEXT_CHARS, 'ok'],
  ['title', emoji(251), TEXT_CHARS, 'too_long'],
  ['title', '   ', HTML_BYTES, 'required'],
  // The message as sent: a line break is <br> (4) in HTML, CRLF (2) as text; a typed < is &lt; in HTML.
  ['message', 'ab\r\n'.repeat(171).trim(), HTML_BYTES, 'ok'],
  ['message', 'ab\r\n'.repeat(172).trim(), HTML_BYTES, 'too_long'],
  ['message', 'abc\r\n'.repeat(256).trim(), TEXT_CHARS, 'too_long'],
  ['message', 'ab\r\n'.repeat(256).trim(), TEXT_CHARS, 'ok'],
  ['message', '<'.repeat(256), HTML_BYTES, 'ok'],
  ['message', '<'.repeat(257), HTML_BYTES, 'too_long'],
  ['message', `${emoji(125)}\r\n${'x'.repeat(520)}`, HTML_BYTES, 'ok'],
  ['message', `${emoji(125)}\r\n${'x'.repeat(521)}`, HTML_BYTES, 'too_long'],
  ['message', '\r\n\r\n', HTML_BYTES, 'required'],
];

/** The server's verdict on `field`: the code of its first problem, or 'ok'. */
function serverVerdict(values: Record<string, string>, schema: FormSchema, field: string): string {
  const received: ReceivedSubmission = {
    fields: Object.entries(values).map(([name, value]) => ({ name, value, valueTruncated: false, nameTruncated: false })),
    files: [],
    strayFileFieldNames: [],
  };
  const outcome = validateSubmission(received, schema);
  return outcome.ok ? 'ok' : (outcome.problems.find((p) => p.field === field)?.code ?? 'ok');
}

/** The widget's verdict on `field`, from its own model once the customer left the field. */
async function widgetVerdict(values: Record<string, string>, schema: FormSchema, field: string): Promise<string> {
  vi.stubGlobal('fetch', async () => ({ ok: true, status: 200, json: async () => schema }));
  const model = createFormModel(signal(resolveOptions({}, 'https://s.example')), () => {}, async () => sendPart);
  await vi.waitFor(() => expect(model.loadState.value).toBe('ready'));
  for (const [name, value] of Object.entries(values)) model.set(name, value);
  model.touch(field);
  const verdict = model.problems.value[field]?.code ?? 'ok';
  model.destroy();
  return verdict;
}

describe('value checks: the widget and the server give the same verdict', () => {
  beforeAll(() => vi.stubGlobal('location', { pathname: '/' }));
  afterAll(() => vi.unstubAllGlobals());

  const label = (value: string) => (value.length > 24 ? `${JSON.stringify(value.slice(0, 12))}… (${value.length} UTF-16 units)` : JSON.stringify(value));
  const named = CASES.map(([field, value, rules, verdict]) => [field, label(value), `${rules.messageFormat}/${rules.lengthUnit}`, verdict, value, rules] as const);

  it.each(named)('%s = %s (%s) → %s', async (field, _label, _rules, verdict, value, textRules) => {
    const schema = { ...testSchema(), textRules };
    const values = { ...VALID, [field]: value };
    expect(serverVerdict(values, schema, field)).toBe(verdict);
    expect(await widgetVerdict(values, schema, field)).toBe(verdict);
  });

  it('accepts the valid ticket on both sides', async () => {
    const schema = testSchema();
    expect(validateSubmission({ fields: Object.entries(VALID).map(([name, value]) => ({ name, value, valueTruncated: false, nameTruncated: false })), files: [], strayFileFieldNames: [] }, schema).ok).toBe(true);
    for (const field of Object.keys(VALID)) expect(await widgetVerdict({ ...VALID }, schema, field)).toBe('ok');
  });
});
