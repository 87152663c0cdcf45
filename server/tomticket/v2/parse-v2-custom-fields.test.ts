import { describe, expect, it } from 'vitest';
import { parseV2CustomFields } from './parse-v2-custom-fields.ts';

const field = { id: 'f1', label: 'Navegador', type: 3, mandatory: true, options: ['Chrome', 'Firefox'], operation: { open: true } };
const parsed = { id: 'f1', label: 'Navegador', type: '3', required: true, options: ['Chrome', 'Firefox'], askedAtOpening: true };

describe('parseV2CustomFields', () => {
  it.each([
    ['a list of fields', [field]],
    ['{ ticket: [...] } (the help page’s nesting)', { ticket: [field] }],
    ['{ tickets: [...] } (the nested department listing’s)', { tickets: [field] }],
    ['an object whose only array holds them', { campos: [field] }],
    ['a list of such objects', [{ ticket: [field] }, { ticket: [] }]],
  ])('finds the fields in %s', (_case, data) => {
    expect(parseV2CustomFields(data)).toEqual([parsed]);
  });

  it('reads other spellings: name for label, required as "1", options as objects, a type word, ids as numbers', () => {
    expect(
      parseV2CustomFields([
        { id: 9, name: 'Sistema', type: 'list', required: '1', options: [{ value: 'Windows' }, { label: 'macOS' }, { name: 'Linux' }, { id: 4 }, ''] },
      ]),
    ).toEqual([{ id: '9', label: 'Sistema', type: 'list', required: true, options: ['Windows', 'macOS', 'Linux'], askedAtOpening: true }]);
  });

  it('keeps each field once, notes one not asked at opening, skips items without an id', () => {
    const fields = parseV2CustomFields([field, { ...field, label: 'Outra vez' }, { id: 'f2', label: 'Depois', type: 1, operation: { open: false } }, { label: 'Sem id' }]);
    expect(fields?.map((f) => [f.id, f.label, f.askedAtOpening])).toEqual([
      ['f1', 'Navegador', true],
      ['f2', 'Depois', false],
    ]);
  });

  it('answers undefined when no list is there at all', () => {
    expect(parseV2CustomFields({ a: [1], b: [2] })).toBeUndefined();
    expect(parseV2CustomFields('nada')).toBeUndefined();
  });
});
