/**
 * A record against its label, cell by cell. Pure.
 *
 * Every cell the label types is compared: right (the same number), wrong (another number: the worst
 * outcome, a figure that looks real and is not), missing (the record has null where the label has a
 * number) or blank-ok (both null). A number the record holds in a cell the label types as null, or in
 * a row or column the label does not list, is wrong too: a figure where the report prints none.
 */
import type { ReportRecord } from '../schema/report.ts';
import { listRecordFigures, listTemplateCells, readCell, TABLES } from './count-cells.ts';
import type { Label } from './label-schema.ts';

/** A cell where the record and the label disagree. */
export interface CellDisagreement {
  /** `requests.total.natural` */
  path: string;
  /** The label's figure; null: typed blank; undefined: the label does not list the cell. */
  label: number | null | undefined;
  /** The record's figure (null for a missing cell). */
  read: number | null;
}

/** The outcome of comparing one record with its label. */
export interface LabelComparison {
  /** Cells where both hold the same number. */
  right: number;
  /** Cells where the record holds a number the label does not (another number, or none). */
  wrong: number;
  /** Cells where the label has a number and the record null. */
  missing: number;
  /** Cells both leave blank. */
  blankOk: number;
  /** Cells not compared, because `except` names them (a copy that prints something else). */
  excluded: number;
  /** Every wrong cell, in template order. */
  wrongCells: CellDisagreement[];
  /** Every missing cell's path, in template order. */
  missingCells: string[];
}

/** Template order of every cell path either edition has: the sort key of the cell lists. */
const ORDER = new Map<string, number>();
for (const path of [...listTemplateCells('2021'), ...listTemplateCells('2019')]) if (!ORDER.has(path)) ORDER.set(path, ORDER.size);

/** Returns the label's cells by path (number or null), in the label's order. */
export function listLabelCells(label: Label): Map<string, number | null> {
  const cells = new Map<string, number | null>();
  for (const table of TABLES) {
    const rows = label[table] as Record<string, Record<string, number | null> | undefined>;
    for (const [row, cols] of Object.entries(rows)) {
      for (const [col, value] of Object.entries(cols ?? {})) cells.set(`${table}.${row}.${col}`, value);
    }
  }
  return cells;
}

/** Returns whether `path` lies under one of `prefixes` (a table, a row, or the cell itself). */
function isExcluded(path: string, prefixes: readonly string[]): boolean {
  return prefixes.some((p) => path === p || path.startsWith(`${p}.`));
}

/** Returns whether two figures are the same, allowing for the rounding of a converted amount (元 from 万元). */
function isSameFigure(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Returns a sort comparator of cell paths in template order (unknown paths last, by name). */
function byTemplateOrder(a: string, b: string): number {
  const ia = ORDER.get(a) ?? Number.MAX_SAFE_INTEGER;
  const ib = ORDER.get(b) ?? Number.MAX_SAFE_INTEGER;
  return ia - ib || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Returns how a record (null: the file gave none) compares with its label, cell by cell. `except`:
 * tables, rows or cells (`requests.total`) not compared, for a copy of the report that prints them
 * differently (the label's `dumpDiffers`).
 */
export function compareLabels(record: ReportRecord | null, label: Label, except: readonly string[] = []): LabelComparison {
  const result: LabelComparison = { right: 0, wrong: 0, missing: 0, blankOk: 0, excluded: 0, wrongCells: [], missingCells: [] };
  const labelled = listLabelCells(label);
  for (const [path, truth] of labelled) {
    if (isExcluded(path, except)) {
      result.excluded++;
      continue;
    }
    const read = record ? readCell(record, path) : null;
    if (truth === null) {
      if (read === null) result.blankOk++;
      else {
        result.wrong++;
        result.wrongCells.push({ path, label: null, read });
      }
    } else if (read === null) {
      result.missing++;
      result.missingCells.push(path);
    } else if (isSameFigure(truth, read)) result.right++;
    else {
      result.wrong++;
      result.wrongCells.push({ path, label: truth, read });
    }
  }
  // Figures in cells the label does not list: rows the report does not print (or another edition's).
  if (record) {
    for (const [path, read] of listRecordFigures(record)) {
      if (labelled.has(path)) continue;
      if (isExcluded(path, except)) {
        result.excluded++;
        continue;
      }
      result.wrong++;
      result.wrongCells.push({ path, label: undefined, read });
    }
  }
  result.wrongCells.sort((a, b) => byTemplateOrder(a.path, b.path));
  result.missingCells.sort(byTemplateOrder);
  return result;
}
