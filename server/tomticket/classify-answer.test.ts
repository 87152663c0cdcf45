import { describe, expect, it } from 'vitest';
import { classifyAnswer } from './classify-answer.ts';
import type { AnswerBody } from './read-answer.ts';

const json = (body: Record<string, unknown>): AnswerBody => ({ ok: true, body });
const notJson: AnswerBody = { ok: false, problem: 'not_json' };

describe('classifyAnswer', () => {
  it.each([
    [200, json({ erro: false, id_chamado: 'x' }), 'answer'],
    [201, json({ ok: 1 }), 'answer'],
    [200, json({ erro: true, mensagem: 'Não' }), 'refused'],
    [400, json({ erro: true, mensagem: 'Campo' }), 'refused'],
    [404, json({ erro: true, mensagem: 'Cliente' }), 'refused'],
    [422, json({ message: 'x' }), 'refused'],
    [401, json({ erro: true, mensagem: 'Token' }), 'token_refused'],
    [403, notJson, 'token_refused'],
    [429, json({ erro: true }), 'rate_limited'],
    [500, json({ erro: true, mensagem: 'Erro interno' }), 'unavailable'],
    [502, notJson, 'unavailable'],
    [408, notJson, 'unavailable'],
    [200, notJson, 'unavailable'],
    [200, { ok: false, problem: 'too_large' } as AnswerBody, 'unavailable'],
    [404, notJson, 'unexpected'],
    [301, notJson, 'unexpected'],
    [302, json({ erro: false }), 'unexpected'],
  ] as const)('HTTP %i with %o is %s', (status, answer, kind) => {
    expect(classifyAnswer(status, answer).kind).toBe(kind);
  });

  it('passes TomTicket’s words on as plain text, whatever the status', () => {
    expect(classifyAnswer(400, json({ erro: true, mensagem: '<b>Departamento</b> inválido' }))).toMatchObject({
      kind: 'refused',
      message: 'Departamento inválido',
    });
  });
});
