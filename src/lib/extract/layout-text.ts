/**
 * Text that PDF converters leave behind (poppler's `pdftotext`), turned into the layouts the readers
 * understand, line for line (the line count never changes, so provenance lines are the file's own).
 *
 * `pdftotext -layout` keeps a table row on one line with its columns aligned by spaces, and wraps a
 * long label over the lines above and below its figures ("2.其他法律行政法 2 0 0 0 0 0 2" /
 * "规禁止公开"). Inside sections 二 to 四, a line whose trailing tokens are figures, exactly as many as
 * the table has columns (table A: 3 or 1; table B: 7; table C: 15), becomes a tab row; a wrapped
 * label's other lines are joined to it, word by word in their character columns, when the row's own
 * label does not yet name a template row and the joined one does. A row with fewer figures than
 * columns stays as printed: the spaces do not say which cells are blank, so none is guessed.
 *
 * Plain `pdftotext` (no -layout) prints a table's cells one per line, partly in column order, labels
 * apart from their figures. Pairing figures with rows there is not unique: such a table is left
 * unread (null) and `plainTableNote` says why.
 */
import { PROACTIVE_ROWS } from '../template.ts';
import { canonicalLabel } from './normalize.ts';
import { findSections, type SectionKey } from './sections.ts';
import { isRequestRowLabel } from './table-requests.ts';

const NUMBER = /^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^[-+]?\d+(?:\.\d+)?$/;
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
      if (figures.length && WIDTHS[s.key]!.includes(figures.length) && (k > 0 || s.key === 'appeals')) {
        candidates.push({ index: i, section: s.key, label: words.slice(0, k), figures });
      } else if (!figures.length && words.length <= 4 && words.every((w) => [...w.text].length <= 20)) {
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
  for (const f of fragments) {
    const near = candidates.filter((c) => c.section === f.section && Math.abs(c.index - f.index) <= 3);
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
      // Table C's figures follow its header: the header line just above becomes a row of words.
      let h = c.index - 1;
      while (h > 0 && !out[h]!.trim()) h--;
      if (!/\d/.test(out[h]!)) out[h] = wordsOf(out[h]!).map((w) => w.text).join('\t');
    }
  }
  return out;
}

/**
 * Returns the label words with the wrapped lines' words joined in their columns: each word goes to
 * the label word it overlaps most (or the nearest), before it for lines above, after it for lines below.
 */
function mergeWords(label: readonly Word[], before: readonly Word[][], after: readonly Word[][]): Word[] {
  if (!label.length) return [...before.flat(), ...after.flat()];
  const parts = label.map((w) => ({ ...w, pre: '', post: '' }));
  const nearest = (w: Word) =>
    parts.reduce((best, p) => {
      const score = (q: Word) => Math.min(q.end, w.end) - Math.max(q.start, w.start);
      return score(p) > score(best) ? p : best;
    });
  for (const line of before) for (const w of line) nearest(w).pre += w.text;
  for (const line of after) for (const w of line) nearest(w).post += w.text;
  return parts.map((p) => ({ text: p.pre + p.text + p.post, start: p.start, end: p.end }));
}

/**
 * Returns why a table section printed as plain pdftotext output (every cell on its own line, figures
 * apart from their labels) is not read, or null when the section is not in that form.
 */
export function plainTableNote(lines: readonly string[], start: number, end: number, table: string): string | null {
  let figuresAlone = 0;
  let rowsWithFigures = 0;
  for (let i = start; i < end; i++) {
    const raw = lines[i]!;
    const t = raw.trim();
    // A figure alone on a line with no tab (a Word cell per line sits behind a tab).
    if (NUMBER.test(t) && !raw.includes('\t')) figuresAlone++;
    else if (/\S[ \t]+\d+(?:[ \t]+\d+)+$/.test(t) || t.includes('\t') || t.startsWith('|')) rowsWithFigures++;
  }
  if (figuresAlone < 6 || figuresAlone <= rowsWithFigures * 3) return null;
  return `${table}的数字与行标签分处不同行（pdftotext 纯文本：单元格逐行、部分按列排列），${figuresAlone} 个数字无法唯一对应到行和列，未读取，单元格为空 (null)`;
}
