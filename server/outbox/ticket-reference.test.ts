import { describe, expect, it } from 'vitest';
import { LIMITS, sentLength } from '../../contract/index.ts';
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
  const html = { messageFormat: 'html', lengthUnit: 'bytes' } as const;
  const text = { messageFormat: 'text', lengthUnit: 'chars' } as const;

  it('adds the reference as a last line in the message’s own format', () => {
    expect(withReference('Olá<br>Tudo bem?', 'TT-7K3M9Q2X', html)).toBe('Olá<br>Tudo bem?<br><br>[ref TT-7K3M9Q2X]');
    expect(withReference('Olá\nTudo bem?', 'TT-7K3M9Q2X', text)).toBe('Olá\nTudo bem?\n\n[ref TT-7K3M9Q2X]');
  });

  it('counts the marked message as it is sent, in the account’s unit, and leaves a full one as it is', () => {
    const line = '<br><br>[ref TT-7K3M9Q2X]';
    // 'é' is two bytes: counted in bytes, this fills the 1024 exactly with the line.
    const fits = `${'é'.repeat(Math.floor((LIMITS.messageMaxChars - line.length) / 2))}a`;
    expect(line.length % 2).toBe(1);
    expect(sentLength(withReference(fits, 'TT-7K3M9Q2X', html), 'bytes')).toBe(LIMITS.messageMaxChars);
    const full = `${fits}a`;
    expect(withReference(full, 'TT-7K3M9Q2X', html)).toBe(full);
    // In text the blank line is two CRLFs on the wire: four characters.
    const room = LIMITS.messageMaxChars - '\r\n\r\n[ref TT-7K3M9Q2X]'.length;
    expect(withReference('x'.repeat(room + 1), 'TT-7K3M9Q2X', text)).toBe('x'.repeat(room + 1));
    expect(withReference('x'.repeat(room), 'TT-7K3M9Q2X', text)).not.toBe('x'.repeat(room));
  });
});
