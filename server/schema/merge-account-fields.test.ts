import { describe, expect, it } from 'vitest';
import { NO_CATEGORY } from '../../contract/index.ts';
import type { UpstreamCustomField, UpstreamDepartment } from '../tomticket/types.ts';
import { buildFormSchema } from './build-form-schema.ts';
import { widgetTypeOf } from './map-custom-field-type.ts';
import type { FormConfigFile } from './types.ts';

const field = (id: string, type: string, extra: Partial<UpstreamCustomField> = {}): UpstreamCustomField => ({
  id,
  label: `Campo ${id}`,
  type,
  required: false,
  options: [],
  askedAtOpening: true,
  ...extra,
});

// A department as API 2.0 describes it: optional categories, fields bound to some of them and to "no category".
const browser = field('navegador', '3', { required: true, options: ['Chrome', 'Firefox', 'Safari'] });
const steps = field('passos', '2');
const when = field('quando', '7');
const origin = field('origem', '1');
const department: UpstreamDepartment = {
  id: 'd1',
  name: 'Suporte',
  categories: [
    { id: 'c1', name: 'Login' },
    { id: 'c2', name: 'Erro' },
  ],
  customFields: {
    noCategory: [origin, browser],
    byCategory: { c1: [browser, when], c2: [browser, steps, when] },
  },
};

function schemaOf(config: FormConfigFile = {}, upstream: UpstreamDepartment[] = [department]) {
  const warnings: Array<Record<string, unknown>> = [];
  const schema = buildFormSchema(upstream, config, (message, details) => warnings.push({ message, ...details }));
  return { fields: schema.departments[0]?.fields ?? [], warnings };
}

describe('widgetTypeOf', () => {
  it.each([
    ['1', [], 'text'],
    ['2', [], 'textarea'],
    ['3', ['a'], 'select'],
    ['3', [], undefined],
    ['7', [], undefined],
    ['', [], undefined],
    ['list', ['a'], 'select'],
    ['date', [], 'date'],
  ] as const)('maps TomTicket type %j (options %j) to %s', (type, options, expected) => {
    expect(widgetTypeOf({ type, options: [...options] })).toBe(expected);
  });
});

describe('custom fields from the account', () => {
  it('are offered in TomTicket’s order, mapped, each scoped to where TomTicket asks it, the undrawable left out with a warning', () => {
    const { fields, warnings } = schemaOf();
    expect(fields).toEqual([
      { id: 'origem', label: 'Campo origem', type: 'text', required: false, categories: [NO_CATEGORY] },
      { id: 'navegador', label: 'Campo navegador', type: 'select', required: true, options: ['Chrome', 'Firefox', 'Safari'].map((text) => ({ value: text, label: text })) },
      { id: 'passos', label: 'Campo passos', type: 'textarea', required: false, categories: ['c2'] },
    ]);
    expect(warnings).toEqual([expect.objectContaining({ fieldId: 'quando', type: '7', cause: 'account', message: expect.stringContaining('cannot draw') })]);
  });

  it('drop "no category" once the category is required, and leave out what then never applies', () => {
    const { fields } = schemaOf({ departments: [{ id: 'd1', categoryRequired: true }] });
    expect(fields.map((f) => [f.id, f.categories])).toEqual([
      ['navegador', undefined],
      ['passos', ['c2']],
    ]);
  });

  it('are narrowed to the categories FORM_CONFIG offers', () => {
    const { fields } = schemaOf({ departments: [{ id: 'd1', categories: ['c1'] }] });
    expect(fields.map((f) => [f.id, f.categories])).toEqual([
      ['origem', [NO_CATEGORY]],
      ['navegador', undefined],
    ]);
  });

  it('apply whatever is chosen in a department without categories', () => {
    const flat: UpstreamDepartment = { id: 'd2', name: 'Vendas', categories: [], customFields: { noCategory: [origin], byCategory: {} } };
    expect(schemaOf({}, [flat]).fields).toEqual([{ id: 'origem', label: 'Campo origem', type: 'text', required: false }]);
  });

  it('leave out what is not asked when a ticket is opened, without a warning', () => {
    const closed = { ...department, customFields: { noCategory: [field('x', '1', { askedAtOpening: false })], byCategory: {} } };
    expect(schemaOf({}, [closed])).toEqual({ fields: [], warnings: [] });
  });
});

describe('FORM_CONFIG over the account’s fields', () => {
  it('relabels, adds help, gives a type to the undrawable, narrows and relabels options, and puts the listed fields first', () => {
    const { fields, warnings } = schemaOf({
      departments: [
        {
          id: 'd1',
          fields: [
            { id: 'quando', type: 'date', label: 'Quando aconteceu?', help: 'O dia do erro.' },
            { id: 'navegador', options: [{ value: 'Firefox', label: 'Mozilla Firefox' }, { value: 'Chrome', label: 'Google Chrome' }] },
            { id: 'origem', required: true, maxLength: 80 },
          ],
        },
      ],
    });
    expect(fields).toEqual([
      { id: 'quando', label: 'Quando aconteceu?', type: 'date', required: false, help: 'O dia do erro.', categories: ['c1', 'c2'] },
      {
        id: 'navegador',
        label: 'Campo navegador',
        type: 'select',
        required: true,
        options: [
          { value: 'Firefox', label: 'Mozilla Firefox' },
          { value: 'Chrome', label: 'Google Chrome' },
        ],
      },
      { id: 'origem', label: 'Campo origem', type: 'text', required: true, maxLength: 80, categories: [NO_CATEGORY] },
      { id: 'passos', label: 'Campo passos', type: 'textarea', required: false, categories: ['c2'] },
    ]);
    expect(warnings).toEqual([]);
  });

  it('hides a field, or every unlisted one, and says when TomTicket requires one the form will not show', () => {
    const hidden = schemaOf({ departments: [{ id: 'd1', fields: [{ id: 'navegador', hidden: true }] }] });
    expect(hidden.fields.map((f) => f.id)).toEqual(['origem', 'passos']);
    expect(hidden.warnings).toEqual(
      expect.arrayContaining([expect.objectContaining({ fieldId: 'navegador', mandatoryNotShown: true, cause: 'form_config' })]),
    );
    const only = schemaOf({ departments: [{ id: 'd1', onlyListedFields: true, fields: [{ id: 'passos' }] }] });
    expect(only.fields.map((f) => f.id)).toEqual(['passos']);
    expect(only.warnings).toEqual([expect.objectContaining({ fieldId: 'navegador', mandatoryNotShown: true })]);
  });

  it('keeps a field TomTicket requires required, and leaves out ids, options and categories TomTicket does not have', () => {
    const { fields, warnings } = schemaOf({
      departments: [
        {
          id: 'd1',
          fields: [
            { id: 'navegador', required: false, options: [{ value: 'Opera', label: 'Opera' }, { value: 'Safari', label: 'Safari' }] },
            { id: 'passos', categories: ['c1'] },
            { id: 'inventado', label: 'Inventado', type: 'text' },
          ],
        },
      ],
    });
    expect(fields.map((f) => [f.id, f.required, f.options?.map((option) => option.value)])).toEqual([
      ['navegador', true, ['Safari']],
      ['origem', false, undefined],
    ]);
    expect(warnings.map((warning) => [warning.fieldId, warning.message])).toEqual([
      ['inventado', expect.stringContaining('not asked by TomTicket in this department')],
      ['navegador', expect.stringContaining('stays required')],
      ['navegador', expect.stringContaining('not one of the TomTicket field’s')],
      ['passos', expect.stringContaining('none TomTicket asks it in')],
      ['quando', expect.stringContaining('cannot draw')],
    ]);
  });
});
