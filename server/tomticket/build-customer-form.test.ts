import { describe, expect, it } from 'vitest';
import { buildCustomerForm } from './build-customer-form.ts';

describe('buildCustomerForm', () => {
  it('sends the e-mail as identifier and address, with the given name', () => {
    const form = buildCustomerForm({ email: 'ana@example.com', name: 'Ana Souza' });
    expect(Object.fromEntries(form)).toEqual({
      identificador: 'ana@example.com',
      nome: 'Ana Souza',
      email: 'ana@example.com',
      criarchamados: 'true',
    });
  });

  it('names a nameless customer after the e-mail’s local part', () => {
    expect(buildCustomerForm({ email: 'joao.silva@example.com' }).get('nome')).toBe('joao.silva');
    expect(buildCustomerForm({ email: 'joao@example.com', name: '  ' }).get('nome')).toBe('joao');
  });
});
