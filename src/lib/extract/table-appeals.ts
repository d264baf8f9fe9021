/**
 * Reading table C (administrative review and litigation): fifteen figures in template order
 * (行政复议, 未经复议直接起诉, 复议后起诉; each 维持/纠正/其他/尚未审结/总计). The header is text; the figures
 * are the cells after the last header cell, read by position so that a blank cell stays blank
 * (the five blank review cells of a PDF row must not shift the litigation figures left).
 */
import { APPEAL_GROUPS, APPEAL_OUTCOMES } from '../template.ts';
import type { Appeals } from '../schema/report.ts';
import type { Cell, Row } from './cells.ts';
import { parseCellNumber } from './numbers.ts';

export interface AppealsReading {
  appeals: Appeals;
  /** How many of the 15 cells hold a number. */
  found: number;
  provenance: Record<string, number>;
  messages: string[];
}

const CELLS = APPEAL_GROUPS.length * APPEAL_OUTCOMES.length;

/** Returns table C with every cell null. */
export function createEmptyAppeals(): Appeals {
  const group = () => ({ upheld: null, corrected: null, other: null, pending: null, total: null });
  return { review: group(), litigationDirect: group(), litigationAfterReview: group() };
}

const isValue = (c: Cell) => c.text === '' || parseCellNumber(c.text) !== null;

/** Returns table C read from the table rows of section 四. */
export function readAppealsTable(rows: readonly Row[]): AppealsReading {
  const appeals = createEmptyAppeals();
  const provenance: Record<string, number> = {};
  const messages: string[] = [];
  const tableRows = rows.filter((r) => r.layout !== 'text');

  // Find the last header (text) cell; the figures follow it.
  let lastRow = -1;
  let lastCell = -1;
  tableRows.forEach((row, r) =>
    row.cells.forEach((cell, c) => {
      if (!isValue(cell)) {
        lastRow = r;
        lastCell = c;
      }
    }),
  );
  if (lastRow < 0) return { appeals, found: 0, provenance, messages };

  const header = tableRows[lastRow]!;
  // In a cell-per-line row the figures may continue the header's row; in a row layout they start
  // on the next row, aligned with the header's columns.
  const data: Cell[] = header.layout === 'cells' ? header.cells.slice(lastCell + 1) : [];
  for (const row of tableRows.slice(lastRow + 1)) data.push(...row.cells);
  while (data.length && data[data.length - 1]!.text === '') data.pop();

  let found = 0;
  APPEAL_GROUPS.forEach((group, g) =>
    APPEAL_OUTCOMES.forEach((outcome, o) => {
      const cell = data[g * APPEAL_OUTCOMES.length + o];
      const n = cell ? parseCellNumber(cell.text) : null;
      appeals[group][outcome] = n;
      if (n !== null && cell) {
        provenance[`appeals.${group}.${outcome}`] = cell.line;
        found++;
      }
    }),
  );
  const extra = data.slice(CELLS).filter((c) => c.text !== '').length;
  if (extra) messages.push(`表四多出 ${extra} 个数字单元格（第 ${data[CELLS]!.line} 行），已忽略`);
  if (found > 0 && found < CELLS) messages.push(`表四 15 个单元格中有 ${CELLS - found} 个为空`);
  return { appeals, found, provenance, messages };
}
