/**
 * PDF with a text layer → the report text the readers understand. pdf.js (through unpdf) gives
 * positioned text items and the page's drawing.
 *
 * A table drawn with borders (as Word, WPS, LibreOffice and browsers draw them) is read by its rules
 * (pdf-grid.ts): every text item goes to the ruled cell it lies in, whatever its line spacing, and
 * the table is written by the HTML reader's table writer, so a PDF table and a web table are one
 * case: a blank cell stays blank in its column, a label wrapped over three lines or standing
 * vertically one character a line is one cell, a header broken inside a word (商业企/业) is one
 * word. A row that a page break cut in two is joined again when its label continues (see
 * `joinSplitRow`); the page number between stays outside the table.
 *
 * Text outside ruled tables (prose, and tables without borders) is laid out from coordinates:
 * - items on one baseline that touch are joined into chunks (a word, a label line, a figure); an
 *   item that another item starts inside is split into its characters first (a line drawn in
 *   several passes, one per font);
 * - a figure line is the set of figure chunks on one baseline (a table row's values), two
 *   baselines less than a line apart counting as one;
 * - label text wrapped over several lines inside one cell (and vertical labels, one character a
 *   line) is gathered into a block by column and line spacing, and a block is written beside the
 *   figure line it is vertically centred on, so "5.要求行政机关确" / "认或重新出具已获" / "取信息"
 *   becomes one label cell in front of its seven figures;
 * - a row's figures are placed in the columns of the table's header (the lowest header cells above
 *   the row: 自然人 … 总计, the fifteen 结果维持 … 总计 of table C; not the label column's 信息内容),
 *   so a blank cell stays a blank cell in its position; rows after a page break keep the header in
 *   effect; a row no header describes takes the columns of a fuller row beside it, or is left
 *   unread when its blanks cannot be placed;
 * - every other line is written as it stands (cells far apart separated by tabs).
 * Output: one table row per line, cells tab-separated (the `tabs` layout of cells.ts).
 */
import { PROACTIVE_ROWS, type RequestRowKey } from '../../template.ts';
import type { ReportText } from './report-text.ts';
import { readIsoDate, type DocumentMeta } from '../identity/document-meta.ts';
import { htmlToReportText } from './html.ts';
import { canonicalLabel } from '../normalize.ts';
import { parseCellNumber, parseSignedChange, parseYuan } from '../numbers.ts';
import { cellAt, findGrids, gridToHtml, rulesOfOperatorList, type Grid, type GridCell, type PdfOps, type PdfRule } from './pdf-grid.ts';
import { matchRequestLabel } from '../tables/requests.ts';
import { createMessage, type Message } from '../../schema/message.ts';

const TABLE_A_LABELS = new Set(Object.values(PROACTIVE_ROWS).flatMap((rows) => rows.flatMap((r) => [r.zh, ...(r.aliases ?? [])])));

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
  /** The page's horizontal and vertical rules (table borders), when known. */
  rules?: PdfRule[];
}

/** Returns the report text of a PDF's text layer, or why there is none. */
export async function readPdf(bytes: Uint8Array): Promise<ReportText> {
  if (bytes.length < 5 || Buffer.from(bytes.subarray(0, 1024)).toString('latin1').indexOf('%PDF-') < 0) {
    return { ok: false, error: createMessage('notPdf', {}) };
  }
  let doc: PdfDocument;
  try {
    doc = await readPdfDocument(bytes);
  } catch (error) {
    if ((error as Error).name === 'PasswordException') {
      return { ok: false, error: createMessage('pdfEncrypted', {}) };
    }
    if (error instanceof PdfLimitError) return { ok: false, error: error.reason };
    return { ok: false, error: createMessage('pdfUnreadable', { detail: (error as Error).message }) };
  }
  const { pages } = doc;
  if (!pages.some((p) => p.items.some((i) => i.str.trim()))) {
    return { ok: false, error: createMessage('pdfNoText', {}) };
  }
  const meta: DocumentMeta = { titles: doc.title ? [{ text: doc.title, source: 'pdf-meta' }] : [] };
  const created = doc.created ? readIsoDate(doc.created) : null;
  if (created) meta.published = { date: created, source: 'pdf-meta' };
  return { ok: true, text: layoutPdfText(pages), encoding: 'pdf', meta };
}

/** Most pages read of a PDF; reports run to a few dozen. */
export const MAX_PDF_PAGES = 300;
/** Most characters of text read from a PDF; a report holds some tens of thousands. */
export const MAX_PDF_TEXT = 4_000_000;

/** A PDF past one of the bounds above: refused with the bound named. */
/** A PDF over a reading limit; `reason` says which, for the manifest. */
class PdfLimitError extends Error {
  readonly reason: Message;
  constructor(reason: Message) {
    super(reason.code);
    this.reason = reason;
  }
}

/** A PDF's pages and what its document information says: its Title and CreationDate (PDF date strings). */
interface PdfDocument {
  pages: PdfPage[];
  title: string | null;
  created: string | null;
}

/** Returns the text items and the rules of every page of a PDF (throws when pdf.js cannot read it). */
export async function readPdfPages(bytes: Uint8Array): Promise<PdfPage[]> {
  return (await readPdfDocument(bytes)).pages;
}

/**
 * Returns a PDF's pages and document information; throws when pdf.js cannot read it, and a
 * PdfLimitError past MAX_PDF_PAGES or MAX_PDF_TEXT (checked before the pages are read).
 */
async function readPdfDocument(bytes: Uint8Array): Promise<PdfDocument> {
  const { getDocumentProxy, getResolvedPDFJS } = await import('unpdf');
  const { OPS } = await getResolvedPDFJS();
  // pdf.js may take ownership of the buffer: give it a copy.
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  try {
    if (pdf.numPages > MAX_PDF_PAGES) {
      throw new PdfLimitError(createMessage('pdfTooManyPages', { pages: pdf.numPages, limit: MAX_PDF_PAGES }));
    }
    const info = ((await pdf.getMetadata().catch(() => null))?.info ?? {}) as { Title?: unknown; CreationDate?: unknown };
    const pages: PdfPage[] = [];
    let chars = 0;
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const items: PdfTextItem[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.dir === 'ttb') continue;
        chars += item.str.length;
        const [, , c, d, e, f] = item.transform as number[];
        items.push({ str: item.str, x: e!, y: f!, width: item.width, fontSize: Math.hypot(c!, d!) || item.height });
      }
      if (chars > MAX_PDF_TEXT) {
        throw new PdfLimitError(createMessage('pdfTextTooLong', { limit: MAX_PDF_TEXT, page: n }));
      }
      // The drawing of a page is read only where a table may be (figures standing alone, or a page
      // after one with rules, where a table may go on): it is most of the reading time.
      if (mayHoldTable(items) || pages.at(-1)?.rules?.length) {
        const ops = await page.getOperatorList();
        pages.push({ items, rules: rulesOfOperatorList(ops.fnArray, ops.argsArray, OPS as unknown as PdfOps) });
      } else {
        pages.push({ items, rules: [] });
      }
      page.cleanup();
    }
    return {
      pages,
      title: typeof info.Title === 'string' && info.Title.trim() ? info.Title.trim() : null,
      created: typeof info.CreationDate === 'string' ? info.CreationDate : null,
    };
  } finally {
    await pdf.destroy();
  }
}

/**
 * True when a page has two figures standing alone (no text touching them on their line), as the
 * cells of a table do; prose prints its figures inside sentences (2021年, 共3件).
 */
function mayHoldTable(items: readonly PdfTextItem[]): boolean {
  const shown = items.filter((i) => i.str.trim());
  let alone = 0;
  for (const item of shown) {
    if (!isFigureText(item.str.trim())) continue;
    const fs = item.fontSize || 10;
    const touching = shown.some(
      (o) => o !== item && Math.abs(o.y - item.y) <= 0.3 * fs && o.x < item.x + item.width + 0.5 * fs && o.x + o.width > item.x - 0.5 * fs,
    );
    if (!touching && ++alone >= 2) return true;
  }
  return false;
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
  /** The header the values are placed under. */
  header: Header | null;
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

/** Returns the text items worth laying out: radicals folded, tabs made spaces, blank and unplaced items left out. */
function cleanItems(items: readonly PdfTextItem[]): PdfTextItem[] {
  return items
    .map((i) => ({ ...i, str: foldRadicals(i.str).replace(/[\t\u00a0]/g, ' ') }))
    .filter((i) => i.str.trim() !== '' && Number.isFinite(i.x) && Number.isFinite(i.y));
}

/**
 * Returns items grouped by baseline (y within a fifth of their size of the line's first item), top
 * line first, each line's items untangled (see `untangle`).
 */
function baselines(items: readonly PdfTextItem[]): PdfTextItem[][] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PdfTextItem[][] = [];
  for (const item of sorted) {
    const line = lines.find((l) => Math.abs(l[0]!.y - item.y) <= 0.2 * Math.max(item.fontSize, l[0]!.fontSize));
    if (line) line.push(item);
    else lines.push([item]);
  }
  return lines.map(untangle);
}

/** Full-width characters (CJK ideographs and punctuation, full-width forms): one em wide in a CJK font. */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/**
 * Returns a line's items with every item that another item starts inside split into its characters.
 * A PDF writer may draw a line in several passes, one per font (LibreOffice draws the curly quotes
 * of "危及“三安全一稳定”" apart from the ideographs), and pdf.js then gives an item "及 三安全一" whose
 * space stands where the quote is drawn: joined in item order the line would read 危及 三安全一“稳定”.
 * Split into characters (full-width ones an em wide, the others sharing the rest of the item's
 * width; spaces dropped), every glyph falls into its place by x.
 */
function untangle(line: PdfTextItem[]): PdfTextItem[] {
  const inside = (a: PdfTextItem, b: PdfTextItem) => a !== b && b.x > a.x + 0.1 && b.x < a.x + a.width - 0.1;
  if (!line.some((a) => line.some((b) => inside(a, b)))) return line;
  return line.flatMap((a) => (line.some((b) => inside(a, b)) ? glyphsOf(a) : [a]));
}

/** Returns an item's characters as items, their positions estimated from the item's width (spaces dropped). */
function glyphsOf(item: PdfTextItem): PdfTextItem[] {
  const chars = [...item.str];
  const fs = item.fontSize || 10;
  const wide = chars.filter((c) => WIDE.test(c)).length;
  const narrow = chars.length - wide;
  const wideWidth = wide * fs <= item.width ? fs : item.width / (wide + 0.5 * narrow);
  const narrowWidth = narrow ? Math.max(0, item.width - wide * wideWidth) / narrow : 0;
  const out: PdfTextItem[] = [];
  let x = item.x;
  for (const c of chars) {
    const width = WIDE.test(c) ? wideWidth : narrowWidth;
    if (c.trim()) out.push({ ...item, str: c, x, width });
    x += width;
  }
  return out;
}

/** Returns the chunks of a page's items: items grouped by baseline, joined left to right where they touch. */
function chunksOf(items: readonly PdfTextItem[]): Chunk[] {
  const lines = baselines(items);
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
 * Returns the report text of the pages: one line per text line, one line per table row (a ruled
 * table's rows as its cells; other rows with their label and their values in the header's
 * columns), tab-separated.
 */
export function layoutPdfText(pages: readonly PdfPage[]): string {
  // Ruled tables first, on every page: each item in the cell its middle lies in. A table that goes
  // on at the top of the next page (the same columns) loses the header rows Word repeats there (its
  // 总计 would read as the label of the total row), and a row that the page break cut in two is
  // joined again, before anything is written.
  const read = pages.map((page) => readTables(cleanItems(page.items), findGrids(page.rules ?? [])));
  const heads = new Map<Table, Set<string>>(); // the header rows of the table each table continues
  read.forEach(({ tables }, p) =>
    tables.forEach((table, i) => {
      const prev = i === 0 && p > 0 ? read[p - 1]!.tables.at(-1) : undefined;
      if (!prev || !sameColumns(prev.grid, table.grid)) {
        heads.set(table, headerRows(table));
        return;
      }
      const header = heads.get(prev)!;
      heads.set(table, header);
      let first = 0;
      while (first < table.grid.ys.length - 1 && header.has(rowSignature(table, first))) {
        for (const cell of table.grid.cells) if (cell.row === first) table.texts.set(cell, []);
        first++;
      }
      joinSplitRow(prev, table, first);
    }),
  );

  // The rest laid out from coordinates, page by page; a header stays in effect across pages.
  let header: Header | null = null;
  const laid = read.map(({ tables, rest }) => {
    const chunks = chunksOf(rest);
    const lines = figureLines(chunks);
    const texts = chunks.filter((c) => !lines.some((l) => l.values.includes(c)));
    const blocks = buildBlocks(texts, lines);
    attachLabels(blocks, lines);
    header = placeColumns(lines, blocks, header);
    return { tables, lines, blocks };
  });

  const out: string[] = [];
  for (const { tables, lines, blocks } of laid) {
    // Everything in reading order: tables, figure lines with their labels, free text by baseline.
    const entries: { y: number; text: string }[] = tables.map((t) => ({ y: t.grid.ys[0]!, text: gridText(t) }));
    entries.push(...lines.map((l) => ({ y: l.y, text: rowText(l, lines) })));
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

/** A ruled table of a page and the text lines of its cells. */
interface Table {
  grid: Grid;
  texts: Map<GridCell, string[]>;
}

/** Returns a page's ruled tables with their cells' text, top first, and the items outside them. */
function readTables(items: readonly PdfTextItem[], grids: readonly Grid[]): { tables: Table[]; rest: PdfTextItem[] } {
  const inCells = grids.map(() => new Map<GridCell, PdfTextItem[]>());
  const rest: PdfTextItem[] = [];
  for (const item of items) {
    const fs = item.fontSize || 10;
    const y = item.y + 0.3 * fs;
    let placed = false;
    grids.forEach((grid, g) => {
      let cell = placed ? null : cellAt(grid, item.x + item.width / 2, y);
      if (!cell) return;
      placed = true;
      // An item reaching over a column line: a word overflowing its cell to the right belongs
      // where it starts; several words in one item across cells ("0   0") cannot be parted
      // with certainty, and are not read.
      const crossed = item.x < cell.x1 - 0.25 * fs || item.x + item.width > cell.x2 + 0.25 * fs;
      if (crossed) {
        if (/\S\s+\S/.test(item.str.trim())) return;
        cell = cellAt(grid, item.x + 0.25 * fs, y);
        if (!cell) return;
      }
      inCells[g]!.set(cell, [...(inCells[g]!.get(cell) ?? []), item]);
    });
    if (!placed) rest.push(item);
  }
  const tables = grids.map((grid, g) => ({
    grid,
    texts: new Map(grid.cells.map((cell) => [cell, cellLines(inCells[g]!.get(cell) ?? [])] as const)),
  }));
  return { tables, rest };
}

/** Returns the lines of a cell's items: items on one baseline joined, a space where they stand apart. */
function cellLines(items: readonly PdfTextItem[]): string[] {
  return baselines(items).map((line) => {
    let text = '';
    let right = -Infinity;
    for (const item of line.sort((a, b) => a.x - b.x)) {
      const fs = item.fontSize || 10;
      const gap = item.x - right;
      const str = text ? item.str.replace(/^ +/, '') : item.str.trim();
      if (text && gap > 0.3 * fs) text += ' ';
      else if (text && gap > 0.15 * fs && ALNUM.test(text) && /^[A-Za-z0-9]/.test(str)) text += ' ';
      text += str;
      right = Math.max(right, item.x + item.width);
    }
    return text.trim();
  });
}

/** Rows seen, for matchRequestLabel to name every row (3.其他 and 总计 included). */
const ANY_ROW = new Set<RequestRowKey>(['granted', 'notProcessedConfirmation']);

/** Returns the template row (table A or B) a label names, or null. */
function rowNamed(label: string): string | null {
  const c = canonicalLabel(label);
  return matchRequestLabel(c, ANY_ROW) ?? (TABLE_A_LABELS.has(c) ? c : null);
}

/**
 * Joins the first row of a table at the top of a page (after the header rows repeated there) to the
 * last row of the table ending the page before (with the same columns), when they are one row that
 * the page break cut: the first row's cells are those of the last row (same columns and spans); no
 * column has a figure on both sides, and text continues text ("3.补正后申请内容仍不明" / "确"); the
 * continued label names a row of table A or B (the same row it named before, if it named one) and
 * no part of the first row's text names another row by itself ("要另行制作" names the row that
 * "2.没有现成信息需要另行制作" names; "3.补正后申请内容仍不明确" after a blank row would name its
 * own). The first row's text moves up into the last row's cells. Anything less is left as printed:
 * two rows, the cut label naming no row.
 */
function joinSplitRow(prev: Table, next: Table, first: number): void {
  const { grid: a } = prev;
  const { grid: b } = next;
  const last = a.ys.length - 2;
  const pairs: { from: GridCell; to: GridCell }[] = [];
  for (const from of b.cells.filter((c) => c.row === first)) {
    const to = a.at[last]?.[from.col];
    if (!to || to.col !== from.col || to.colspan !== from.colspan) return;
    pairs.push({ from, to });
  }
  const text = (t: Table, cell: GridCell) => (t.texts.get(cell) ?? []).join('');
  let continued = false;
  for (const { from, to } of pairs) {
    const [f, t] = [text(next, from), text(prev, to)];
    if (!f) continue;
    if (isFigureText(f) ? t !== '' : t === '' || isFigureText(t)) return;
    if (!isFigureText(f)) {
      const [before, after, own] = [rowNamed(t), rowNamed(t + f), rowNamed(f)];
      if (own !== null && own !== after) return; // a row of its own
      if (after !== null && (before === null || before === after)) continued = true;
    }
  }
  // Figures only below a label naming a row: the label is whole and its figures went to the next page.
  if (!continued && pairs.some(({ from }) => isFigureText(text(next, from)))) {
    continued = pairs.some(({ from, to }) => !text(next, from) && rowNamed(text(prev, to)) !== null);
  }
  if (!continued) return;
  for (const { from, to } of pairs) {
    prev.texts.set(to, [...(prev.texts.get(to) ?? []), ...(next.texts.get(from) ?? [])]);
    next.texts.set(from, []);
  }
}

/** True when two grids have the same column lines (a table and its continuation on the next page). */
function sameColumns(a: Grid, b: Grid): boolean {
  return a.xs.length === b.xs.length && a.xs.every((x, i) => Math.abs(x - b.xs[i]!) <= 4);
}

/** Returns a row's cells (those starting in it) as a string: their columns, spans and text. */
function rowSignature({ grid, texts }: Table, row: number): string {
  const cells = grid.cells.filter((c) => c.row === row);
  if (!cells.some((c) => texts.get(c)?.length)) return '';
  return cells.map((c) => `${c.col}/${c.colspan}/${(texts.get(c) ?? []).join('')}`).join('|');
}

/** Returns the signatures of a table's header rows: its rows before the first one holding a figure. */
function headerRows(table: Table): Set<string> {
  const out = new Set<string>();
  for (let r = 0; r < table.grid.ys.length - 1; r++) {
    if (table.grid.cells.some((c) => c.row === r && isFigureText((table.texts.get(c) ?? []).join('')))) break;
    const signature = rowSignature(table, r);
    if (signature) out.add(signature);
  }
  return out;
}

/** Returns the lines of a ruled table, written as tab rows by the HTML reader, and a blank line after it. */
function gridText({ grid, texts }: Table): string {
  return htmlToReportText(gridToHtml(grid, (cell) => texts.get(cell) ?? [])).replace(/\n+$/, '') + '\n';
}

/** Returns the figure lines of a page: figure chunks grouped by baseline, with the chunks right of the first figure. */
function figureLines(chunks: readonly Chunk[]): FigureLine[] {
  const lines: FigureLine[] = [];
  for (const c of chunks) {
    if (!c.figure) continue;
    const line = lines.find((l) => Math.abs(l.y - c.y) <= 0.3 * Math.max(l.fs, c.fs));
    if (line) line.values.push(c);
    else lines.push({ y: c.y, fs: c.fs, values: [c], labels: [], header: null });
  }
  // One row's figures on two baselines less than a line apart (cells formatted differently set
  // their text a few points higher): no two rows are that close, so they are one line when no
  // figure of one stands over a figure of the other.
  lines.sort((a, b) => b.y - a.y);
  for (let i = 0; i + 1 < lines.length; i++) {
    const [a, b] = [lines[i]!, lines[i + 1]!];
    if (a.y - b.y >= 0.8 * Math.max(a.fs, b.fs)) continue;
    if (a.values.some((v) => b.values.some((w) => overlap(v, w) > -0.3 * Math.max(v.fs, w.fs)))) continue;
    const [keep, drop] = a.values.length >= b.values.length ? [a, b] : [b, a];
    keep.values.push(...drop.values);
    lines.splice(lines.indexOf(drop), 1);
    i--;
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

/** A table header: its lowest cells, and the figure lines under it (on its page and the next ones). */
interface Header {
  cells: Block[];
  lines: FigureLine[];
  /** The columns of figures, once every line under the header is known (see `columnsOf`). */
  columns?: Interval[];
}

/**
 * Gives each figure line its header. The header of a line is the set of free blocks between it and
 * the figure line above it on the page that no lower block of that set overlaps (the lowest header
 * cells: 自然人 … 总计 under 申请人情况), right of the line's labels. A line with no header cells of
 * its own stays under the header in effect (a table continued on the next page). Returns the header
 * in effect after the page.
 */
function placeColumns(lines: FigureLine[], blocks: readonly Block[], inherited: Header | null): Header | null {
  let current = inherited;
  lines.forEach((line, i) => {
    const above = i > 0 ? lines[i - 1]!.y : Infinity;
    const candidates = blocks.filter((b) => !b.line && b.bottom > line.y + 0.3 * line.fs && b.top < above);
    const labelRight = Math.max(-Infinity, ...line.labels.map((b) => b.right));
    const cells = candidates
      .filter((b) => !candidates.some((o) => o !== b && o.top < b.bottom && overlap(o, b) > 0))
      .filter((b) => (b.x + b.right) / 2 > labelRight)
      .sort((a, b) => a.x - b.x);
    if (cells.length) current = { cells, lines: [] };
    line.header = current;
    current?.lines.push(line);
  });
  return current;
}

/**
 * Returns the columns of figures of a header: its cells, less those standing over the labels of the
 * lines under it and over none of their figures (信息内容, the label column's header).
 */
function columnsOf(header: Header): Interval[] {
  header.columns ??= header.cells
    .filter((b) => !(header.lines.some((l) => l.labels.some((lb) => overlap(lb, b) > 0)) && !header.lines.some((l) => l.values.some((v) => overlap(v, b) > 0))))
    .map((b) => ({ x: b.x, right: b.right }));
  return header.columns;
}

/**
 * Returns the values of a line in their columns, blank where a column has none. The columns are
 * the header's (as many figures as the header has columns are its columns in order, even when one
 * stands apart from its header cell); when no header describes the row, those of a nearby row of the page with one or
 * two figures more (within two rows: a row of the same table with a blank or two), if every figure
 * of this row stands under a different one of its figures. A row with fewer figures than such a
 * row and placed by neither is uncertain: its figures
 * are not written (the row reads as blank, null), since which of its cells are blank is not known.
 * Otherwise the figures are written in order.
 */
function placeValues(line: FigureLine, lines: readonly FigureLine[]): string[] {
  const columns = line.header ? columnsOf(line.header) : [];
  const byHeader = columns.length ? placeIn(line.values, columns) : null;
  if (byHeader) return byHeader;
  // As many figures as columns, each a column's: none is blank, the order places them.
  if (columns.length && line.values.length === columns.length && line.values.every((v) => v.figure)) return line.values.map((v) => v.text);
  const i = lines.indexOf(line);
  const fuller = [lines[i - 1], lines[i + 1], lines[i - 2], lines[i + 2]].filter(
    (l): l is FigureLine => !!l && l.values.length > line.values.length && l.values.length <= line.values.length + 2,
  );
  for (const ref of fuller) {
    const placed = placeIn(line.values, ref.values);
    if (placed) return placed;
  }
  return fuller.length ? [] : line.values.map((v) => v.text);
}

/** Returns the values placed in the columns (blank where a column has none), or null when two share a column or one has none. */
function placeIn(values: readonly Chunk[], cols: readonly Interval[]): string[] | null {
  const slots: (string | null)[] = cols.map(() => null);
  for (const v of values) {
    let best = -1;
    let bestOverlap = 0;
    cols.forEach((c, k) => {
      const o = overlap(c, v);
      if (o > bestOverlap) [best, bestOverlap] = [k, o];
    });
    if (best < 0) {
      // No column above the value: the nearest within half a column.
      const centre = (v.x + v.right) / 2;
      cols.forEach((c, k) => {
        const d = Math.abs((c.x + c.right) / 2 - centre);
        if (d <= Math.max(c.right - c.x, v.right - v.x) / 2 + 0.5 * v.fs && (best < 0 || d < Math.abs((cols[best]!.x + cols[best]!.right) / 2 - centre))) best = k;
      });
    }
    if (best < 0 || slots[best] !== null) return null;
    slots[best] = v.text;
  }
  return slots.map((s) => s ?? '');
}

function blockText(b: Block): string {
  return [...b.chunks].sort((a, c) => c.y - a.y || a.x - c.x).map((c) => c.text).join('');
}

function rowText(line: FigureLine, lines: readonly FigureLine[]): string {
  const labels = [...line.labels].sort((a, b) => a.x - b.x).map(blockText);
  const cells = [...labels, ...placeValues(line, lines)];
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
