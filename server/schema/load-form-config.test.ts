import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../contract/index.ts';
import { loadFormConfig } from './load-form-config.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'form-config-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function load(content: unknown, fieldsFromAccount = false): Promise<unknown> {
  const path = join(dir, `config-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
  return loadFormConfig(path, { fieldsFromAccount });
}

/** The message loadFormConfig throws for `content` (read for API 2.0 when `fieldsFromAccount`). */
async function problemWith(content: unknown, fieldsFromAccount = false): Promise<string> {
  const error = await load(content, fieldsFromAccount).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(Error);
  return (error as Error).message;
}

const validField = { id: 'abc01', label: 'Order number', type: 'text', required: true, maxLength: 20 };

describe('loadFormConfig', () => {
  it('returns a valid configuration, with a field’s required defaulting to false', async () => {
    const config = await load({
      departments: [
        {
          id: 'd1',
          name: 'Support',
          categories: ['c1', 'c2'],
          categoryRequired: true,
          fields: [
            validField,
            { id: 'plan', label: 'Plan', type: 'select', options: [{ value: 'p', label: 'Pro' }], categories: ['c1'] },
            { id: 'qty', label: 'Quantity', type: 'number', min: 1, max: 10 },
          ],
        },
      ],
      onlyListedDepartments: false,
      askName: false,
      defaultPriority: 2,
    });
    expect(config).toEqual({
      departments: [
        {
          id: 'd1',
          name: 'Support',
          categories: ['c1', 'c2'],
          categoryRequired: true,
          fields: [
            validField,
            { id: 'plan', label: 'Plan', type: 'select', required: false, options: [{ value: 'p', label: 'Pro' }], categories: ['c1'] },
            { id: 'qty', label: 'Quantity', type: 'number', required: false, min: 1, max: 10 },
          ],
        },
      ],
      onlyListedDepartments: false,
      askName: false,
      defaultPriority: 2,
    });
  });

  it('accepts an empty object', async () => {
    expect(await load({})).toEqual({});
  });

  it('names the file when it is missing or not JSON', async () => {
    await expect(loadFormConfig(join(dir, 'missing.json'))).rejects.toThrow(/missing\.json cannot be read \(ENOENT\)/);
    expect(await problemWith('{ "departments": [ }')).toMatch(/is not valid JSON/);
  });

  it('refuses unknown keys, saying where and what is allowed', async () => {
    expect(await problemWith({ department: [] })).toContain('department: unknown key; allowed here: departments, onlyListedDepartments');
    expect(await problemWith({ departments: [{ id: 'd1', label: 'x' }] })).toContain('departments[0].label: unknown key');
    expect(await problemWith({ departments: [{ id: 'd1', fields: [{ ...validField, placeholder: 'x' }] }] })).toContain(
      'departments[0].fields[0].placeholder: unknown key',
    );
  });

  it('refuses wrong types', async () => {
    expect(await problemWith({ askName: 'yes' })).toContain('askName: must be true or false, got "yes"');
    expect(await problemWith({ departments: {} })).toContain('departments: must be a list');
    expect(await problemWith({ departments: [{ id: 5 }] })).toContain('departments[0].id: must be a string, got the number 5');
    expect(await problemWith({ defaultPriority: 5 })).toContain('defaultPriority: must be 1, 2, 3 or 4');
    expect(await problemWith([])).toContain('must be an object');
  });

  it('refuses a field type that does not exist', async () => {
    const message = await problemWith({ departments: [{ id: 'd1', fields: [{ ...validField, maxLength: undefined, type: 'radio' }] }] });
    expect(message).toContain('departments[0].fields[0].type: "radio" is not a field type; use one of text, textarea');
  });

  it('refuses a select without options, and options on other types', async () => {
    const select = { id: 's', label: 'S', type: 'select' };
    expect(await problemWith({ departments: [{ id: 'd1', fields: [select] }] })).toContain(
      'departments[0].fields[0].options: a select field needs a non-empty list',
    );
    expect(await problemWith({ departments: [{ id: 'd1', fields: [{ ...select, options: [] }] }] })).toContain(
      'fields[0].options: a select field needs',
    );
    const options = [
      { value: 'a', label: 'A' },
      { value: 'a', label: 'Again' },
    ];
    expect(await problemWith({ departments: [{ id: 'd1', fields: [{ ...select, options }] }] })).toContain(
      'fields[0].options[1].value: "a" is used by an earlier option',
    );
    expect(await problemWith({ departments: [{ id: 'd1', fields: [{ ...validField, options }] }] })).toContain(
      'fields[0].options: only a select field has options',
    );
  });

  it('refuses a maxLength above TomTicket’s limit', async () => {
    const message = await problemWith({
      departments: [{ id: 'd1', fields: [{ ...validField, maxLength: LIMITS.customFieldMaxChars + 1 }] }],
    });
    expect(message).toContain(`departments[0].fields[0].maxLength: must be a whole number from 1 to ${LIMITS.customFieldMaxChars}`);
  });

  it('refuses duplicate department ids and duplicate field ids', async () => {
    expect(await problemWith({ departments: [{ id: 'd1' }, { id: 'd1' }] })).toContain('departments[1].id: "d1" is listed twice');
    expect(await problemWith({ departments: [{ id: 'd1', fields: [validField, { ...validField, label: 'Again' }] }] })).toContain(
      'departments[0].fields[1].id: "abc01" is used by an earlier field',
    );
  });

  it('refuses field ids with brackets, field categories the department lacks, and inverted bounds', async () => {
    expect(await problemWith({ departments: [{ id: 'd1', fields: [{ ...validField, id: 'a]b' }] }] })).toContain(
      'fields[0].id: must not contain [ or ]',
    );
    expect(
      await problemWith({ departments: [{ id: 'd1', categories: ['c1'], fields: [{ ...validField, categories: ['c2'] }] }] }),
    ).toContain('fields[0].categories[0]: "c2" is not in this department\'s categories');
    expect(await problemWith({ departments: [{ id: 'd1', fields: [{ id: 'n', label: 'N', type: 'number', min: 5, max: 1 }] }] })).toContain(
      'fields[0]: min (5) is greater than max (1)',
    );
  });

  it('lists every problem at once', async () => {
    const message = await problemWith({ askName: 1, departments: [{ id: '' }], extra: true });
    expect(message.split('\n').filter((line) => line.startsWith('  - '))).toHaveLength(3);
  });
});

describe('loadFormConfig for API 2.0, where the account describes the fields', () => {
  it('takes a field by its id alone, with any of its keys changed, hidden, and onlyListedFields', async () => {
    const config = {
      departments: [
        {
          id: 'd1',
          onlyListedFields: true,
          fields: [
            { id: 'f1' },
            { id: 'f2', label: 'Outro nome', help: 'Ajuda', maxLength: 40 },
            { id: 'f3', type: 'date' },
            { id: 'f4', options: [{ value: 'Chrome', label: 'Google Chrome' }] },
            { id: 'f5', hidden: true },
          ],
        },
      ],
    };
    expect(await load(config, true)).toEqual(config);
  });

  it('a legacy file (complete fields) reads as well', async () => {
    const config = { departments: [{ id: 'd1', fields: [{ id: 'f1', label: 'Pedido', type: 'text', required: true }] }] };
    expect(await load(config, true)).toEqual(config);
  });

  it('still refuses what could never work: a bad type, brackets in an id, a maxLength past TomTicket’s, hidden not a boolean', async () => {
    const message = await problemWith(
      { departments: [{ id: 'd1', onlyListedFields: 'sim', fields: [{ id: 'a[b]' }, { id: 'f2', type: 'radio' }, { id: 'f3', maxLength: LIMITS.customFieldMaxChars + 1 }, { id: 'f4', hidden: 'yes' }] }] },
      true,
    );
    expect(message).toMatch(/departments\[0\]\.onlyListedFields: must be true or false/);
    expect(message).toMatch(/fields\[0\]\.id: must not contain \[ or \]/);
    expect(message).toMatch(/fields\[1\]\.type: "radio" is not a field type/);
    expect(message).toMatch(/fields\[2\]\.maxLength: must be a whole number from 1 to 250/);
    expect(message).toMatch(/fields\[3\]\.hidden: must be true or false/);
  });

  it('on the legacy API, says hidden and onlyListedFields need TOMTICKET_API=v2', async () => {
    const message = await problemWith({ departments: [{ id: 'd1', onlyListedFields: true, fields: [{ id: 'f1', label: 'X', type: 'text', hidden: true }] }] });
    expect(message).toMatch(/onlyListedFields: only with TOMTICKET_API=v2/);
    expect(message).toMatch(/hidden: only with TOMTICKET_API=v2/);
    expect(message).not.toMatch(/unknown key/);
  });
});
