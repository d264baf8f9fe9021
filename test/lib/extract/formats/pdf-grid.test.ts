/**
 * The PDF layouts that Word, WPS and LibreOffice exports give, one class at a time, on synthetic
 * pages: ruled tables read by their borders (pdf-grid.ts), and the coordinates path for tables
 * without borders (pdf.ts). Each case is a class of layout seen in real exports, not one file.
 */
import { describe, expect, it } from 'vitest';
import { getResolvedPDFJS } from 'unpdf';
import { findGrids, rulesOfOperatorList, type PdfOps, type PdfRule } from '../../../../src/lib/extract/formats/pdf-grid.ts';
import { layoutPdfText, type PdfPage, type PdfTextItem } from '../../../../src/lib/extract/formats/pdf.ts';

const FS = 10;
const WIDE = /[\u2e80-\u9fff\uff00-\uffef“”]/;
const widthOf = (s: string) => [...s].reduce((w, c) => w + (WIDE.test(c) ? FS : FS / 2), 0);
const item = (str: string, x: number, y: number): PdfTextItem => ({ str, x, y, width: widthOf(str), fontSize: FS });

/** A cell of a synthetic ruled table: grid row and column, spans, and its text lines. */
interface Spec {
  r: number;
  c: number;
  rs?: number;
  cs?: number;
  lines: string[];
  /** Where the text sits vertically: centred (Word's usual) or at the top. */
  top?: boolean;
}

/**
 * Returns the rules (each cell's four borders) and text items of a ruled table whose top left
 * corner is (x0, y0), lines set 1.5 em apart and centred in their cells.
 */
function table(x0: number, y0: number, widths: number[], heights: number[], specs: Spec[], opts: { openBottom?: boolean } = {}): PdfPage {
  const xs = widths.reduce((a, w) => [...a, a.at(-1)! + w], [x0]);
  const ys = heights.reduce((a, h) => [...a, a.at(-1)! - h], [y0]);
  const rules: PdfRule[] = [];
  const items: PdfTextItem[] = [];
  for (const s of specs) {
    const [x1, x2] = [xs[s.c]!, xs[s.c + (s.cs ?? 1)]!];
    const [top, bottom] = [ys[s.r]!, ys[s.r + (s.rs ?? 1)]!];
    rules.push({ x1, y1: top, x2, y2: top }, { x1: x1, y1: bottom, x2: x1, y2: top }, { x1: x2, y1: bottom, x2: x2, y2: top });
    if (!(opts.openBottom && s.r + (s.rs ?? 1) === heights.length)) rules.push({ x1, y1: bottom, x2, y2: bottom });
    const block = s.lines.length * 1.5 * FS;
    const first = s.top ? top - 1.2 * FS : (top + bottom) / 2 + block / 2 - 1.2 * FS;
    s.lines.forEach((line, i) => items.push(item(line, x1 + 3, first - i * 1.5 * FS)));
  }
  return { items, rules };
}

const rowsOf = (text: string) => text.split('\n');

describe('ruled tables (read by their borders)', () => {
  const HEAD = ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'];
  const header = HEAD.map((h, c) => ({ r: 0, c, lines: [h] }));

  it('keeps a blank cell at the start of a row blank: the figures stay in their columns', () => {
    const page = table(50, 700, [100, 60, 60, 60], [20, 20, 20], [
      ...header,
      { r: 1, c: 0, lines: ['规章'] }, { r: 1, c: 1, lines: [] }, { r: 1, c: 2, lines: ['1'] }, { r: 1, c: 3, lines: ['11'] },
      { r: 2, c: 0, lines: ['行政规范性文件'] }, { r: 2, c: 1, lines: ['2'] }, { r: 2, c: 2, lines: ['0'] }, { r: 2, c: 3, lines: ['5'] },
    ]);
    const text = layoutPdfText([page]);
    expect(rowsOf(text)).toContain('规章\t\t1\t11');
    expect(rowsOf(text)).toContain('行政规范性文件\t2\t0\t5');
  });

  it('joins a label wrapped over three lines whose figures stand on the middle one, at any line spacing', () => {
    const page = table(50, 700, [120, 40, 40], [20, 70], [
      { r: 0, c: 0, lines: ['申请'] }, { r: 0, c: 1, lines: ['自然人'] }, { r: 0, c: 2, lines: ['总计'] },
      { r: 1, c: 0, lines: ['5.要求行政机关确', '认或重新出具已获', '取信息'] }, { r: 1, c: 1, lines: ['3'] }, { r: 1, c: 2, lines: ['3'] },
    ]);
    // Twice the usual spacing between the label's lines: a Word paragraph with exact 30 pt lines.
    page.items = page.items.map((i) => (i.str.startsWith('5.') ? { ...i, y: i.y + 8 } : i.str === '取信息' ? { ...i, y: i.y - 8 } : i));
    expect(rowsOf(layoutPdfText([page]))).toContain('5.要求行政机关确认或重新出具已获取信息\t3\t3');
  });

  it('reads a vertical label, one character a line over several rows, as one cell, and a header broken inside a word', () => {
    const page = table(50, 700, [20, 100, 30, 30], [30, 50, 50, 50], [
      { r: 0, c: 0, cs: 2, lines: ['申请人情况'] }, { r: 0, c: 2, lines: ['商业企', '业'] }, { r: 0, c: 3, lines: ['总计'] },
      { r: 1, c: 0, rs: 3, lines: [...'三、本年度办理结果'] },
      { r: 1, c: 1, lines: ['（一）予以公开'] }, { r: 1, c: 2, lines: ['4'] }, { r: 1, c: 3, lines: ['4'] },
      { r: 2, c: 1, lines: ['（二）部分公开'] }, { r: 2, c: 2, lines: ['1'] }, { r: 2, c: 3, lines: ['1'] },
      { r: 3, c: 1, lines: ['（七）总计'] }, { r: 3, c: 2, lines: ['5'] }, { r: 3, c: 3, lines: ['5'] },
    ]);
    const rows = rowsOf(layoutPdfText([page]));
    expect(rows).toContain('申请人情况\t商业企业\t总计');
    expect(rows).toContain('三、本年度办理结果\t（一）予以公开\t4\t4');
    expect(rows).toContain('\t（二）部分公开\t1\t1');
    expect(rows).toContain('\t（七）总计\t5\t5');
  });

  it('joins a row that the page break cut, across the page number, when the label continues it', () => {
    const widths = [120, 40, 40];
    const page1 = table(50, 300, widths, [20, 20], [
      { r: 0, c: 0, lines: ['2.重复申请'] }, { r: 0, c: 1, lines: ['0'] }, { r: 0, c: 2, lines: ['0'] },
      { r: 1, c: 0, lines: ['3.补正后申请内容仍不明'], top: true }, { r: 1, c: 1, lines: ['1'], top: true }, { r: 1, c: 2, lines: ['1'], top: true },
    ]);
    page1.items.push(item('-4-', 140, 60));
    const page2 = table(50, 760, widths, [20, 20], [
      { r: 0, c: 0, lines: ['确'], top: true }, { r: 0, c: 1, lines: [] }, { r: 0, c: 2, lines: [] },
      { r: 1, c: 0, lines: ['1.信访举报投诉类申请'] }, { r: 1, c: 1, lines: ['2'] }, { r: 1, c: 2, lines: ['2'] },
    ]);
    const rows = rowsOf(layoutPdfText([page1, page2]));
    expect(rows).toContain('3.补正后申请内容仍不明确\t1\t1');
    expect(rows).not.toContain('确');
    expect(rows).toContain('1.信访举报投诉类申请\t2\t2');
  });

  it('leaves two rows apart when the next page\'s first row is a row of its own', () => {
    const widths = [120, 40, 40];
    const page1 = table(50, 300, widths, [20], [{ r: 0, c: 0, lines: ['5.要求行政机关确认或重新出具已获取信息'] }, { r: 0, c: 1, lines: [] }, { r: 0, c: 2, lines: [] }]);
    const page2 = table(50, 760, widths, [20], [{ r: 0, c: 0, lines: ['3.其他'] }, { r: 0, c: 1, lines: ['7'] }, { r: 0, c: 2, lines: ['7'] }]);
    const rows = rowsOf(layoutPdfText([page1, page2]));
    expect(rows).toContain('3.其他\t7\t7');
    expect(rows.some((r) => r.startsWith('5.要求') && /\d/.test(r.replace(/^5\./, '')))).toBe(false);
  });

  it('closes a table whose outer border is not drawn with the ends of its horizontal rules', () => {
    const page = table(50, 700, [60, 40, 40], [20, 20], [
      { r: 0, c: 0, lines: ['结果维持'] }, { r: 0, c: 1, lines: ['尚未审结'] }, { r: 0, c: 2, lines: ['总计'] },
      { r: 1, c: 0, lines: ['1'] }, { r: 1, c: 1, lines: ['0'] }, { r: 1, c: 2, lines: ['1'] },
    ]);
    page.rules = page.rules!.filter((r) => !(r.x1 === r.x2 && r.x1 === 190)); // the right border, clipped
    expect(rowsOf(layoutPdfText([page]))).toContain('1\t0\t1');
  });

  it('puts a curly quote drawn apart from its line back between the characters it stands between', () => {
    const page = table(50, 700, [160, 40], [20, 20], [
      { r: 0, c: 0, lines: ['类别'] }, { r: 0, c: 1, lines: ['总计'] },
      { r: 1, c: 0, lines: [] }, { r: 1, c: 1, lines: ['0'] },
    ]);
    // LibreOffice draws 及 三安全一 (a space where the quote goes) in one pass, the quotes in another.
    const [x, y] = [53, page.items.find((i) => i.str === '0')!.y];
    page.items.push(
      { str: '3.危', x, y, width: 20, fontSize: FS },
      { str: '及 三安全一', x: x + 20, y, width: 55, fontSize: FS },
      { str: '稳定', x: x + 75, y, width: 20, fontSize: FS },
      { str: '“', x: x + 30, y, width: 5, fontSize: FS },
      { str: '”', x: x + 95, y, width: 5, fontSize: FS },
    );
    expect(rowsOf(layoutPdfText([page]))).toContain('3.危及“三安全一稳定”\t0');
  });
});

describe('rules from the operator list', () => {
  it('reads stroked lines under a transform and thin filled bars, and leaves white ones and curves out', async () => {
    const { OPS } = await getResolvedPDFJS();
    const path = (paint: number, ...pts: number[][]) => {
      const data: number[] = [];
      pts.forEach((p, i) => data.push(i === 0 ? 0 : 1, p[0]!, p[1]!));
      return [paint, [new Float32Array(data)], null];
    };
    const fn = [OPS.save, OPS.transform, OPS.constructPath, OPS.restore, OPS.constructPath, OPS.setFillRGBColor, OPS.constructPath, OPS.constructPath];
    const args = [
      null,
      [2, 0, 0, 2, 10, 20],
      path(OPS.stroke, [0, 0], [50, 0]),
      null,
      path(OPS.fill, [100, 100], [100, 200], [101, 200], [101, 100], [100, 100]),
      ['#ffffff'],
      path(OPS.fill, [300, 100], [300, 200], [301, 200], [301, 100], [300, 100]),
      [OPS.stroke, [new Float32Array([0, 0, 0, 2, 10, 10, 20, 20, 30, 30])], null],
    ];
    const rules = rulesOfOperatorList(fn, args, OPS as unknown as PdfOps);
    expect(rules).toEqual([
      { x1: 10, y1: 20, x2: 110, y2: 20 },
      { x1: 100.5, y1: 100, x2: 100.5, y2: 200 },
    ]);
  });

  it('finds no table in a frame of one cell, or in an underline', () => {
    const box: PdfRule[] = [
      { x1: 0, y1: 0, x2: 100, y2: 0 }, { x1: 0, y1: 50, x2: 100, y2: 50 },
      { x1: 0, y1: 0, x2: 0, y2: 50 }, { x1: 100, y1: 0, x2: 100, y2: 50 },
    ];
    expect(findGrids(box)).toEqual([]);
    expect(findGrids([{ x1: 0, y1: 300, x2: 200, y2: 300 }])).toEqual([]);
  });
});

describe('tables without borders (the coordinates path)', () => {
  it('does not take the label column\'s header (信息内容) for a column of figures', () => {
    const page: PdfPage = { items: [
      item('信息内容', 80, 700), item('本年制发件数', 150, 700), item('本年废止件数', 230, 700), item('现行有效件数', 310, 700),
      item('规章', 50, 680), item('0', 175, 680), item('0', 255, 680), item('0', 335, 680),
      item('行政规范性文件', 50, 660), item('3', 175, 660), item('0', 255, 660), item('21', 333, 660),
    ] };
    const rows = rowsOf(layoutPdfText([page]));
    expect(rows).toContain('行政规范性文件\t3\t0\t21');
    expect(rows).toContain('规章\t0\t0\t0');
  });

  it('places the figures of a row with a blank cell by the row below when no header describes it, else leaves the row blank', () => {
    const row = (label: string, y: number, xs: number[]) => [item(label, 20, y), ...xs.map((x) => item('0', x, y))];
    const cols = [200, 230, 260, 290, 320, 350, 380];
    const page: PdfPage = { items: [
      ...row('一、本年新收政府信息公开申请数量', 680, cols.filter((_, k) => k !== 1)),
      ...row('二、上年结转政府信息公开申请数量', 660, cols),
    ] };
    expect(rowsOf(layoutPdfText([page]))).toContain('一、本年新收政府信息公开申请数量\t0\t\t0\t0\t0\t0\t0');
    // The same row, its figures standing between the columns of the row below: not placed, not read.
    const shifted: PdfPage = { items: [
      ...row('一、本年新收政府信息公开申请数量', 680, [215, 245, 275, 305, 335, 365]),
      ...row('二、上年结转政府信息公开申请数量', 660, cols),
    ] };
    expect(rowsOf(layoutPdfText([shifted]))).toContain('一、本年新收政府信息公开申请数量\t');
  });

  it('reads one row whose figures stand on two baselines a few points apart', () => {
    const page: PdfPage = { items: [
      item('自然人', 200, 720), item('其他', 240, 720), item('总计', 280, 720),
      item('1.本机关不掌握相关政府信息', 20, 700), item('3', 205, 706), item('2', 245, 700), item('5', 285, 706),
    ] };
    expect(rowsOf(layoutPdfText([page]))).toContain('1.本机关不掌握相关政府信息\t3\t2\t5');
  });
});

describe('text reaching over a cell border', () => {
  it('reads a word overflowing its cell where it starts, and leaves figures drawn as one item across cells unread', () => {
    const page = table(50, 700, [60, 40, 40], [20, 20, 20], [
      { r: 0, c: 0, lines: ['信息内容'] }, { r: 0, c: 1, lines: ['数量'] }, { r: 0, c: 2, lines: ['总计'] },
      { r: 1, c: 0, lines: [] }, { r: 1, c: 1, lines: [] }, { r: 1, c: 2, lines: [] },
      { r: 2, c: 0, lines: ['行政强制'] }, { r: 2, c: 1, lines: [] }, { r: 2, c: 2, lines: [] },
    ]);
    const y1 = 700 - 20 - 14;
    const y2 = 700 - 40 - 14;
    page.items.push({ str: '行政处罚决定书', x: 53, y: y1, width: 70, fontSize: FS }, { str: '5', x: 130, y: y1, width: 5, fontSize: FS });
    page.items.push({ str: '3      4', x: 125, y: y2, width: 50, fontSize: FS });
    const rows = rowsOf(layoutPdfText([page]));
    expect(rows).toContain('行政处罚决定书\t5\t');
    expect(rows.find((r) => r.startsWith('行政强制'))).toBe('行政强制\t\t');
  });
});

describe('a table going on over the page with its header repeated (Word: repeat header rows)', () => {
  const widths = [120, 40, 40];
  const head = (r: number): Spec[] => [{ r, c: 0, lines: ['信息内容'] }, { r, c: 1, lines: ['自然人'] }, { r, c: 2, lines: ['总计'] }];

  it('drops the repeated header and joins the row the break cut, its figures on the next page', () => {
    const page1 = table(50, 300, widths, [20, 20, 20], [
      ...head(0),
      { r: 1, c: 0, lines: ['（一）予以公开'] }, { r: 1, c: 1, lines: ['4'] }, { r: 1, c: 2, lines: ['4'] },
      { r: 2, c: 0, lines: ['5.要求行政机关确认或重新'], top: true }, { r: 2, c: 1, lines: [] }, { r: 2, c: 2, lines: [] },
    ]);
    const page2 = table(50, 760, widths, [20, 20, 20], [
      ...head(0),
      { r: 1, c: 0, lines: ['出具已获取信息'], top: true }, { r: 1, c: 1, lines: ['3'] }, { r: 1, c: 2, lines: ['3'] },
      { r: 2, c: 0, lines: ['（七）总计'] }, { r: 2, c: 1, lines: ['7'] }, { r: 2, c: 2, lines: ['7'] },
    ]);
    const rows = rowsOf(layoutPdfText([page1, page2]));
    expect(rows).toContain('5.要求行政机关确认或重新出具已获取信息\t3\t3');
    expect(rows.filter((r) => r.includes('自然人'))).toHaveLength(1);
    expect(rows).toContain('（七）总计\t7\t7');
  });
});
