import { describe, expect, it } from 'vitest';
import { parseV2CreatedTicket } from './parse-v2-created-ticket.ts';

describe('parseV2CreatedTicket', () => {
  it.each([
    ['ticket_id and protocol at the root (a live integration)', { error: false, ticket_id: 'a1', protocol: 12 }, { id: 'a1', protocol: 12 }],
    ['data.ticket_id, protocol as digits', { error: false, data: { ticket_id: 'a2', protocol: '13' } }, { id: 'a2', protocol: 13 }],
    ['data.id and data.protocol (the detail)', { error: false, data: { id: 'a3', protocol: 14 } }, { id: 'a3', protocol: 14 }],
    ['a root id, a numeric id', { error: false, id: 77 }, { id: '77' }],
    ['the envelope alone', { error: false, message: 'ok', success: true }, {}],
    ['a protocol that is not a whole number', { ticket_id: 'a4', protocol: 'doze' }, { id: 'a4' }],
  ])('reads %s', (_case, body, expected) => {
    expect(parseV2CreatedTicket(body)).toEqual(expected);
  });
});
