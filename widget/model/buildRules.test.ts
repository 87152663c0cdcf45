import { describe, expect, it } from 'vitest';
import { NO_CATEGORY, type Department, type FormSchema } from '../../contract/index.ts';
import { testSchema } from '../testing/schema.ts';
import { buildRules } from './buildRules.ts';

// A department whose category is optional, with fields TomTicket binds to "no category" (API 2.0
// says which fields apply while none is chosen), to one category, or to both.
const department: Department = {
  id: 'd3',
  name: 'Comercial',
  categoryRequired: false,
  categories: [
    { id: 'c1', name: 'Planos' },
    { id: 'c2', name: 'Parcerias' },
  ],
  fields: [
    { id: 'always', label: 'Empresa', type: 'text', required: false },
    { id: 'none', label: 'Como nos conheceu', type: 'text', required: false, categories: [NO_CATEGORY] },
    { id: 'plans', label: 'Plano desejado', type: 'text', required: false, categories: ['c1'] },
    { id: 'none-or-plans', label: 'Usuários', type: 'text', required: false, categories: [NO_CATEGORY, 'c1'] },
  ],
};
const schema: FormSchema = { ...testSchema(), departments: [...testSchema().departments, department] };
const settings = { identity: '', department: '', departmentLocked: false };
const shownFields = (category: string) =>
  buildRules(schema, settings, department, category)
    .map((rule) => rule.name)
    .filter((name) => name.startsWith('fields['));

describe('which custom fields the form asks, by category', () => {
  it('asks the fields bound to "no category" while no category is chosen', () => {
    expect(shownFields('')).toEqual(['fields[always]', 'fields[none]', 'fields[none-or-plans]']);
  });

  it('asks only the chosen category’s fields once one is chosen', () => {
    expect(shownFields('c1')).toEqual(['fields[always]', 'fields[plans]', 'fields[none-or-plans]']);
    expect(shownFields('c2')).toEqual(['fields[always]']);
  });
});
