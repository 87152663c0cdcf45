import { describe, expect, it } from 'vitest';
import { contrastWarnings, type FormLook } from './contrastWarnings.ts';

// The widget's light defaults (README, Theming).
const LIGHT: FormLook = {
  text: '#1f2328',
  background: '#ffffff',
  muted: '#59636e',
  accent: '#0a58ca',
  onAccent: '#ffffff',
  border: '#858d97',
  dropText: '#59636e',
  dropBackground: '#f6f8fa',
};

describe('contrastWarnings', () => {
  it('finds nothing to say of the defaults', () => {
    expect(contrastWarnings(LIGHT)).toEqual([]);
  });

  it('names each pair below AA with its ratio and the least it needs', () => {
    const warnings = contrastWarnings({ ...LIGHT, accent: '#ffd33d', background: '#fafafa', muted: '#9a9a9a' });
    expect(warnings.map(({ pair, minimum }) => [pair, minimum])).toEqual([
      ['Dicas e contadores sobre o fundo', 4.5],
      ['Texto do botão Enviar sobre a cor de destaque', 4.5],
      ['Cor de destaque (anel de foco) sobre o fundo', 3],
    ]);
    expect(warnings[1]!.ratio).toBeCloseTo(1.43, 2);
  });

  it('judges text needing 4.5:1 and edges needing 3:1 right at the limit', () => {
    // #767676 on white is 4.54:1, #949494 is 3.03:1, #969696 2.96:1.
    expect(contrastWarnings({ ...LIGHT, text: '#767676', border: '#949494' })).toEqual([]);
    expect(contrastWarnings({ ...LIGHT, text: '#777777', border: '#969696' }).map((w) => w.pair)).toEqual([
      'Texto sobre o fundo',
      'Borda dos campos sobre o fundo',
    ]);
  });
});
