/**
 * Text normalisation: full-width forms folded to half-width exactly as the character table says
 * (every form U+FF01–U+FF5E to U+0021–U+007E, nothing else touched), and labels in canonical form.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalLabel, cleanCell, toHalfWidth } from '../../../src/lib/extract/normalize.ts';

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
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => toHalfWidth(s) === foldByDefinition(s)));
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

describe('cleanCell', () => {
  /** The cleaning by its definition: markers removed, then every space of \s (NBSP and U+3000 among them) at either end. */
  const cleanByDefinition = (s: string) => s.replace(/\[bookmark:[^\]]*\]/g, '').replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, '');

  it('removes markers and the spaces around a cell, and keeps those inside it', () => {
    expect(cleanCell('　１２ ')).toBe('１２');
    expect(cleanCell('\u00a0[bookmark: _GoBack]予以公开 [bookmark: x]\t')).toBe('予以公开');
    expect(cleanCell(' 106 0 ')).toBe('106 0');
    expect(cleanCell('[不是标记] ')).toBe('[不是标记]');
  });

  it('removes at either end exactly the characters the definition does, for every character of the BMP', () => {
    // Unicode's spaces are all in the BMP; a few others stand for the rest.
    const codes = [...Array.from({ length: 0x10000 }, (_, i) => i).filter((i) => i < 0xd800 || i > 0xdfff), 0x10000, 0x1f600, 0x10ffff];
    for (const code of codes) {
      const c = String.fromCodePoint(code);
      const s = `${c}${c}[bookmark: a]x${c}y${c}`;
      if (cleanCell(s) !== cleanByDefinition(s)) expect(`U+${code.toString(16)}: ${JSON.stringify(cleanCell(s))}`).toBe(JSON.stringify(cleanByDefinition(s)));
    }
  });
});
