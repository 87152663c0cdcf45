import { describe, expect, it } from 'vitest';
import { parseCreatedTicket } from './parse-created-ticket.ts';

describe('parseCreatedTicket', () => {
  it('reads id_chamado and protocolo at the top level or under data', () => {
    expect(parseCreatedTicket({ erro: false, id_chamado: 'abc123' })).toEqual({ id: 'abc123' });
    expect(parseCreatedTicket({ erro: false, data: { protocolo: 6, id_chamado: 'x' } })).toEqual({ id: 'x', protocol: 6 });
    expect(parseCreatedTicket({ protocolo: '12' })).toEqual({ protocol: 12 });
  });

  it('reads idchamado as the detail and listing calls spell it, and the detail’s data.id last', () => {
    expect(parseCreatedTicket({ erro: false, idchamado: 'h1' })).toEqual({ id: 'h1' });
    expect(parseCreatedTicket({ data: { idchamado: 'h2', protocolo: '7' } })).toEqual({ id: 'h2', protocol: 7 });
    expect(parseCreatedTicket({ data: { id: 'h3', protocolo: 8 } })).toEqual({ id: 'h3', protocol: 8 });
  });

  it('gives nothing for missing or malformed values', () => {
    expect(parseCreatedTicket({ erro: false, mensagem: 'ok' })).toEqual({});
    expect(parseCreatedTicket({ id_chamado: '  ', protocolo: 1.5 })).toEqual({});
    expect(parseCreatedTicket({ data: { protocolo: 'seis' } })).toEqual({});
  });
});
