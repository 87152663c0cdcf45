import { describe, expect, it } from 'vitest';
import { contrastRatio, parseColor, readableOn, relativeLuminance, toHex } from './contrast.ts';

describe('contrast', () => {
  it('reads hex and computed colours', () => {
    expect(parseColor('#0a58ca')).toEqual([10, 88, 202]);
    expect(parseColor('#fff')).toEqual([255, 255, 255]);
    expect(parseColor('rgb(13, 17, 23)')).toEqual([13, 17, 23]);
    expect(parseColor('rgba(1, 2, 3, 0.5)')).toEqual([1, 2, 3]);
    expect(() => parseColor('blue')).toThrow(/not a #hex/);
    expect(toHex('rgb(10, 88, 202)')).toBe('#0a58ca');
  });

  it("gives WCAG's figures", () => {
    expect(relativeLuminance('#000')).toBe(0);
    expect(relativeLuminance('#fff')).toBe(1);
    expect(contrastRatio('#000', '#fff')).toBe(21);
    expect(contrastRatio('#fff', '#000')).toBe(21);
    // The widget's light defaults: text, muted text and the accent on white.
    expect(contrastRatio('#1f2328', '#fff')).toBeCloseTo(15.8, 1);
    expect(contrastRatio('#59636e', '#fff')).toBeCloseTo(6.11, 2);
    expect(contrastRatio('#767676', '#fff')).toBeCloseTo(4.54, 2);
  });

  it('picks the text colour that reads best on a background', () => {
    expect(readableOn('#0a58ca')).toBe('#ffffff');
    expect(readableOn('#ffd33d')).toBe('#111111');
  });
});
