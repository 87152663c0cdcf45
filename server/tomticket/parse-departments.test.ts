import { describe, expect, it } from 'vitest';
import { parseDepartments } from './parse-departments.ts';

describe('parseDepartments', () => {
  it('maps nome to name and categorias to categories', () => {
    const body = {
      erro: false,
      data: [
        { id: 'd1', nome: 'Suporte', online: true, categorias: [{ id: 'c1', nome: 'Webcam' }] },
        { id: 7, nome: 'Vendas', online: false },
      ],
    };
    expect(parseDepartments(body)).toEqual([
      { id: 'd1', name: 'Suporte', online: true, categories: [{ id: 'c1', name: 'Webcam' }] },
      { id: '7', name: 'Vendas', online: false, categories: [] },
    ]);
  });

  it('skips entries without an id and names nameless ones by id', () => {
    const body = { data: [null, 'x', { nome: 'Sem id' }, { id: 'd2', categorias: [{ nome: 'no id' }, { id: 'c2' }] }] };
    expect(parseDepartments(body)).toEqual([{ id: 'd2', name: 'd2', categories: [{ id: 'c2', name: 'c2' }] }]);
  });

  it('is undefined when data is not a list', () => {
    expect(parseDepartments({ erro: false })).toBeUndefined();
    expect(parseDepartments({ data: { id: 'd1' } })).toBeUndefined();
  });
});
