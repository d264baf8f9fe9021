/**
 * Text normalisation: full-width forms folded to half-width exactly as the character table says
 * (every form U+FF01–U+FF5E to U+0021–U+007E, nothing else touched), and labels in canonical form.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalLabel, toHalfWidth } from '../../../src/lib/extract/normalize.ts';

/** The folding by its definition: one character at a time, by code point. */
function foldByDefinition(s: string): string {
  return [...s].map((c) => (c >= '\uff01' && c <= '\uff5e' ? String.fromCharCode(c.charCodeAt(0) - 0xfee0) : c)).join('');
}

describe('toHalfWidth', () => {
  it('folds full-width digits, letters and punctuation, and keeps every other character', () => {
    expect(toHalfWidth('２０２４年（一）ＡＢｃ，１２．５％')).toBe('2024年(一)ABc,12.5%');
    expect(toHalfWidth('本年新收')).toBe('本年新收');
    // The forms' ends, and their neighbours outside the range.
    expect(toHalfWidth('\uff00\uff01\uff5e\uff5f')).toBe('\uff00!~\uff5f');
    expect(toHalfWidth('')).toBe('');
  });

  it('gives the folding by definition on any text', () => {
    const chars = fc.constantFrom('０', '９', '（', '）', 'Ａ', 'ｚ', '．', '\uff01', '\uff5e', '\uff00', '\uff5f', '1', 'a', '年', '　', '😀', '\t');
    fc.assert(fc.property(fc.array(chars, { maxLength: 30 }).map((a) => a.join('')), (s) => toHalfWidth(s) === foldByDefinition(s)));
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => toHalfWidth(s) === foldByDefinition(s)));
  });
});

describe('canonicalLabel', () => {
  it('removes markers and spaces, folds full-width forms and unifies quotes', () => {
    expect(canonicalLabel('（一）予以公开')).toBe('(一)予以公开');
    expect(canonicalLabel('3．危及“三安全 一稳定”')).toBe('3.危及"三安全一稳定"');
    expect(canonicalLabel('[bookmark: _Hlk1]本年新收　政府信息公开申请数量')).toBe('本年新收政府信息公开申请数量');
    expect(canonicalLabel('一、本年新收')).toBe('一、本年新收');
    expect(canonicalLabel('‘其他’')).toBe("'其他'");
  });
});
