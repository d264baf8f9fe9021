/**
 * Properties of the converter readers (fast-check): on arbitrary input they never throw, and every
 * figure they write into a table cell was printed as it stands (PDF: one text item or touching
 * items; crawled text: a piece of a digit run of the same page).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reflowCrawledText } from '../../../../src/lib/extract/formats/crawled.ts';
import { normalizeConverterLines } from '../../../../src/lib/extract/formats/layout-text.ts';
import { layoutPdfText, type PdfTextItem } from '../../../../src/lib/extract/formats/pdf.ts';

const word = fc.oneof(
  fc.constantFrom('予以公开', '（七）总计', '自然人', '总计', '2.重复申请', '三、收到和处理政府信息公开申请情况', '结果维持', '', ' '),
  fc.integer({ min: 0, max: 99999 }).map(String),
  fc.string({ maxLength: 6 }),
);
const item = fc.record({
  str: word,
  x: fc.double({ min: -50, max: 600, noNaN: true }),
  y: fc.double({ min: -50, max: 900, noNaN: true }),
  width: fc.double({ min: 0, max: 200, noNaN: true }),
  fontSize: fc.constantFrom(0, 9, 10.5, 12),
}) as fc.Arbitrary<PdfTextItem>;

describe('converter readers on arbitrary input', () => {
  it('PDF layout never throws, and writes no figure that is not an item\'s text', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ items: fc.array(item, { maxLength: 40 }) }), { maxLength: 3 }), (pages) => {
        const text = layoutPdfText(pages);
        const printed = new Set(pages.flatMap((p) => p.items.map((i) => i.str.trim())));
        for (const line of text.split('\n')) {
          if (!line.includes('\t')) continue;
          for (const cell of line.split('\t')) {
            // A figure cell is one item's text, or items that touched (their texts side by side).
            if (/^\d+$/.test(cell) && !printed.has(cell)) {
              expect([...printed].some((p) => p !== '' && cell.includes(p)), `${cell} in ${JSON.stringify(line)}`).toBe(true);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('crawled reflow never throws, and every figure cell is a piece of one of the page\'s digit runs', () => {
    const page = fc.array(fc.oneof(word, fc.constantFrom('二、主动公开政府信息情况', '四、政府信息公开行政复议、行政诉讼情况', '规章', '行政规范性文件', '一、本年新收政府信息公开申请数量')), { maxLength: 80 });
    fc.assert(
      fc.property(page, (parts) => {
        const line = ('某县人民政府2024年政府信息公开工作年度报告' + parts.join('')).padEnd(400, '。');
        const runs = line.match(/\d+/g) ?? [];
        const out = reflowCrawledText(line);
        for (const l of out.split('\n')) {
          if (!l.includes('\t')) continue;
          for (const cell of l.split('\t')) if (/^\d+$/.test(cell)) expect(runs.some((r) => r.includes(cell))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the pdftotext normaliser keeps the line count and never writes a figure the line did not print', () => {
    fc.assert(
      fc.property(fc.array(fc.array(word, { maxLength: 9 }).map((w) => w.join('   ')), { maxLength: 40 }), (body) => {
        const lines = ['三、收到和处理政府信息公开申请情况', ...body, '（七）总计   1   0   0   0   0   0   1', '四、结转下年度继续办理   0  0  0  0  0  0  0', '（一）予以公开   1   0   0   0   0   0   1'];
        const { lines: out } = normalizeConverterLines(lines);
        expect(out).toHaveLength(lines.length);
        out.forEach((l, i) => {
          for (const cell of l.split('\t')) if (/^\d+$/.test(cell)) expect(lines[i]!.split(/\s+/)).toContain(cell);
        });
      }),
      { numRuns: 300 },
    );
  });
});
