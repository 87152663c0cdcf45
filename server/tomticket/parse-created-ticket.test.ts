import { describe, expect, it } from 'vitest';
import { parseCreatedTicket } from './parse-created-ticket.ts';

describe('parseCreatedTicket', () => {
  it('reads id_chamado and protocolo at the top level or under data', () => {
    expect(parseCreatedTicket({ erro: false, id_chamado: 'abc123' })).toEqual({ id: 'abc123' });
    expect(parseCreatedTicket({ erro: false, data: { protocolo: 6, id_chamado: 'x' } })).toEqual({ id: 'x', protocol: 6 });
    expect(parseCreatedTicket({ protocolo: '12' })).toEqual({ protocol: 12 });
  });

  it('gives nothing for missing or malformed values', () => {
    expect(parseCreatedTicket({ erro: false, mensagem: 'ok' })).toEqual({});
    expect(parseCreatedTicket({ id_chamado: '  ', protocolo: 1.5 })).toEqual({});
    expect(parseCreatedTicket({ data: { protocolo: 'seis' } })).toEqual({});
  });
});
