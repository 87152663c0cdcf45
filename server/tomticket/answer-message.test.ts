import { describe, expect, it } from 'vitest';
import { ANSWER_MESSAGE_MAX_CHARS, answerMessage } from './answer-message.ts';

describe('answerMessage', () => {
  it('reads mensagem, or message when mensagem is missing', () => {
    expect(answerMessage({ erro: true, mensagem: 'Departamento não encontrado' })).toBe('Departamento não encontrado');
    expect(answerMessage({ error: true, message: 'Department not found' })).toBe('Department not found');
    expect(answerMessage({ erro: true, mensagem: '  ', message: 'fallback' })).toBe('fallback');
  });

  it('turns HTML into trimmed plain text', () => {
    expect(answerMessage({ mensagem: '  <b>Erro:</b>&nbsp;campo &quot;titulo&quot;\n\n  obrigat&#243;rio &amp; &#x2713; ' })).toBe(
      'Erro: campo "titulo" obrigatório & ✓',
    );
  });

  it('caps a long message', () => {
    const message = answerMessage({ mensagem: 'ã'.repeat(2000) }) ?? '';
    expect(Array.from(message)).toHaveLength(ANSWER_MESSAGE_MAX_CHARS);
    expect(message.endsWith('…')).toBe(true);
  });

  it('is undefined when the answer says nothing usable', () => {
    expect(answerMessage({ erro: true })).toBeUndefined();
    expect(answerMessage({ erro: true, mensagem: 42 })).toBeUndefined();
    expect(answerMessage({ erro: true, mensagem: '<br>' })).toBeUndefined();
  });
});
