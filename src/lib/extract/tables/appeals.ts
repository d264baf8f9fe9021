/**
 * Reading table C (administrative review and litigation): fifteen figures in template order
 * (行政复议, 未经复议直接起诉, 复议后起诉; each 维持/纠正/其他/尚未审结/总计). The header is text; the figures
 * are read by the group labels above them, and within a group by position, so that a blank cell stays
 * blank (the five blank review cells of a PDF row must not shift the litigation figures left).
 */
import { APPEAL_GROUPS, APPEAL_OUTCOMES, type AppealGroup } from '../../template.ts';
import type { Appeals } from '../../schema/report.ts';
import type { Cell, Row } from './cells.ts';
import { createMessage, type Message } from '../../schema/message.ts';
import { parseCellNumber } from '../numbers.ts';

export interface AppealsReading {
  appeals: Appeals;
  /** How many of the 15 cells hold a number. */
  found: number;
  provenance: Record<string, number>;
  messages: Message[];
}

const CELLS = APPEAL_GROUPS.length * APPEAL_OUTCOMES.length;

/** Returns table C with every cell null. */
export function createEmptyAppeals(): Appeals {
  const group = () => ({ upheld: null, corrected: null, other: null, pending: null, total: null });
  return { review: group(), litigationDirect: group(), litigationAfterReview: group() };
}

const isValue = (c: Cell) => c.text === '' || parseCellNumber(c.text) !== null;

/** A run of figures and the header text (labels, column heads) printed before it. */
interface Block {
  header: string;
  cells: Cell[];
}

/**
 * A line of prose in section 四 (本年度未发生…行政复议的情况。) is not a label of the table: it has
 * sentence punctuation, or more than 30 characters besides the spaces (a header row of a converter's
 * text may be spaced out to its columns' width).
 */
const PROSE = /[。；，,;]|[^\s](?:\s*[^\s]){30}/;

/**
 * Returns the runs of figures of section 四, each with the header text before it. Blank cells
 * between header cells (merged heads) belong to the header; in a row layout a header row's
 * trailing blanks are not figures.
 */
function listBlocks(rows: readonly Row[]): Block[] {
  const blocks: Block[] = [];
  let header = '';
  let cells: Cell[] = [];
  const hasNumber = (list: readonly Cell[]) => list.some((c) => c.text !== '');
  const close = () => {
    while (cells.length && cells[cells.length - 1]!.text === '') cells.pop();
    if (hasNumber(cells)) blocks.push({ header, cells });
    if (hasNumber(cells)) header = '';
    cells = [];
  };
  for (const row of rows) {
    if (row.layout === 'text') {
      const text = row.cells[0]?.text ?? '';
      if (!text || PROSE.test(text)) continue;
      close();
      header += text;
      continue;
    }
    let lastText = -1;
    row.cells.forEach((c, i) => {
      if (!isValue(c)) lastText = i;
    });
    if (lastText < 0) {
      cells.push(...row.cells);
      continue;
    }
    close();
    header += row.cells.slice(0, lastText + 1).map((c) => c.text).join('');
    const after = row.cells.slice(lastText + 1);
    // Figures in the header's own row: a cell-per-line row, or a label followed by its figures.
    if (row.layout === 'cells' || hasNumber(after)) cells.push(...after);
  }
  close();
  return blocks;
}

/**
 * Returns the groups a header names, in template order: 行政复议 (review), 未经复议直接起诉,
 * 复议后起诉; a bare 行政诉讼 stands for both litigation groups.
 */
function listNamedGroups(header: string): AppealGroup[] {
  const h = header.replace(/\s+/g, '');
  const review = h.includes('行政复议');
  const direct = h.includes('直接起诉');
  const after = h.includes('复议后起诉');
  const litigation = h.includes('行政诉讼');
  const groups: AppealGroup[] = [];
  if (review) groups.push('review');
  if (direct || (litigation && !after)) groups.push('litigationDirect');
  if (after || (litigation && !direct)) groups.push('litigationAfterReview');
  return groups;
}

/**
 * Returns table C read from the rows of section 四. The figures are read by the group labels
 * printed above or in them: one table of fifteen (行政复议 · 行政诉讼: 未经复议直接起诉, 复议后起诉),
 * or converters' pieces of it — three small tables, or 行政复议 and 行政诉讼 apart — each placed by
 * its own label, never by its position in the section. Within a piece, a blank cell stays blank.
 * One run of more than five figures under headers that name no group is the whole table in
 * template order.
 */
export function readAppealsTable(rows: readonly Row[]): AppealsReading {
  const appeals = createEmptyAppeals();
  const provenance: Record<string, number> = {};
  const messages: Message[] = [];
  const blocks = listBlocks(rows);
  if (!blocks.length) return { appeals, found: 0, provenance, messages };

  const filled = new Set<AppealGroup>();
  let found = 0;
  for (const block of blocks) {
    let groups = listNamedGroups(block.header);
    // The whole table under heads that name no group (a crawler dropped them): more than one group's
    // figures, in template order. Five figures alone could be any group's.
    if (!groups.length && blocks.length === 1 && block.cells.length > APPEAL_OUTCOMES.length) groups = [...APPEAL_GROUPS];
    if (!groups.length) {
      messages.push(createMessage('appealsUnlabelled', { line: block.cells[0]!.line }));
      continue;
    }
    if (groups.some((g) => filled.has(g))) {
      messages.push(createMessage('appealsGroupTwice', { groups, line: block.cells[0]!.line }));
      continue;
    }
    groups.forEach((group, g) => {
      filled.add(group);
      APPEAL_OUTCOMES.forEach((outcome, o) => {
        const cell = block.cells[g * APPEAL_OUTCOMES.length + o];
        const n = cell ? parseCellNumber(cell.text) : null;
        appeals[group][outcome] = n;
        if (n !== null && cell) {
          provenance[`appeals.${group}.${outcome}`] = cell.line;
          found++;
        }
      });
    });
    const width = groups.length * APPEAL_OUTCOMES.length;
    const extra = block.cells.slice(width).filter((c) => c.text !== '').length;
    if (extra) messages.push(createMessage('appealsExtraCells', { count: extra, line: block.cells[width]!.line }));
  }
  if (found > 0 && found < CELLS) messages.push(createMessage('appealsBlank', { count: CELLS - found }));
  return { appeals, found, provenance, messages };
}
