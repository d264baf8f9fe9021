/**
 * Text that PDF converters leave behind (poppler's `pdftotext`), turned into the layouts the readers
 * understand, line for line (the line count never changes, so provenance lines are the file's own).
 *
 * `pdftotext -layout` keeps a table row on one line with its columns aligned by spaces, and wraps a
 * long label over the lines above and below its figures ("2.其他法律行政法 2 0 0 0 0 0 2" /
 * "规禁止公开"). Inside sections 二 to 四, a line whose trailing tokens are figures, exactly as many as
 * the table has columns (table A: 3 or 1; table B: 7; table C: 15), becomes a tab row; a wrapped
 * label's other lines are joined to it, word by word in their character columns, when the row's own
 * label does not yet name a template row and the joined one does. A row's figures may stand on a
 * line of their own between the lines of its label ("一、本年新收政府信息公开申请数" / figures / "量"):
 * such a line takes only the label lines it touches (no blank line between). A label's lines are
 * joined by character columns, a group label beside them (（六）/其他处/理) kept a cell of its own; a
 * page break between a row and the rest of its label (blank lines, the page number) counts as no
 * distance. A row with fewer figures than
 * columns stays as printed: the spaces do not say which cells are blank, so none is guessed.
 *
 * Plain `pdftotext` (no -layout) prints a table's cells one per line, partly in column order, labels
 * apart from their figures. A figure alone on its line cannot be paired with a row and a column
 * uniquely: it is blanked in the working copy (never read) and a note says how many were left.
 * What stays unique is read: a line printing a label that names a row followed by exactly the
 * table's number of figures, and table C's fifteen figures on one line.
 */
import { PROACTIVE_ROWS } from '../../template.ts';
import { createMessage, type Message } from '../../schema/message.ts';
import { canonicalLabel } from '../normalize.ts';
import { findSections, type SectionKey } from '../sections.ts';
import { isRequestRowLabel } from '../tables/requests.ts';

const NUMBER = /^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^[-+]?\d+(?:\.\d+)?$/;
/** A page number printed alone on its line: - 4 -, 第4页, 第4页 共9页, 4/9 (a bare 4 could be a figure). */
const PAGE_NUMBER = /^\s*(?:[-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)\s*$/;
const TABLE_A_LABELS = new Set(Object.values(PROACTIVE_ROWS).flatMap((rows) => rows.flatMap((r) => [r.zh, ...(r.aliases ?? [])])));
/** Figures a row of each table carries. */
const WIDTHS: Partial<Record<SectionKey, readonly number[]>> = { proactive: [3, 2, 1], requests: [7], appeals: [15] };

/** A word of a line with its character columns. */
interface Word {
  text: string;
  start: number;
  end: number;
}

/** A line read as a table row: its label words, then its figures. */
interface Candidate {
  index: number;
  section: SectionKey;
  label: Word[];
  figures: string[];
}

function wordsOf(line: string): Word[] {
  return [...line.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: [...line.slice(0, m.index)].length, end: [...line.slice(0, m.index)].length + [...m[0]].length }));
}

/** True when a label (its words joined) names a row of table A or table B. */
function namesRow(label: readonly Word[], section: SectionKey): boolean {
  const text = canonicalLabel(label.map((w) => w.text).join(''));
  if (!text) return section === 'appeals';
  return section === 'proactive' ? TABLE_A_LABELS.has(text) : label.some((w) => isRequestRowLabel(canonicalLabel(w.text)));
}

/** True when the text looks like pdftotext -layout output: no tab or pipe rows, figures aligned by runs of spaces. */
export function isLayoutText(lines: readonly string[]): boolean {
  let aligned = 0;
  for (const line of lines) {
    if (line.includes('\t') || line.trimStart().startsWith('|')) return false;
    if (/\S {2,}\d+(?: +\d+){1,}\s*$/.test(line)) aligned++;
  }
  return aligned >= 3;
}

/** Returns the lines with pdftotext -layout table rows turned into tab rows (see the module comment). */
export function normalizeLayoutLines(lines: readonly string[]): string[] {
  if (!isLayoutText(lines)) return [...lines];
  const out = [...lines];
  const sections = findSections(lines).filter((s) => WIDTHS[s.key]);
  const candidates: Candidate[] = [];
  const fragments: { index: number; section: SectionKey; words: Word[] }[] = [];
  for (const s of sections) {
    for (let i = s.start + 1; i < s.end; i++) {
      const words = wordsOf(lines[i]!.replace(/\u3000/g, ' '));
      if (!words.length) continue;
      let k = words.length;
      while (k > 0 && NUMBER.test(words[k - 1]!.text)) k--;
      const figures = words.slice(k).map((w) => w.text);
      // A row's figures may stand on a line of their own between the lines of its wrapped label.
      if (figures.length && WIDTHS[s.key]!.includes(figures.length)) {
        candidates.push({ index: i, section: s.key, label: words.slice(0, k), figures });
      } else if (!figures.length && !PAGE_NUMBER.test(lines[i]!) && words.length <= 4 && words.every((w) => [...w.text].length <= 20 && !NUMBER.test(w.text))) {
        // A label line holds words only: a figure on it belongs to some row, never to a label.
        fragments.push({ index: i, section: s.key, words });
      }
    }
  }
  // A wrapped label's other lines: to the row above while its label names no row, else to the row below.
  const joined = new Map<number, { before: Word[][]; after: Word[][] }>();
  const labelOf = (c: Candidate) => {
    const j = joined.get(c.index);
    return j ? mergeWords(c.label, j.before, j.after) : c.label;
  };
  // Lines with nothing between them (no blank line) are one row's; a label-less figure line takes
  // only such lines.
  const adjacent = (a: number, b: number) => lines.slice(Math.min(a, b), Math.max(a, b) + 1).every((l) => l.trim() !== '');
  // Lines apart, a page break (its blank lines and page number) counting as none.
  const distance = (a: number, b: number) => {
    const between = lines.slice(Math.min(a, b) + 1, Math.max(a, b));
    return between.some((l) => PAGE_NUMBER.test(l)) ? 1 + between.filter((l) => l.trim() && !PAGE_NUMBER.test(l)).length : Math.abs(a - b);
  };
  for (const f of fragments) {
    const near = candidates.filter(
      (c) => c.section === f.section && distance(c.index, f.index) <= 3 && (c.label.length > 0 || c.section === 'appeals' || adjacent(c.index, f.index)),
    );
    const above = near.filter((c) => c.index < f.index).at(-1);
    const below = near.find((c) => c.index > f.index);
    if (above && !namesRow(labelOf(above), above.section)) {
      const j = joined.get(above.index) ?? { before: [], after: [] };
      j.after.push(f.words);
      joined.set(above.index, j);
      out[f.index] = '';
    } else if (below && !namesRow(labelOf(below), below.section)) {
      const j = joined.get(below.index) ?? { before: [], after: [] };
      j.before.push(f.words);
      joined.set(below.index, j);
      out[f.index] = '';
    }
  }
  for (const c of candidates) {
    const label = labelOf(c);
    if (c.section !== 'appeals' && !namesRow(label, c.section)) continue;
    const cells = [...label.map((w) => w.text), ...c.figures];
    out[c.index] = cells.join('\t') + (cells.length === 1 ? '\t' : '');
    if (c.section === 'appeals' && !label.length) {
      // Table C's figures follow its header: the header's lines (行政复议 … 行政诉讼, 未经复议直接起诉
      // … 复议后起诉, 结果维持 …) become rows of words, up to the section heading or other figures.
      const start = sections.find((s) => s.key === 'appeals')!.start;
      for (let h = c.index - 1; h > start && !/\d/.test(out[h]!.replace(PAGE_NUMBER, '')); h--) {
        if (out[h]!.trim() && !PAGE_NUMBER.test(out[h]!)) out[h] = wordsOf(out[h]!).map((w) => w.text).join('\t') + (wordsOf(out[h]!).length === 1 ? '\t' : '');
      }
    }
  }
  return out;
}

/**
 * Returns the label of a row: the words of its label lines (the lines above, the row's own, the lines
 * below) joined by character columns. Words whose columns overlap, directly or through other words,
 * are one cell, read top to bottom ("2.其他法律行政法" / "规" / "禁止公开"); cells are ordered left to
 * right, so a group label standing beside the row's label ("（六）" / "其他处" / "理") stays a cell
 * of its own instead of being read into the row's label.
 */
function mergeWords(label: readonly Word[], before: readonly Word[][], after: readonly Word[][]): Word[] {
  const words = [...before, label, ...after].flatMap((line, n) => line.map((w) => ({ ...w, n })));
  const parent = words.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  words.forEach((a, i) =>
    words.forEach((b, j) => {
      if (j > i && Math.min(a.end, b.end) - Math.max(a.start, b.start) > 0) parent[find(j)] = find(i);
    }),
  );
  const groups = new Map<number, typeof words>();
  words.forEach((w, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), w]));
  return [...groups.values()]
    .map((g) => ({
      text: [...g].sort((a, b) => a.n - b.n || a.start - b.start).map((w) => w.text).join(''),
      start: Math.min(...g.map((w) => w.start)),
      end: Math.max(...g.map((w) => w.end)),
    }))
    .sort((a, b) => a.start - b.start);
}

/** Returns the number of figures alone on a line (no tab) in [start, end), and of lines printing a row's figures together. */
function countPlain(lines: readonly string[], start: number, end: number): { alone: number; together: number } {
  let alone = 0;
  let together = 0;
  for (let i = start; i < end; i++) {
    const raw = lines[i]!;
    const t = raw.trim();
    // A figure alone on a line with no tab (a Word cell per line sits behind a tab).
    if (NUMBER.test(t) && !raw.includes('\t')) alone++;
    else if (/\S[ \t]+\d+(?:[ \t]+\d+)+$/.test(t) || raw.includes('\t') || t.startsWith('|')) together++;
  }
  return { alone, together };
}

/**
 * Returns the lines as the readers should see them, line for line, and notes for the record:
 * pdftotext -layout rows made tab rows (`normalizeLayoutLines`); in a table section printed as
 * plain pdftotext output, figures alone on their lines blanked (with a note saying how many) and
 * the rows that print a naming label and all their figures on one line made tab rows.
 */
export function normalizeConverterLines(lines: readonly string[]): { lines: string[]; notes: Message[] } {
  if (isLayoutText(lines)) return { lines: normalizeLayoutLines(lines), notes: [] };
  const out = [...lines];
  const notes: Message[] = [];
  const tables = findSections(lines).filter((s) => WIDTHS[s.key]);
  const counts = tables.map((s) => countPlain(lines, s.start + 1, s.end));
  // One table section in the plain form makes the document plain pdftotext output.
  if (!counts.some(({ alone, together }) => alone >= 6 && alone > together * 3)) return { lines: out, notes };
  for (const [n, s] of tables.entries()) {
    const widths = WIDTHS[s.key]!;
    const { alone } = counts[n]!;
    let read = 0;
    for (let i = s.start + 1; i < s.end; i++) {
      const t = lines[i]!.trim();
      if (NUMBER.test(t) && !lines[i]!.includes('\t')) {
        out[i] = '';
        continue;
      }
      const words = wordsOf(t);
      let k = words.length;
      while (k > 0 && NUMBER.test(words[k - 1]!.text)) k--;
      const figures = words.slice(k).map((w) => w.text);
      const label = words.slice(0, k);
      if (!figures.length || !widths.includes(figures.length)) continue;
      if (label.length ? namesRow(label, s.key) && s.key !== 'appeals' : s.key === 'appeals' && figures.length === 15) {
        out[i] = [...label.map((w) => w.text), ...figures].join('\t') + (label.length + figures.length === 1 ? '\t' : '');
        read++;
        if (s.key === 'appeals') {
          let h = i - 1;
          while (h > s.start && !out[h]!.trim()) h--;
          if (h > s.start && !/\d/.test(out[h]!)) out[h] = wordsOf(out[h]!).map((w) => w.text).join('\t');
        }
      }
    }
    if (alone) {
      notes.push(createMessage('plainTextFigures', { table: s.key as 'proactive' | 'requests' | 'appeals', alone, read }));
    }
  }
  return { lines: out, notes };
}
