import { describe, expect, it } from 'vitest';
import { countChars, LIMITS } from '../../contract/index.ts';
import { isTicketReference, newTicketReference, withReference } from './ticket-reference.ts';

describe('newTicketReference', () => {
  it('makes short, distinct references without look-alike letters', () => {
    const references = new Set(Array.from({ length: 500 }, newTicketReference));
    expect(references.size).toBe(500);
    for (const reference of references) {
      expect(reference).toMatch(/^TT-[0-9A-Z]{8}$/);
      expect(reference.slice(3)).not.toMatch(/[ILOU]/);
      expect(isTicketReference(reference)).toBe(true);
    }
  });

  it('recognises only its own shape (so a folder name from it is safe)', () => {
    for (const text of ['TT-1234567', 'TT-12345678/', '../TT-12345678', 'TT-ABCDEFGI', 'tt-12345678', '.tmp-TT-12345678']) {
      expect(isTicketReference(text)).toBe(false);
    }
  });
});

describe('withReference', () => {
  it('adds the reference as a last line', () => {
    expect(withReference('Olá\nTudo bem?', 'TT-7K3M9Q2X')).toBe('Olá\nTudo bem?\n\n[ref TT-7K3M9Q2X]');
  });

  it('keeps a message that fills TomTicket’s 1024 characters as it is', () => {
    const room = LIMITS.messageMaxChars - '\n\n[ref TT-7K3M9Q2X]'.length;
    const fits = 'é'.repeat(room);
    expect(countChars(withReference(fits, 'TT-7K3M9Q2X'))).toBe(LIMITS.messageMaxChars);
    const full = '😀'.repeat(room + 1);
    expect(withReference(full, 'TT-7K3M9Q2X')).toBe(full);
  });
});
