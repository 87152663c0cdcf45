import { describe, expect, it } from 'vitest';
import { readAnswer } from './read-answer.ts';

const bodyOf = (text: string) => new Response(text).body;

describe('readAnswer', () => {
  it('reads a JSON object, even behind a byte-order mark', async () => {
    expect(await readAnswer(bodyOf('\uFEFF{"erro":false}'))).toEqual({ ok: true, body: { erro: false } });
  });

  it('calls HTML, arrays and empty bodies not JSON', async () => {
    for (const text of ['<html>500</html>', '[1]', '"text"', '']) {
      expect(await readAnswer(bodyOf(text))).toEqual({ ok: false, problem: 'not_json' });
    }
    expect(await readAnswer(null)).toEqual({ ok: false, problem: 'not_json' });
  });

  it('stops reading past the cap', async () => {
    expect(await readAnswer(bodyOf(`{"a":"${'x'.repeat(100)}"}`), 50)).toEqual({ ok: false, problem: 'too_large' });
  });
});
