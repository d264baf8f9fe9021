/**
 * Reading table B (requests received and handled) by the template's row labels. The cells are walked
 * in reading order whatever the layout: a cell that names a template row opens that row, the numeric
 * and blank cells after it are its values (left to right: the six applicant columns, then 总计), and
 * the next text cell closes it. Labels broken over lines or cells continue the open row until its
 * first value.
 */
import { REQUEST_COLUMNS, REQUEST_ROWS, type RequestRowKey } from '../../template.ts';
import type { Requests, RequestRow } from '../../schema/report.ts';
import type { Cell, Row } from './cells.ts';
import { createMessage, type Message } from '../../schema/message.ts';
import { canonicalLabel } from '../normalize.ts';
import { parseCellNumber } from '../numbers.ts';

/** Result of reading table B. */
export interface RequestsReading {
  requests: Requests;
  /** Row keys found, in the order they were read. */
  rowsFound: RequestRowKey[];
  /** Source line per cell path (`requests.<row>.<col>`). */
  provenance: Record<string, number>;
  messages: Message[];
  /** True when a 2019-only row (the single （六）其他处理 row) carried values. */
  has2019Rows: boolean;
}

type Matcher = { key: RequestRowKey; test: RegExp };

// Distinctive words of each row label, tested on the canonical label (no spaces, half-width).
const MATCHERS: Matcher[] = [
  { key: 'newReceived', test: /本年新收/ },
  { key: 'carriedOver', test: /上年结转/ },
  { key: 'granted', test: /予以公开/ },
  { key: 'partiallyGranted', test: /部分公开/ },
  { key: 'withheldStateSecret', test: /国家秘密/ },
  { key: 'withheldLawProhibited', test: /禁止公开/ },
  { key: 'withheldSecurityStability', test: /三安全一稳定/ },
  { key: 'withheldThirdParty', test: /保护第三方/ },
  { key: 'withheldInternalAffairs', test: /内部事务/ },
  { key: 'withheldProcessInfo', test: /过程性信息/ },
  { key: 'withheldEnforcementFile', test: /执法案卷/ },
  { key: 'withheldAdminQuery', test: /行政查询/ },
  { key: 'unavailableNotHeld', test: /不掌握/ },
  { key: 'unavailableNeedsCreation', test: /另行制作/ },
  { key: 'unavailableUnclear', test: /仍不明确/ },
  { key: 'notProcessedComplaint', test: /信访|举报投诉/ },
  { key: 'notProcessedDuplicate', test: /重复申请/ },
  { key: 'notProcessedPublication', test: /公开出版物/ },
  { key: 'notProcessedExcessive', test: /大量反复/ },
  { key: 'notProcessedConfirmation', test: /确认或重新/ },
  { key: 'otherNoCorrection', test: /逾期不补正/ },
  { key: 'otherUnpaidFee', test: /缴纳费用|收费通知/ },
  { key: 'carriedForward', test: /结转下年/ },
];

const COLS = REQUEST_COLUMNS.length;

/**
 * The provenance key of every cell (`requests.<row>.<column>`), made once: building the strings per
 * report, then looking them up as property names, was a tenth of the table's reading time.
 */
const PROVENANCE_KEYS = new Map(REQUEST_ROWS.map((r) => [r.key, REQUEST_COLUMNS.map((col) => `requests.${r.key}.${col}`)]));

/** Returns an empty table B: every cell null. */
export function createEmptyRequests(): Requests {
  const row = (): RequestRow => ({
    natural: null, commercial: null, research: null, nonprofit: null, legal: null, other: null, total: null,
  });
  return Object.fromEntries(REQUEST_ROWS.map((r) => [r.key, row()])) as Requests;
}

/** Returns the row key a label cell names, given the rows already seen, or null. */
function matchLabel(label: string, seen: ReadonlySet<RequestRowKey>): RequestRowKey | null {
  if (label.length > 60 || /[。；]$/.test(label)) return null; // prose, not a label
  if (/^\(六\)其他处理$|^六、?其他处理$/.test(label)) return 'otherHandling';
  if (/^3\.?其他$/.test(label) && (seen.has('otherNoCorrection') || seen.has('otherUnpaidFee') || seen.has('notProcessedConfirmation'))) {
    return 'otherOther';
  }
  if (/^\(七\)总计$|^七、?总计$/.test(label) || (label === '总计' && seen.has('granted'))) return 'total';
  for (const m of MATCHERS) if (m.test.test(label)) return m.key;
  return null;
}

/** Returns the row key a canonical label names, given the rows already seen, or null. */
export function matchRequestLabel(label: string, seen: ReadonlySet<RequestRowKey>): RequestRowKey | null {
  return matchLabel(label, seen);
}

/** True when a canonical label names a row of table B (any row, 3.其他 and 总计 included). */
export function isRequestRowLabel(label: string): boolean {
  return matchLabel(label, new Set<RequestRowKey>(['granted', 'notProcessedConfirmation'])) !== null;
}

/** Returns table B read from the rows of section 三. */
export function readRequestsTable(rows: readonly Row[]): RequestsReading {
  const requests = createEmptyRequests();
  const provenance: Record<string, number> = {};
  const messages: Message[] = [];
  const rowsFound: RequestRowKey[] = [];
  const seen = new Set<RequestRowKey>();
  let has2019Rows = false;

  let open: RequestRowKey | null = null;
  let values: Cell[] = [];

  const close = () => {
    if (!open) return;
    const key = open;
    open = null;
    const { cells, extra } = fitCells(values, COLS);
    const short = values.filter((c) => c.text !== '').length < COLS && values.length < COLS;
    values = [];
    if (!cells.some((c) => c && c.text !== '')) {
      // A label with no figures: a group heading such as （六）其他处理 in the 2021 edition.
      return;
    }
    if (seen.has(key)) {
      messages.push(createMessage('requestsRowTwice', { row: key }));
      return;
    }
    seen.add(key);
    const shifted = short ? readsShifted(cells) : false;
    if (shifted) {
      // Fewer figures than columns, and they balance only when placed to the right: the blank
      // cells were lost before them (a PDF's empty first cell), and reading them from the left
      // would put each figure one column off. Which column each belongs to is not certain.
      messages.push(createMessage('requestsRowMisaligned', { row: key, count: cells.filter((c) => c && c.text !== '').length }));
      return;
    }
    rowsFound.push(key);
    if (key === 'otherHandling') has2019Rows = true;
    const keys = PROVENANCE_KEYS.get(key)!;
    REQUEST_COLUMNS.forEach((col, i) => {
      const cell = cells[i];
      const n = cell ? parseCellNumber(cell.text) : null;
      requests[key][col] = n;
      if (n !== null && cell) provenance[keys[i]!] = cell.line;
    });
    if (extra) messages.push(createMessage('requestsExtraCells', { row: key, count: extra }));
  };

  for (const row of rows) {
    for (const cell of row.cells) {
      const isValue = cell.text === '' || parseCellNumber(cell.text) !== null;
      if (isValue) {
        if (open) values.push(cell);
        continue;
      }
      const key = matchLabel(canonicalLabel(cell.text), seen);
      if (key) {
        close();
        open = key;
        values = [];
        continue;
      }
      if (open && !values.some((c) => c.text !== '')) continue; // label continued in the next cell
      close();
    }
  }
  close();
  return { requests, rowsFound, provenance, messages, has2019Rows };
}

/**
 * True when a short row's figures (read from the left, the total column empty) add up only when
 * placed against the right edge: the last figure is the sum of the others, so it is the 总计 and
 * every figure sits one or more columns to the right of where the left reading puts it.
 */
function readsShifted(cells: readonly (Cell | undefined)[]): boolean {
  const numbers = cells.map((c) => (c && c.text !== '' ? parseCellNumber(c.text) : null));
  if (numbers[COLS - 1] !== null) return false;
  const present = numbers.filter((n): n is number => n !== null);
  if (present.length < 2) return false;
  const last = present[present.length - 1]!;
  const sum = present.slice(0, -1).reduce((a, b) => a + b, 0);
  return last > 0 && sum === last;
}

/**
 * Returns exactly `n` cells (or undefined), and how many non-blank cells were left over, from the cells after a label: trailing blanks dropped;
 * leading blanks dropped while there are more than `n` (they come from merged label columns);
 * the rest positional, so a blank inside a row stays a blank.
 */
export function fitCells(cells: readonly Cell[], n: number): { cells: (Cell | undefined)[]; extra: number } {
  const list = [...cells];
  while (list.length && list[list.length - 1]!.text === '') list.pop();
  while (list.length > n && list[0]!.text === '') list.shift();
  // A loop: Array.from of an array-like object was most of this function's time.
  const fitted: (Cell | undefined)[] = [];
  for (let i = 0; i < n; i++) fitted.push(list[i]);
  return { cells: fitted, extra: list.slice(n).filter((c) => c.text !== '').length };
}

