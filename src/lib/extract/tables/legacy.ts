/**
 * Reading the older statistics table of reports before the 2019 template (指标名称 / 计量单位 /
 * 本年 / 历年累计) from rows of cells, whatever the layout (a web page's table, Word cells, tab rows,
 * a crawled table laid out by crawled-legacy.ts). The columns are found from the header row (either
 * figure column may be absent), the rows by their labels (legacy-template.ts). Pure.
 */
import type { Legacy, TableStatus } from '../../schema/report.ts';
import { LEGACY_COLUMNS, LEGACY_KEYS, matchLegacyLabel, type LegacyColumn, type LegacyKey } from '../../template-legacy.ts';
import type { Cell, Row } from './cells.ts';
import { createMessage, type Message } from '../../schema/message.ts';
import { parseCellNumber, parseYuan } from '../numbers.ts';

/** What the older table of a report gives. */
export interface LegacyReading {
  /** Every row's figures, in the row's unit; null where the table prints no such row or no figure. */
  legacy: Legacy;
  /** The rows the table prints (their label recognised), in printed order. */
  rowsFound: LegacyKey[];
  /** The header of each figure column as printed ("2016年度", "历年累计"), or null when the table has no such column. */
  columns: Record<LegacyColumn, string | null>;
  /** `legacy.<key>.<column>` → 1-based source line, for every figure read. */
  provenance: Record<string, number>;
  /** 1-based source lines of the header and of the rows read as the table's: the readers of tables 二–四 leave them alone. */
  lines: ReadonlySet<number>;
  /** complete: every printed row read in every column the header has; partial: some figure or row was not. */
  status: Exclude<TableStatus, 'absent'>;
  messages: Message[];
}

const HEADER_HINT = /指[\s\u00a0\u3000]*标[\s\u00a0\u3000]*名[\s\u00a0\u3000]*称/;

/** True when the text may hold the older table: it prints 指标名称 (the header's first column). */
export function mayHoldLegacyTable(text: string): boolean {
  return HEADER_HINT.test(text);
}

/** Returns every row with both figures null. */
export function createEmptyLegacy(): Legacy {
  return Object.fromEntries(LEGACY_KEYS.map((k) => [k, { year: null, cumulative: null }])) as Legacy;
}

/** Returns a cell's text without spaces, full-width forms folded. */
function squeeze(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u00a0\u3000]+/g, '');
}

/** True for the text of the 本年 column's header: 本年, 本年度, 2016年度, 2016年, 年末统计, 本期. */
export function isYearColumnHeader(text: string): boolean {
  return /^(?:本年度?|本期|本年统计|年末统计|年度统计|\d{4}年度?|\d{4}年末统计)$/.test(squeeze(text));
}

/** True for the text of the 历年累计 column's header. */
export function isCumulativeColumnHeader(text: string): boolean {
  return /^(?:历年)?累计(?:数)?$/.test(squeeze(text));
}

interface Header {
  index: number;
  label: number;
  unit: number | null;
  year: number | null;
  cumulative: number | null;
  cells: Cell[];
}

/** Returns the table's header row (指标名称 … 计量单位 …) and where its columns are, or null. */
function findHeader(rows: readonly Row[]): Header | null {
  for (let index = 0; index < rows.length; index++) {
    const cells = rows[index]!.cells;
    if (cells.length < 2) continue;
    const texts = cells.map((c) => squeeze(c.text));
    const label = texts.findIndex((t) => t === '指标名称' || t === '指标');
    if (label < 0) continue;
    const at = (test: (t: string) => boolean) => {
      const i = texts.findIndex((t, j) => j !== label && test(t));
      return i < 0 ? null : i;
    };
    const unit = at((t) => t === '计量单位' || t === '单位');
    const year = at(isYearColumnHeader);
    const cumulative = at(isCumulativeColumnHeader);
    if (unit === null && year === null && cumulative === null) continue;
    return { index, label, unit, year, cumulative, cells };
  }
  return null;
}

/** Returns a figure cell's value in the row's unit (万元 → 元), or null when it holds no number. */
function readFigure(text: string, unit: string): number | null {
  const n = parseCellNumber(text);
  if (n === null) return null;
  return unit === '万元' ? parseYuan(`${text.trim()}万元`) : n;
}

/**
 * Returns what the older statistics table of these rows holds, or null when there is none (no row
 * is its header: 指标名称 with 计量单位 or a figure column). The table runs from its header to the
 * first row that is a line of prose or another header. `reportYear`: the year the report is for,
 * to say when the 本年 column's header names another.
 */
export function readLegacyTable(rows: readonly Row[], reportYear: number | null): LegacyReading | null {
  const header = findHeader(rows);
  if (!header) return null;
  const legacy = createEmptyLegacy();
  const rowsFound: LegacyKey[] = [];
  const provenance: Record<string, number> = {};
  const messages: Message[] = [];
  const columns: Record<LegacyColumn, string | null> = {
    year: header.year === null ? null : header.cells[header.year]!.text,
    cumulative: header.cumulative === null ? null : header.cells[header.cumulative]!.text,
  };
  const printedYear = columns.year ? /(\d{4})年/.exec(squeeze(columns.year))?.[1] : undefined;
  // A 本年 column headed with another year may hold that year's figures: which year they count is
  // not known, so none of them is read as the report's.
  const otherYear = printedYear !== undefined && reportYear !== null && Number(printedYear) !== reportYear;
  if (otherYear) messages.push(createMessage('legacyYearDiffers', { header: columns.year ?? '', year: reportYear }));
  const figureColumns = LEGACY_COLUMNS.filter((c) => header[c] !== null && !(c === 'year' && otherYear));
  let complete = figureColumns.length > 0 && !otherYear;
  const lines = new Set(header.cells.map((c) => c.line));
  for (const row of rows.slice(header.index + 1)) {
    if (row.layout === 'text') break;
    if (findHeader([row])) break;
    const labelCell = row.cells[header.label];
    if (!labelCell || !labelCell.text) continue;
    const spec = matchLegacyLabel(labelCell.text);
    if (!spec) {
      messages.push(createMessage('legacyUnknownRow', { label: labelCell.text }));
      complete = false;
      continue;
    }
    if (rowsFound.includes(spec.key)) {
      messages.push(createMessage('legacyRowTwice', { label: labelCell.text }));
      complete = false;
      continue;
    }
    rowsFound.push(spec.key);
    for (const cell of row.cells) lines.add(cell.line);
    const unit = header.unit === null ? '' : squeeze(row.cells[header.unit]?.text ?? '');
    for (const column of figureColumns) {
      const cell = row.cells[header[column]!];
      const value = cell ? readFigure(cell.text, unit) : null;
      if (value === null) {
        complete = false;
        if (cell?.text) messages.push(createMessage('legacyNotNumber', { label: labelCell.text, column, text: cell.text }));
        continue;
      }
      legacy[spec.key][column] = value;
      provenance[`legacy.${spec.key}.${column}`] = cell!.line;
    }
  }
  return { legacy, rowsFound, columns, provenance, lines, status: complete && rowsFound.length > 0 ? 'complete' : 'partial', messages };
}
