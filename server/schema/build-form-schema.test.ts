import { describe, expect, it } from 'vitest';
import { DEFAULT_PRIORITY, LIMITS, PRIORITIES } from '../../contract/index.ts';
import type { UpstreamDepartment } from '../tomticket/types.ts';
import { buildFormSchema } from './build-form-schema.ts';

const upstream: UpstreamDepartment[] = [
  { id: 'd1', name: 'Suporte', categories: [{ id: 'c1', name: 'Webcam' }, { id: 'c2', name: 'Áudio' }] },
  { id: 'd2', name: 'Vendas', categories: [] },
  { id: 'd3', name: 'Financeiro', online: false, categories: [{ id: 'c3', name: 'Boleto' }] },
];

const field = { id: 'order', label: 'Order', type: 'text' as const, required: true };

describe('buildFormSchema', () => {
  it('without departments in the config, offers every upstream department as is', () => {
    const schema = buildFormSchema(upstream, {});
    expect(schema.departments).toEqual([
      { id: 'd1', name: 'Suporte', categories: upstream[0]?.categories, fields: [], categoryRequired: false },
      { id: 'd2', name: 'Vendas', categories: [], fields: [], categoryRequired: false },
      { id: 'd3', name: 'Financeiro', categories: [{ id: 'c3', name: 'Boleto' }], fields: [], categoryRequired: false },
    ]);
    expect(schema.priorities).toEqual([...PRIORITIES]);
    expect(schema.defaultPriority).toBe(DEFAULT_PRIORITY);
    expect(schema.limits).toEqual(LIMITS);
    expect(schema.customer).toEqual({ emailRequired: true, nameRequired: true });
  });

  it('restricts, orders and renames departments, restricts categories and adds fields', () => {
    const schema = buildFormSchema(upstream, {
      departments: [
        { id: 'd3', name: 'Billing' },
        { id: 'd1', categories: ['c2'], categoryRequired: true, fields: [field] },
      ],
      askName: false,
      defaultPriority: 3,
    });
    expect(schema.departments).toEqual([
      { id: 'd3', name: 'Billing', categories: [{ id: 'c3', name: 'Boleto' }], fields: [], categoryRequired: false },
      { id: 'd1', name: 'Suporte', categories: [{ id: 'c2', name: 'Áudio' }], fields: [field], categoryRequired: true },
    ]);
    expect(schema.defaultPriority).toBe(3);
    expect(schema.customer.nameRequired).toBe(false);
  });

  it('appends unlisted departments when onlyListedDepartments is false', () => {
    const schema = buildFormSchema(upstream, { departments: [{ id: 'd2' }], onlyListedDepartments: false });
    expect(schema.departments.map((department) => department.id)).toEqual(['d2', 'd1', 'd3']);
  });

  it('drops configured departments and categories TomTicket lacks, with a warning each', () => {
    const warnings: Array<Record<string, unknown>> = [];
    const schema = buildFormSchema(
      upstream,
      { departments: [{ id: 'gone' }, { id: 'd1', categories: ['c1', 'c9'] }] },
      (message, details) => warnings.push({ message, ...details }),
    );
    expect(schema.departments.map((department) => department.id)).toEqual(['d1']);
    expect(schema.departments[0]?.categories.map((category) => category.id)).toEqual(['c1']);
    expect(warnings).toEqual([
      expect.objectContaining({ departmentId: 'gone' }),
      expect.objectContaining({ departmentId: 'd1', categoryId: 'c9' }),
    ]);
  });

  it('does not require a category of a department that has none', () => {
    const warnings: string[] = [];
    const schema = buildFormSchema(upstream, { departments: [{ id: 'd2', categoryRequired: true }] }, (message) =>
      warnings.push(message),
    );
    expect(schema.departments[0]?.categoryRequired).toBe(false);
    expect(warnings).toHaveLength(1);
  });

  it('does not share field objects with the configuration', () => {
    const config = { departments: [{ id: 'd1', fields: [{ ...field }] }] };
    const schema = buildFormSchema(upstream, config);
    schema.departments[0]!.fields[0]!.label = 'changed';
    expect(config.departments[0]?.fields[0]?.label).toBe('Order');
  });

  it('limits field categories to those offered, and leaves out a field left with none', () => {
    const warnings: Array<Record<string, unknown>> = [];
    const schema = buildFormSchema(
      upstream,
      {
        departments: [
          {
            id: 'd1',
            categories: ['c1'],
            fields: [
              { ...field, id: 'both', categories: ['c1', 'c2'] },
              { ...field, id: 'gone', categories: ['c2'] },
              { ...field, id: 'all' },
            ],
          },
        ],
      },
      (message, details) => warnings.push(details),
    );
    expect(schema.departments[0]?.fields.map(({ id, categories }) => ({ id, categories }))).toEqual([
      { id: 'both', categories: ['c1'] },
      { id: 'all', categories: undefined },
    ]);
    expect(warnings).toEqual([
      { departmentId: 'd1', fieldId: 'both', missing: ['c2'] },
      { departmentId: 'd1', fieldId: 'gone', missing: ['c2'] },
    ]);
  });
});

describe('buildFormSchema: what the server fills itself', () => {
  const contextField = { id: 'ctx', label: 'Contexto', type: 'textarea' as const, required: false, maxLength: 200 };
  const consentField = { id: 'lgpd', label: 'LGPD', type: 'text' as const, required: true, categories: ['c2'] };
  const consent = {
    version: 'v1',
    url: 'https://example.com/privacidade',
    text: { 'pt-BR': 'Aceito a [política].', en: 'I accept the [policy].', es: 'Acepto la [política].' },
    field: 'lgpd',
  };

  it('takes CONTEXT_FIELD and the consent\'s field out of the form, keeping where each is asked', () => {
    const warnings: string[] = [];
    const schema = buildFormSchema(
      upstream,
      { departments: [{ id: 'd1', fields: [field, contextField, consentField] }, { id: 'd2', fields: [contextField] }], consent },
      (message) => warnings.push(message),
      undefined,
      { contextField: 'ctx', language: 'pt-BR' },
    );
    expect(schema.departments.map((department) => department.fields)).toEqual([[field], []]);
    expect(schema.serverFields).toEqual({
      d1: [
        { role: 'context', id: 'ctx', required: false, maxLength: 200 },
        { role: 'consent', id: 'lgpd', required: true, maxLength: LIMITS.customFieldMaxChars, categories: ['c2'] },
      ],
      d2: [{ role: 'context', id: 'ctx', required: false, maxLength: 200 }],
    });
    expect(warnings).toEqual([]);
  });

  it('says when such a field is asked nowhere or cannot hold text: the notes then go into the message', () => {
    const warnings: string[] = [];
    const schema = buildFormSchema(
      upstream,
      { departments: [{ id: 'd1', fields: [{ id: 'ctx', label: 'Contexto', type: 'number', required: false }] }] },
      (message) => warnings.push(message),
      undefined,
      { contextField: 'ctx', language: 'pt-BR' },
    );
    expect(schema.departments[0]?.fields).toEqual([]);
    expect(schema).not.toHaveProperty('serverFields');
    expect(warnings).toEqual([
      'the context custom field is not a text field; the context goes into the message instead',
      'the context custom field is asked in no department of the form; the context goes into the message instead',
    ]);
  });

  it('gives the widget the consent per language, and keeps its line\'s room out of the message\'s limit', () => {
    const schema = buildFormSchema(upstream, { consent }, undefined, undefined, { language: 'pt-BR' });
    expect(schema.consent).toEqual({
      version: 'v1',
      texts: {
        'pt-BR': { text: 'Aceito a [política].', url: 'https://example.com/privacidade' },
        en: { text: 'I accept the [policy].', url: 'https://example.com/privacidade' },
        es: { text: 'Acepto la [política].', url: 'https://example.com/privacidade' },
      },
    });
    // "<br><br><b>Dados do formulário</b><br>Consentimento: dado em 2000-12-31T23:59:59Z (versão v1)", in UTF-8 bytes.
    expect(schema.limits.messageMaxChars).toBe(1024 - 95);
    expect(buildFormSchema(upstream, {}).limits.messageMaxChars).toBe(1024);
  });
});
