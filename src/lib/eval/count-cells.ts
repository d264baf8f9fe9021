/**
 * The cells of the template's three tables (二 proactive, 三 requests, 四 appeals) for each edition,
 * as paths like `requests.total.natural`, and how many of them a record has read. Pure.
 */
import type { ReportRecord } from '../schema/report.ts';
import { APPEAL_GROUPS, APPEAL_OUTCOMES, PROACTIVE_ROWS, REQUEST_COLUMNS, REQUEST_ROWS } from '../template.ts';

/** A template edition: 2019 (国办公开办函〔2019〕60号) or 2021 (国办公开办函〔2021〕30号). */
export type Edition = '2019' | '2021';

/** The three tables a label and a record hold figures in. */
export const TABLES = ['proactive', 'requests', 'appeals'] as const;
export type TableKey = (typeof TABLES)[number];

const TEMPLATE_CELLS = new Map<Edition, readonly string[]>();

/**
 * Returns every cell path of the template's tables for an edition, in template order: table A's rows
 * and columns of that edition, table B's rows of that edition times its seven columns, and the
 * fifteen cells of table C. 2021: 10 + 175 + 15 = 200 cells; 2019: 22 + 161 + 15 = 198.
 */
export function listTemplateCells(edition: Edition): readonly string[] {
  let cells = TEMPLATE_CELLS.get(edition);
  if (!cells) {
    const list: string[] = [];
    for (const row of PROACTIVE_ROWS[edition]) for (const col of row.columns) list.push(`proactive.${row.key}.${col}`);
    for (const row of REQUEST_ROWS) {
      if (row.editions.includes(edition)) for (const col of REQUEST_COLUMNS) list.push(`requests.${row.key}.${col}`);
    }
    for (const group of APPEAL_GROUPS) for (const outcome of APPEAL_OUTCOMES) list.push(`appeals.${group}.${outcome}`);
    cells = list;
    TEMPLATE_CELLS.set(edition, cells);
  }
  return cells;
}

/** Returns the figure at a cell path (`requests.total.natural`) of a record, or null when it has none. */
export function readCell(record: ReportRecord, path: string): number | null {
  const [table, row, col] = path.split('.');
  if (table !== 'proactive' && table !== 'requests' && table !== 'appeals') return null;
  // A record before the 2019 template has no table 二 (null).
  const rows = (record[table] ?? {}) as Record<string, Record<string, number | null> | undefined>;
  const value = rows[row ?? '']?.[col ?? ''];
  return typeof value === 'number' ? value : null;
}

/**
 * Returns every figure a record holds in the three tables, by cell path, in the record's key order
 * (the template's). Cells outside the template of the record's edition are included when they hold a
 * number, so that a comparison sees them.
 */
export function listRecordFigures(record: ReportRecord): Map<string, number> {
  const figures = new Map<string, number>();
  for (const table of TABLES) {
    const rows = (record[table] ?? {}) as Record<string, Record<string, number | null>>;
    for (const [row, cols] of Object.entries(rows)) {
      for (const [col, value] of Object.entries(cols)) if (typeof value === 'number') figures.set(`${table}.${row}.${col}`, value);
    }
  }
  return figures;
}

/** Cells read of the cells the template has. */
export interface CellCount {
  /** Template cells holding a number in the record. */
  read: number;
  /** Cells the template of the edition has. */
  template: number;
}

/**
 * Returns how many of the template's cells a record has read (non-null), of how many. The template is
 * the record's edition, or the true one when `truth` is given: `2019` / `2021` count that edition's
 * cells (also for a file that gave no record: a report that should have been read), and `pre-2019` /
 * `none` count none (the report has no such tables, so any figure read is a misreading, and shows as
 * read > template). Without a record or a truth, 0 of 0.
 */
export function countCells(record: ReportRecord | null, truth?: string | null): CellCount {
  const trueEdition = truth === '2019' || truth === '2021' ? truth : null;
  let template = 0;
  if (trueEdition) template = listTemplateCells(trueEdition).length;
  else if (record && !truth && record.template !== 'pre2019') template = listTemplateCells(record.template).length;
  let read = 0;
  // A record before the 2019 template: any figure in tables 二–四 is a misreading, counted as read.
  if (record) read = record.template === 'pre2019' ? listRecordFigures(record).size : listTemplateCells(record.template).filter((path) => readCell(record, path) !== null).length;
  return { read, template };
}
