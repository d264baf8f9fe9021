/**
 * Corrections applied to a record after extraction: the record keeps each value as read beside the
 * value published (`corrections`), and its checks are run again on the published figures.
 */
import { listCellSpecs, readCell } from '../export/cells.ts';
import type { AppliedCorrection, Correction, ReportRecord } from '../schema/report.ts';
import type { CorrectionError } from './parse.ts';
import { recheckRecord } from './recheck.ts';

/** Paths of the cells of each template edition (computed once). */
const CELL_PATHS = new Map<ReportRecord['template'], Set<string>>();

/** Returns the cell paths a record of the edition has (`requests.granted.natural`). */
function listCellPaths(template: ReportRecord['template']): Set<string> {
  let paths = CELL_PATHS.get(template);
  if (!paths) CELL_PATHS.set(template, (paths = new Set(listCellSpecs(template).map((s) => s.path))));
  return paths;
}

/** Returns the path of the cell a correction names: `table.row.column`. */
export function pathOfCorrection(c: Pick<Correction, 'table' | 'row' | 'column'>): string {
  return `${c.table}.${c.row}.${c.column}`;
}

export interface AppliedCorrections {
  /** The record with the published values, its checks run again and `corrections` beside; the same object when nothing applies. */
  record: ReportRecord;
  /** Corrections whose value the extractor now reads itself: they change nothing and can be pruned. */
  stale: Correction[];
  /** Corrections naming a cell the record's template has not, or a cell corrected twice. */
  errors: CorrectionError[];
}

/**
 * Returns a record with its corrections applied (those of `corrections` that name it: resolve them
 * first, resolveCorrections). Never changes the record it is given. A correction whose value the
 * record already holds is stale and changes nothing.
 */
export function applyCorrections(record: ReportRecord, corrections: readonly Correction[]): AppliedCorrections {
  const stale: Correction[] = [];
  const errors: CorrectionError[] = [];
  const applied: AppliedCorrection[] = [];
  const cells = listCellPaths(record.template);
  const seen = new Set<string>();
  for (const c of corrections) {
    const cell = pathOfCorrection(c);
    if (!cells.has(cell)) {
      errors.push({ line: c.line, message: `报告 ${record.id}（${record.template} 版式）没有单元格 ${cell} (report ${record.id}, template ${record.template}, has no cell ${cell})` });
      continue;
    }
    if (seen.has(cell)) {
      errors.push({ line: c.line, message: `单元格 ${record.id} ${cell} 已在前面更正过 (cell ${record.id} ${cell} is corrected twice)` });
      continue;
    }
    seen.add(cell);
    const read = readCell(record, cell);
    if (read === c.value) stale.push(c);
    else applied.push({ line: c.line, cell, read, value: c.value, reason: c.reason, source: c.source, date: c.date });
  }
  if (applied.length === 0) return { record, stale, errors };
  const corrected = structuredClone(record) as ReportRecord;
  const tables = corrected as unknown as Record<string, Record<string, Record<string, number | null>>>;
  for (const a of applied) {
    const [table, row, column] = a.cell.split('.') as [string, string, string];
    tables[table]![row]![column] = a.value;
  }
  corrected.checks = recheckRecord(corrected);
  corrected.corrections = applied;
  return { record: corrected, stale, errors };
}
