/**
 * What a report page holds at most: whole lines of the report text up to PAGE_TEXT_BYTES, the lines
 * beyond them that figures link to, prose sections up to SECTION_BYTES; a text cut on its page is
 * always one the downloads offer whole (isTextCut of its file size).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LINKED_LINE_BYTES,
  PAGE_TEXT_BYTES,
  SECTION_BYTES,
  boundSourceLines,
  countUtf8,
  cutSection,
  cutUtf8,
  fullTextPath,
  isTextCut,
  listLinkedLines,
} from '../../../src/lib/site/bounds.ts';

describe('countUtf8 and cutUtf8', () => {
  it('count as UTF-8 counts, a lone surrogate as U+FFFD', () => {
    for (const text of ['', 'a', '沂源县', '😀x', '\ud800', '\udc00a', 'é\ud83d']) expect(countUtf8(text), JSON.stringify(text)).toBe(Buffer.byteLength(text));
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => countUtf8(text) === Buffer.byteLength(text)));
  });

  it('cut to the longest start that fits, never inside a character', () => {
    expect(cutUtf8('沂源县人民政府', 7)).toBe('沂源');
    expect(cutUtf8('a😀b', 4)).toBe('a');
    expect(cutUtf8('a😀b', 5)).toBe('a😀');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.nat(40), (text, max) => {
        const cut = cutUtf8(text, max);
        expect(text.startsWith(cut)).toBe(true);
        expect(countUtf8(cut)).toBeLessThanOrEqual(max);
        if (cut.length < text.length) {
          const next = text.codePointAt(cut.length)!;
          expect(countUtf8(text.slice(0, cut.length + (next > 0xffff ? 2 : 1)))).toBeGreaterThan(max);
        }
      }),
    );
  });
});

describe('boundSourceLines', () => {
  it('shows a text within the bound whole', () => {
    const shown = boundSourceLines(['一、总体情况', '', '收到申请 3 件'], [3]);
    expect(shown).toEqual({
      lines: [
        { n: 1, text: '一、总体情况', cut: false },
        { n: 2, text: '', cut: false },
        { n: 3, text: '收到申请 3 件', cut: false },
      ],
      first: 3,
      linked: 0,
      total: 3,
      cut: false,
    });
  });

  it('shows whole lines from the first up to the bound, then the lines figures link to, cut short', () => {
    const lines = Array.from({ length: 10 }, (_, i) => `${i + 1}`.padEnd(9, '.'));
    lines[7] = 'x'.repeat(40);
    // Nine bytes a line and one between: three lines fit in 30 bytes, four do not.
    const shown = boundSourceLines(lines, [2, 8, 8, 11, 5], 30, 12);
    expect(shown.first).toBe(3);
    expect(shown.linked).toBe(2);
    expect(shown.total).toBe(10);
    expect(shown.cut).toBe(true);
    expect(shown.lines.map((l) => [l.n, l.text, l.cut])).toEqual([
      [1, '1........', false],
      [2, '2........', false],
      [3, '3........', false],
      [5, '5........', false],
      [8, 'x'.repeat(12), true],
    ]);
  });

  it('cuts a first line longer than the bound', () => {
    const shown = boundSourceLines(['沂'.repeat(100), 'b'], [2], 30, 6);
    expect(shown.lines).toEqual([
      { n: 1, text: '沂'.repeat(10), cut: true },
      { n: 2, text: 'b', cut: false },
    ]);
    expect([shown.first, shown.linked, shown.cut]).toEqual([1, 1, true]);
  });

  it('cuts only texts whose file is longer than the bound (so the whole text is always offered), and shows every linked line', () => {
    const line = fc.string({ unit: 'binary', maxLength: 12 });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.array(fc.integer({ min: 1, max: 40 })), fc.integer({ min: 1, max: 80 }), (lines, linked, max) => {
        const shown = boundSourceLines(lines, linked, max, 4);
        const fileBytes = countUtf8(lines.join('\n'));
        if (shown.cut) expect(fileBytes).toBeGreaterThan(max);
        else expect(shown.lines.map((l) => l.text)).toEqual(lines);
        const numbers = shown.lines.map((l) => l.n);
        expect(numbers).toEqual([...new Set(numbers)].sort((a, b) => a - b));
        for (const n of linked) if (n <= lines.length) expect(numbers).toContain(n);
        const firstBytes = shown.lines.slice(0, shown.first).reduce((sum, l, i) => sum + countUtf8(l.text) + (i ? 1 : 0), 0);
        expect(firstBytes).toBeLessThanOrEqual(max);
        for (const l of shown.lines.slice(shown.first)) expect(countUtf8(l.text)).toBeLessThanOrEqual(4);
      }),
    );
  });

  it('keeps a page of a 19 MB text to the bound and the linked lines', () => {
    const lines = Array.from({ length: 200_000 }, (_, i) => `（五）其他事项的说明 ${i}。本单位持续推进政务公开标准化规范化建设。`);
    const shown = boundSourceLines(lines, [1, 50, 150_000, 199_999]);
    const bytes = shown.lines.reduce((sum, l) => sum + countUtf8(l.text) + 1, 0);
    expect(bytes).toBeLessThanOrEqual(PAGE_TEXT_BYTES + 2 * LINKED_LINE_BYTES + 2);
    expect(shown.lines.at(-1)!.n).toBe(199_999);
    expect(shown.linked).toBe(2);
    expect(isTextCut(countUtf8(lines.join('\n')))).toBe(true);
  });
});

describe('cutSection, listLinkedLines, isTextCut and fullTextPath', () => {
  it('cuts a prose section to SECTION_BYTES and says so', () => {
    expect(cutSection(null)).toEqual({ text: null, cut: false });
    expect(cutSection('短')).toEqual({ text: '短', cut: false });
    const long = cutSection('政'.repeat(SECTION_BYTES));
    expect(long.cut).toBe(true);
    expect(countUtf8(long.text!)).toBeLessThanOrEqual(SECTION_BYTES);
    expect(long.text!.length).toBe(Math.floor(SECTION_BYTES / 3));
  });

  it('lists every line a figure or a prose figure links to, once, ascending', () => {
    const record = {
      provenance: { 'requests.granted.total': 40, 'requests.received.total': 12, 'appeals.review.total': 40 },
      narrative: { requestsReceived: { value: 3, line: 7, text: '收到申请3件' }, requestsHandled: undefined },
    };
    expect(listLinkedLines(record as unknown as Parameters<typeof listLinkedLines>[0])).toEqual([7, 12, 40]);
  });

  it('offers a text whole past PAGE_TEXT_BYTES, at data/text/<id>.txt', () => {
    expect([isTextCut(PAGE_TEXT_BYTES), isTextCut(PAGE_TEXT_BYTES + 1)]).toEqual([false, true]);
    expect(fullTextPath('yiyuanxian-renminzhengfu-2023')).toBe('data/text/yiyuanxian-renminzhengfu-2023.txt');
  });
});
