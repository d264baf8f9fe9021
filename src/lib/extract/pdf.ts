/**
 * PDF with a text layer → the report text the readers understand. pdf.js (through unpdf) gives
 * positioned text items; this module rebuilds lines and table rows from their coordinates:
 * - items on one baseline that touch are joined into chunks (a word, a label line, a figure);
 * - a figure line is the set of figure chunks on one baseline (a table row's values);
 * - label text wrapped over several lines inside one cell (and vertical labels, one character a
 *   line) is gathered into a block by column and line spacing, and a block is written beside the
 *   figure line it is vertically centred on, so "5.要求行政机关确" / "认或重新出具已获" / "取信息"
 *   becomes one label cell in front of its seven figures;
 * - a row's figures are placed in the columns of the table's header (the lowest header cells above
 *   the row: 自然人 … 总计, the fifteen 结果维持 … 总计 of table C), so a blank cell stays a blank
 *   cell in its position; rows after a page break keep the header in effect;
 * - every other line is written as it stands (cells far apart separated by tabs).
 * Output: one table row per line, cells tab-separated (the `tabs` layout of cells.ts).
 */
import type { ReportText } from './formats.ts';
import { parseCellNumber, parseSignedChange, parseYuan } from './numbers.ts';

/** One positioned text item, in PDF coordinates (origin bottom left, y is the baseline). */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

export interface PdfPage {
  items: PdfTextItem[];
}

/** Returns the report text of a PDF's text layer, or why there is none. */
export async function readPdf(bytes: Uint8Array): Promise<ReportText> {
  if (bytes.length < 5 || Buffer.from(bytes.subarray(0, 1024)).toString('latin1').indexOf('%PDF-') < 0) {
    return { ok: false, error: '不是有效的 PDF 文件 (not a PDF: no %PDF- header)' };
  }
  let pages: PdfPage[];
  try {
    const { extractTextItems } = await import('unpdf');
    // pdf.js may take ownership of the buffer: give it a copy.
    const { items } = await extractTextItems(new Uint8Array(bytes));
    pages = items.map((page) =>
      ({ items: page.filter((i) => i.dir !== 'ttb').map((i) => ({ str: i.str, x: i.x, y: i.y, width: i.width, fontSize: i.fontSize || i.height })) }),
    );
  } catch (error) {
    return { ok: false, error: `无法读取 PDF 文件 (unreadable PDF): ${(error as Error).message}` };
  }
  if (!pages.some((p) => p.items.some((i) => i.str.trim()))) {
    return { ok: false, error: 'PDF 没有文字层（可能是扫描件），无法读取 (PDF has no text layer: a scanned document?)' };
  }
  return { ok: true, text: layoutPdfText(pages), encoding: 'pdf' };
}

// ---------------------------------------------------------------------------------------------
// Characters

/**
 * CJK Radicals Supplement code points that PDF fonts map simplified characters to (⺠ for 民, ⻓ for
 * 长); the Kangxi Radicals block (⾏ for 行, ⼀ for 一) folds by NFKC.
 */
const RADICALS: Readonly<Record<string, string>> = {
  '\u2e9f': '母', '\u2ea0': '民', '\u2ec4': '西', '\u2ec5': '见', '\u2ec6': '角', '\u2ec9': '贝', '\u2ecb': '车',
  '\u2ed3': '长', '\u2ed4': '门', '\u2ed9': '韦', '\u2eda': '页', '\u2edb': '风', '\u2edc': '飞', '\u2ee2': '马',
  '\u2ee5': '鱼', '\u2ee6': '鸟', '\u2ee7': '卤', '\u2ee8': '麦', '\u2ee9': '黄', '\u2eea': '黾', '\u2eec': '齐',
  '\u2eee': '齿', '\u2ef0': '龙', '\u2ef3': '龟',
};

/** Returns text with radical code points replaced by the ideographs they stand for. */
export function foldRadicals(s: string): string {
  return s.replace(/[\u2e80-\u2eff\u2f00-\u2fdf]/g, (c) => RADICALS[c] ?? c.normalize('NFKC'));
}

// ---------------------------------------------------------------------------------------------
// Geometry

/** Items on one baseline joined where they touch. */
interface Chunk {
  text: string;
  x: number;
  right: number;
  y: number;
  fs: number;
  figure: boolean;
}

/** A table row's values on one baseline, with the label blocks written in front of them. */
interface FigureLine {
  y: number;
  fs: number;
  values: Chunk[];
  labels: Block[];
  /** Header columns (x intervals) the values were placed in. */
  columns: Interval[] | null;
}

/** Text chunks of one cell: lines close together, overlapping horizontally. */
interface Block {
  chunks: Chunk[];
  x: number;
  right: number;
  top: number;
  bottom: number;
  fs: number;
  /** The figure line this block is the label of, if any. */
  line: FigureLine | null;
}

interface Interval {
  x: number;
  right: number;
}

/** A cell value as printed: a number, a signed change (增 69), an amount with its unit (251000元). */
function isFigureText(s: string): boolean {
  return parseCellNumber(s) !== null || parseSignedChange(s) !== null || (/\d/.test(s) && parseYuan(s) !== null);
}

const overlap = (a: Interval, b: Interval) => Math.min(a.right, b.right) - Math.max(a.x, b.x);
const ALNUM = /[A-Za-z0-9]$/;

/** Returns the chunks of a page: items grouped by baseline, joined left to right where they touch. */
function chunksOf(page: PdfPage): Chunk[] {
  const items = page.items
    .map((i) => ({ ...i, str: foldRadicals(i.str).replace(/[\t\u00a0]/g, ' ') }))
    .filter((i) => i.str.trim() !== '' && Number.isFinite(i.x) && Number.isFinite(i.y))
    .sort((a, b) => b.y - a.y || a.x - b.x);
  // Baselines: items whose y lies within a fifth of their size of the line's first item.
  const lines: (typeof items)[] = [];
  for (const item of items) {
    const line = lines.find((l) => Math.abs(l[0]!.y - item.y) <= 0.2 * Math.max(item.fontSize, l[0]!.fontSize));
    if (line) line.push(item);
    else lines.push([item]);
  }
  const chunks: Chunk[] = [];
  for (const line of lines) {
    line.sort((a, b) => a.x - b.x);
    let open: Chunk | null = null;
    for (const item of line) {
      const fs = item.fontSize || 10;
      const gap = open ? item.x - open.right : Infinity;
      if (open && gap <= 0.3 * fs) {
        const text = item.str.replace(/^ +/, '');
        // Separate words or digits a visible gap apart: "1" "0" must never read as 10.
        const space = gap > 0.15 * fs && ALNUM.test(open.text) && /^[A-Za-z0-9]/.test(text) ? ' ' : '';
        open.text += space + text;
        open.right = Math.max(open.right, item.x + item.width);
        continue;
      }
      open = { text: item.str.trim(), x: item.x, right: item.x + item.width, y: item.y, fs, figure: false };
      chunks.push(open);
    }
  }
  for (const c of chunks) {
    c.text = c.text.trim();
    c.figure = isFigureText(c.text);
  }
  return dropPageNumbers(chunks);
}

/** Drops a page number (12, - 12 -, 第12页, 12/30) printed alone at the top or bottom of a page. */
function dropPageNumbers(chunks: Chunk[]): Chunk[] {
  if (chunks.length < 2) return chunks;
  const ys = [...new Set(chunks.map((c) => c.y))].sort((a, b) => b - a);
  const out = new Set(chunks);
  for (const [edge, next] of [[ys[0], ys[1]], [ys[ys.length - 1], ys[ys.length - 2]]] as const) {
    const onEdge = chunks.filter((c) => c.y === edge);
    if (onEdge.length !== 1 || next === undefined) continue;
    const c = onEdge[0]!;
    if (!/^(?:[-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+|\d{1,3})$/.test(c.text)) continue;
    if (Math.abs(edge! - next) > 2 * c.fs) out.delete(c);
  }
  return chunks.filter((c) => out.has(c));
}

/**
 * Returns the report text of the pages: one line per text line, one line per table row with its
 * label and its values in the header's columns, tab-separated.
 */
export function layoutPdfText(pages: readonly PdfPage[]): string {
  const out: string[] = [];
  let header: Interval[] | null = null; // the columns in effect, kept across page breaks
  for (const page of pages) {
    const chunks = chunksOf(page);
    const lines = figureLines(chunks);
    const texts = chunks.filter((c) => !lines.some((l) => l.values.includes(c)));
    const blocks = buildBlocks(texts, lines);
    attachLabels(blocks, lines);
    header = placeColumns(lines, blocks, header);

    // Everything in reading order: figure lines with their labels, free text by baseline.
    const entries: { y: number; text: string }[] = lines.map((l) => ({ y: l.y, text: rowText(l) }));
    const free = blocks.filter((b) => !b.line).flatMap((b) => b.chunks);
    const baselines = new Map<number, Chunk[]>();
    for (const c of free) {
      const key = [...baselines.keys()].find((y) => Math.abs(y - c.y) <= 0.2 * c.fs) ?? c.y;
      baselines.set(key, [...(baselines.get(key) ?? []), c]);
    }
    for (const [y, cs] of baselines) entries.push({ y, text: freeLineText(cs) });
    entries.sort((a, b) => b.y - a.y);
    out.push(...entries.map((e) => e.text));
  }
  return out.join('\n') + '\n';
}

/** Returns the figure lines of a page: figure chunks grouped by baseline, with the chunks right of the first figure. */
function figureLines(chunks: readonly Chunk[]): FigureLine[] {
  const lines: FigureLine[] = [];
  for (const c of chunks) {
    if (!c.figure) continue;
    const line = lines.find((l) => Math.abs(l.y - c.y) <= 0.3 * Math.max(l.fs, c.fs));
    if (line) line.values.push(c);
    else lines.push({ y: c.y, fs: c.fs, values: [c], labels: [], columns: null });
  }
  for (const line of lines) {
    const first = Math.min(...line.values.map((v) => v.x));
    // Words among the figures (a unit, 增/减 printed apart) stay in their positions.
    for (const c of chunks) {
      if (!c.figure && c.x >= first && Math.abs(c.y - line.y) <= 0.3 * Math.max(line.fs, c.fs)) line.values.push(c);
    }
    line.values.sort((a, b) => a.x - b.x);
  }
  return lines.sort((a, b) => b.y - a.y);
}

/**
 * Returns the text chunks grouped into blocks: a chunk joins the block just above it when they
 * overlap horizontally and the line spacing is at most 1.55 times the font size, and never when
 * that would put two figure lines' baselines in one block. Chunks reaching into the figures'
 * columns (prose, headings) join nothing.
 */
function buildBlocks(texts: readonly Chunk[], lines: readonly FigureLine[]): Block[] {
  const onFigureLine = (c: Chunk) => lines.find((l) => Math.abs(l.y - c.y) <= 0.3 * Math.max(l.fs, c.fs)) ?? null;
  const reachesFigures = (c: Chunk) =>
    lines.some((l) => Math.abs(l.y - c.y) <= 3 * l.fs && c.right > l.values[0]!.x + 0.2 * l.fs);
  const blocks: Block[] = [];
  const sorted = [...texts].sort((a, b) => b.y - a.y || a.x - b.x);
  for (const c of sorted) {
    const wide = reachesFigures(c);
    let best: Block | null = null;
    if (!wide) {
      for (const b of blocks) {
        const gap = b.bottom - c.y;
        if (gap <= 0.05 || gap > 1.55 * Math.max(b.fs, c.fs)) continue;
        if (overlap(b, c) <= 0) continue;
        if (b.chunks.some((d) => reachesFigures(d))) continue;
        const mine = onFigureLine(c);
        if (mine && b.chunks.some((d) => { const l = onFigureLine(d); return l !== null && l !== mine; })) continue;
        if (!best || gap < best.bottom - c.y) best = b;
      }
    }
    if (best) {
      best.chunks.push(c);
      best.x = Math.min(best.x, c.x);
      best.right = Math.max(best.right, c.right);
      best.bottom = c.y;
    } else {
      blocks.push({ chunks: [c], x: c.x, right: c.right, top: c.y, bottom: c.y, fs: c.fs, line: null });
    }
  }
  return blocks;
}

/**
 * Attaches each block to the figure line it labels: a line whose baseline lies within the block's
 * lines (half a line of slack), the block lying left of the line's first value; with several such
 * lines (a group label spanning rows), the one nearest the block's middle.
 */
function attachLabels(blocks: Block[], lines: FigureLine[]): void {
  for (const b of blocks) {
    const slack = 0.8 * b.fs;
    const candidates = lines.filter((l) => l.y <= b.top + slack && l.y >= b.bottom - slack && b.right <= l.values[0]!.x + 0.2 * l.fs);
    if (!candidates.length) continue;
    const mid = (b.top + b.bottom) / 2;
    const line = candidates.reduce((a, l) => (Math.abs(l.y - mid) < Math.abs(a.y - mid) ? l : a));
    b.line = line;
    line.labels.push(b);
  }
}

/**
 * Places each figure line's values in header columns. The header of a line is the set of free
 * blocks between it and the figure line above it on the page that no lower block of that set
 * overlaps (the lowest header cells: 自然人 … 总计 under 申请人情况), right of the line's labels.
 * A line with no header cells of its own keeps the columns in effect (a table continued on the next
 * page). Returns the columns in effect after the page.
 */
function placeColumns(lines: FigureLine[], blocks: readonly Block[], inherited: Interval[] | null): Interval[] | null {
  let current = inherited;
  lines.forEach((line, i) => {
    const above = i > 0 ? lines[i - 1]!.y : Infinity;
    const candidates = blocks.filter((b) => !b.line && b.bottom > line.y + 0.3 * line.fs && b.top < above);
    const labelRight = Math.max(-Infinity, ...line.labels.map((b) => b.right));
    const leaves = candidates
      .filter((b) => !candidates.some((o) => o !== b && o.top < b.bottom && overlap(o, b) > 0))
      .filter((b) => (b.x + b.right) / 2 > labelRight)
      .sort((a, b) => a.x - b.x);
    if (leaves.length) current = leaves.map((b) => ({ x: b.x, right: b.right }));
    line.columns = current;
  });
  return current;
}

/** Returns the values of a line in their columns (blank where a column has none), or in order when they do not fit. */
function placeValues(line: FigureLine): string[] {
  const cols = line.columns;
  const plain = line.values.map((v) => v.text);
  if (!cols || !cols.length) return plain;
  const slots: (string | null)[] = cols.map(() => null);
  for (const v of line.values) {
    let best = -1;
    let bestOverlap = 0;
    cols.forEach((c, k) => {
      const o = overlap(c, v);
      if (o > bestOverlap) [best, bestOverlap] = [k, o];
    });
    if (best < 0) {
      // No header cell above the value: the nearest within half a column.
      const centre = (v.x + v.right) / 2;
      cols.forEach((c, k) => {
        const d = Math.abs((c.x + c.right) / 2 - centre);
        if (d <= Math.max(c.right - c.x, v.right - v.x) / 2 + 0.5 * v.fs && (best < 0 || d < Math.abs((cols[best]!.x + cols[best]!.right) / 2 - centre))) best = k;
      });
    }
    if (best < 0 || slots[best] !== null) return plain; // the header does not describe this row
    slots[best] = v.text;
  }
  return slots.map((s) => s ?? '');
}

function blockText(b: Block): string {
  return [...b.chunks].sort((a, c) => c.y - a.y || a.x - c.x).map((c) => c.text).join('');
}

function rowText(line: FigureLine): string {
  const labels = [...line.labels].sort((a, b) => a.x - b.x).map(blockText);
  const cells = [...labels, ...placeValues(line)];
  const text = cells.join('\t');
  // A row of one value behind a blank would read as a Word cell on its own line (cells.ts).
  return cells.length === 2 && cells[0] === '' ? text + '\t' : cells.length === 1 ? text + '\t' : text;
}

/** Returns a line of free text: chunks far apart (more than a character) separated by tabs. */
function freeLineText(chunks: Chunk[]): string {
  const sorted = [...chunks].sort((a, b) => a.x - b.x);
  let text = '';
  sorted.forEach((c, i) => {
    if (i > 0) text += c.x - sorted[i - 1]!.right > c.fs ? '\t' : '';
    text += c.text;
  });
  return text;
}
