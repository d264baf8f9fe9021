/**
 * The older statistics table (指标名称 / 计量单位 / 本年 / 历年累计) as crawlers save it: on one line
 * with the prose, the unit closing each label and the row's figures run together
 * (`主动公开信息数条4251516其中：1.网站公开条41815092.政府公报公开条77`). This module lays such a
 * table out again, one row a line with its cells tab-separated, for tables/legacy.ts to read.
 *
 * A row's run of figures is split only where one reading is left: its spaces when they separate
 * exactly the table's columns (`条 66 107`), else the one split there is at all (`条00`), else the
 * one split for which the table's own sums hold in every column (网站公开 + 政府公报公开 = 主动公开;
 * 同意公开 + 部分公开 + 否决 + 其他 = 答复总数, over the rows printed). Otherwise the row's cells are
 * left blank and a note line names the candidate splits (see `EXTRACTOR_NOTE`). A digit before "."
 * that opens the next row's label is that row's ordinal (`…15092.政府公报公开` is 1509 and "2.").
 */
import { LEGACY_ROWS, LEGACY_SUMS, matchLegacyLabel, type LegacyKey } from '../../template-legacy.ts';
import { TOO_MANY, splits, writeExtractorNote } from './crawled.ts';
import { createMessage, type Message, type MessageParams } from '../../schema/message.ts';

/** Any run of spaces a crawler leaves, ideographic and no-break ones included. */
const SP = '[\\s\\u00a0\\u3000]*';
/** Returns a regex source matching the word with spaces allowed between its characters. */
const spaced = (word: string) => [...word].map((c) => (c === '他' ? '[他它]' : c)).join(SP);

const YEAR_COLUMN = `(?:\\d{4}${SP}年${SP}(?:度|末${SP}统${SP}计)?|${spaced('本年')}(?:${SP}度)?|${spaced('年末统计')}|${spaced('本期')})`;
const CUMULATIVE_COLUMN = `(?:${spaced('历年累计')}|${spaced('累计')})`;
/** The header: 指标名称, 计量单位 (or 单位), then the figure columns' headers. */
const HEADER = new RegExp(`${spaced('指标名称')}${SP}(${spaced('计量单位')}|${spaced('单位')})((?:${SP}(?:${YEAR_COLUMN}|${CUMULATIVE_COLUMN}))*)`);
const HEADER_START = new RegExp(spaced('指标名称'));
const COLUMN = new RegExp(`(${YEAR_COLUMN})|(${CUMULATIVE_COLUMN})`, 'g');

/** Every printed form of every row label, longest first (a label's punctuation may be printed or not). */
const LABEL = LEGACY_ROWS.flatMap((r) => r.variants)
  .sort((a, b) => b.length - a.length)
  .map((v) => [...v].map((c) => (c === '他' ? '[他它]' : c)).join('[\\s\\u00a0\\u3000、，,]*'))
  .join('|');
/** A row's opening: 其中：, an ordinal (1． 2、 （3）), the label, then its unit. */
const ROW = new RegExp(`${SP}((?:其中${SP}[：:]?${SP})?(?:[（(]${SP}\\d${SP}[)）]|\\d${SP}[.．、])?${SP}(?:${LABEL}))${SP}(万元|元|条|件|个|项|次)?`, 'y');
/** The next row's label right after an ordinal's dot (the digit before the dot is not a figure). */
const LABEL_AFTER_DOT = new RegExp(`[.．、]${SP}(?:${LABEL})`, 'y');
/** A row's figures: digits and the spaces crawlers leave among them, decimals included. */
const FIGURES = /[\d \u00a0\u3000]*(?:[.．]\d+[\d \u00a0\u3000]*)*/y;
/** A number as one cell: digits without a leading zero, or a decimal. */
const ONE_NUMBER = /^(?:0|[1-9]\d*)(?:\.\d+)?$/;

/**
 * Returns the text with every line that holds a glued older table (its header followed by a row of
 * it, no tab) laid out again; other lines unchanged, and the text itself when it has no such line.
 */
export function reflowLegacyTables(text: string): string {
  // Most reports have no older table: one scan for its header's first characters settles it.
  if (!HEADER_START.test(text)) return text;
  const lines = text.split(/\r\n|\r|\n/);
  const laidOut = lines.map((line) => layOutLine(line)?.join('\n') ?? line);
  return laidOut.some((line, i) => line !== lines[i]) ? laidOut.join('\n') : text;
}

/** One row as printed: its label, its unit and its run of figures. */
interface GluedRow {
  label: string;
  key: LegacyKey;
  unit: string;
  run: string;
  /** Readings of the run into the table's columns (each a list of numbers as printed). */
  candidates: readonly string[][];
  /** The reading chosen, or null when none is the only one left. */
  cells: string[] | null;
}

/**
 * Returns the lines of a line holding a glued older table: the text before the header, the header,
 * a line per row (label, unit, figures), a note line per row left blank, the text after the table;
 * null when the line holds none.
 */
function layOutLine(line: string): string[] | null {
  if (line.includes('\t')) return null;
  const header = HEADER.exec(line);
  if (!header) return null;
  const columns = [...(header[2] ?? '').matchAll(COLUMN)].map((m) => squeeze(m[0]));
  const rows: GluedRow[] = [];
  let at = header.index + header[0].length;
  for (;;) {
    ROW.lastIndex = at;
    const opening = ROW.exec(line);
    if (!opening) break;
    const label = opening[1]!.trim();
    const spec = matchLegacyLabel(label);
    if (!spec) break;
    FIGURES.lastIndex = ROW.lastIndex;
    let run = FIGURES.exec(line)![0];
    let end = ROW.lastIndex + run.length;
    // "…15092.政府公报公开": the digit before the dot is the next row's ordinal, not a figure.
    LABEL_AFTER_DOT.lastIndex = end;
    if (/\d[ \u00a0\u3000]*$/.test(run) && LABEL_AFTER_DOT.test(line)) {
      const digit = run.search(/\d[ \u00a0\u3000]*$/);
      run = run.slice(0, digit);
      end = ROW.lastIndex + digit;
    }
    rows.push({ label, key: spec.key, unit: opening[2] ?? '', run: run.trim(), candidates: [], cells: null });
    at = end;
  }
  if (!rows.length) return null;
  const notes = readRows(rows, columns.length);
  const before = line.slice(0, header.index).trim();
  const after = line.slice(at).trim();
  return [
    ...(before ? [before] : []),
    ['指标名称', squeeze(header[1]!), ...columns].join('\t'),
    ...rows.map((r) => [r.label, r.unit, ...(r.cells ?? [])].join('\t')),
    ...notes.map(writeExtractorNote),
    ...(after ? [after] : []),
  ];
}

function squeeze(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/g, '');
}

/** Returns the readings of a run into `width` cells: as its spaces separate them, else every split of its digits. */
function listCandidates(run: string, width: number): readonly string[][] {
  const tokens = run.split(/[\s\u00a0\u3000]+/).filter(Boolean).map((t) => t.replace('．', '.'));
  if (width === 0 || tokens.length === 0) return [];
  if (tokens.length === width && tokens.every((t) => ONE_NUMBER.test(t))) return [tokens];
  const digits = tokens.join('');
  if (width === 1) return ONE_NUMBER.test(digits) ? [[digits]] : [];
  // A decimal run together with another figure: where the figures end is not known.
  if (!/^\d+$/.test(digits)) return [];
  return splits(digits, width, () => true);
}

/**
 * Chooses each row's cells where one reading is left, and returns a note for every row left blank.
 * Rows with several readings are decided by the table's sums (`LEGACY_SUMS`) when exactly one
 * combination of the readings of a sum's rows makes it hold in every column.
 */
function readRows(rows: GluedRow[], width: number): Message[] {
  for (const row of rows) {
    row.candidates = listCandidates(row.run, width);
    if (row.candidates.length === 1) row.cells = row.candidates[0]!;
  }
  /** Why a row with several readings was left blank, by row. */
  const undecided = new Map<GluedRow, Pick<MessageParams<'legacyRunAmbiguous'>, 'reason' | 'sum' | 'solutions'>>();
  for (const sum of LEGACY_SUMS) {
    const total = rows.find((r) => r.key === sum.total);
    const parts = rows.filter((r) => sum.parts.includes(r.key));
    if (!total || !parts.length) continue;
    const open = [total, ...parts].filter((r) => r.candidates.length > 1);
    if (!open.length) continue;
    const solutions = [total, ...parts].some((r) => r.candidates.length === 0) ? null : solveSum(total, parts, open, width);
    if (solutions && solutions !== TOO_MANY_SOLUTIONS && solutions.length === 1) {
      open.forEach((r, i) => (r.cells = solutions[0]![i]!));
      continue;
    }
    const why = {
      reason: !solutions ? 'sumUnread' : solutions === TOO_MANY_SOLUTIONS ? 'tooMany' : solutions.length === 0 ? 'noSolution' : 'severalSolutions',
      sum: sum.total,
      solutions: solutions && solutions !== TOO_MANY_SOLUTIONS ? solutions.length : null,
    } as const;
    for (const r of open) undecided.set(r, why);
  }
  const notes: Message[] = [];
  for (const row of rows) {
    if (row.cells) continue;
    if (row.candidates.length === 0) {
      notes.push(createMessage('legacyRunUnsplit', { label: row.label, run: row.run, width }));
      continue;
    }
    const candidates = row.candidates === TOO_MANY ? null : row.candidates.map((c) => c.join(' / '));
    notes.push(createMessage('legacyRunAmbiguous', { label: row.label, run: row.run, candidates, ...(undecided.get(row) ?? { reason: 'noSum', sum: null, solutions: null }) }));
  }
  return notes;
}

/** Enumeration budget: more combinations than this are not searched (treated as not unique). */
const BUDGET = 200_000;
/** What `solveSum` returns when the combinations exceed the budget. Compared by identity. */
const TOO_MANY_SOLUTIONS: readonly (readonly string[][])[] = Object.freeze([]);

/**
 * Returns every combination of readings of the `open` rows (the others keep their one reading) for
 * which the parts add up to the total in each of the `width` columns, each as the open rows' cells;
 * `TOO_MANY_SOLUTIONS` when there are more combinations than the budget allows to try.
 */
function solveSum(total: GluedRow, parts: readonly GluedRow[], open: readonly GluedRow[], width: number): readonly (readonly string[][])[] {
  if (open.some((r) => r.candidates === TOO_MANY) || open.reduce((n, r) => n * r.candidates.length, 1) > BUDGET) return TOO_MANY_SOLUTIONS;
  const choice = new Map<GluedRow, string[]>();
  const cellsOf = (r: GluedRow) => choice.get(r) ?? r.candidates[0]!;
  const holds = () => {
    for (let c = 0; c < width; c++) {
      const sum = parts.reduce((s, r) => s + Number(cellsOf(r)[c]), 0);
      // In cents: a decimal figure must not fail on float noise.
      if (Math.round(sum * 100) !== Math.round(Number(cellsOf(total)[c]) * 100)) return false;
    }
    return true;
  };
  const found: string[][][] = [];
  const walk = (i: number) => {
    if (i === open.length) {
      if (holds()) found.push(open.map(cellsOf));
      return;
    }
    for (const candidate of open[i]!.candidates) {
      choice.set(open[i]!, candidate);
      walk(i + 1);
    }
    choice.delete(open[i]!);
  };
  walk(0);
  return found;
}
