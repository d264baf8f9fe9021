/**
 * Turning a flattened table back into rows of cells. Three layouts reach us as text:
 * - GFM pipe tables (`| a | b |`), one row per line;
 * - tab-separated rows (PDF converters), one row per line, blank cells kept;
 * - cell per line (Word converters): every cell on its own line behind a tab, a blank line between
 *   rows, and a cell's text continued on following lines that have no tab.
 * The readers then walk the cells by the template's labels, so they need not know the layout.
 */
import { cleanCell } from '../normalize.ts';

export interface Cell {
  /** Cell text, markers and padding removed (may be empty: a blank cell). */
  text: string;
  /** 1-based source line of the cell's first line. */
  line: number;
}

export interface Row {
  cells: Cell[];
  layout: 'gfm' | 'tabs' | 'cells' | 'text';
}

const GFM_RULE = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/**
 * Returns the rows of the lines [start, end) of `lines` (0-based indexes; cells carry 1-based
 * source lines).
 */
export function readRows(lines: readonly string[], start: number, end: number): Row[] {
  const rows: Row[] = [];
  let open: Row | null = null; // the cell-per-line row being filled
  for (let i = start; i < end; i++) {
    const raw = lines[i]!;
    const lineNo = i + 1;
    if (raw.trim() === '' && !raw.includes('\t')) {
      open = null;
      continue;
    }
    const trimmed = raw.trim();
    if (trimmed.startsWith('|')) {
      open = null;
      if (GFM_RULE.test(trimmed)) continue;
      const parts = trimmed.replace(/^\|/, '').replace(/\|$/, '').split('|');
      rows.push({ layout: 'gfm', cells: parts.map((p) => ({ text: cleanCell(p), line: lineNo })) });
      continue;
    }
    const tabs = countTabs(raw);
    const singleCell = tabs === 1 && /^[ \u3000]*\t/.test(raw);
    if (singleCell) {
      const cell = { text: cleanCell(raw), line: lineNo };
      if (!open) {
        open = { layout: 'cells', cells: [] };
        rows.push(open);
      }
      open.cells.push(cell);
      continue;
    }
    if (tabs > 0) {
      open = null;
      rows.push({ layout: 'tabs', cells: raw.split('\t').map((p) => ({ text: cleanCell(p), line: lineNo })) });
      continue;
    }
    const last = open?.cells[open.cells.length - 1];
    if (last && isWords(last.text) && isWords(cleanCell(raw))) {
      // A cell's text continued on a line of its own ("5.要求行政机关确认或重新" / "出具已获取信息").
      // Only words join: digits glued to a figure ("28" + "12") would make a number never printed.
      last.text = last.text + cleanCell(raw);
      continue;
    }
    open = null;
    rows.push({ layout: 'text', cells: [{ text: cleanCell(raw), line: lineNo }] });
  }
  return rows;
}

/** True for text that is not blank and not made of digits and signs only (a label, not a figure). */
function isWords(text: string): boolean {
  return !/^[\s\d.,+\-−－０-９]*$/.test(text);
}

/** Returns how many tabs `line` holds (without the array of matches a global match makes). */
function countTabs(line: string): number {
  let n = 0;
  for (let i = line.indexOf('\t'); i !== -1; i = line.indexOf('\t', i + 1)) n++;
  return n;
}
