/**
 * Hover titles for the figures of a report's tables. A figure cell carries only its value
 * (`data-value`) and, when the report prints it, a link to its source line (`#L<n>`); its row and
 * column are the table's headers, which screen readers already announce, and the page's note says
 * how to read the links. With JavaScript, pointing at a cell shows "row·column (source line n)"
 * as a tooltip, built from those headers when first pointed at, so that the page does not carry
 * some 200 `title` attributes.
 */
import type { Lang } from '../lib/i18n/index.ts';

/**
 * The tooltip's words, the same as the dictionaries' `notInReport` and `line` (a test holds them
 * equal): importing the dictionaries would put every interface string of both languages in this script.
 */
export const FIGURE_WORDS = {
  zh: { notInReport: '报告中没有此数', line: (n: number) => `原文第 ${n} 行` },
  en: { notInReport: 'not in the report', line: (n: number) => `source line ${n}` },
} as const satisfies Record<Lang, { notInReport: string; line: (n: number) => string }>;

/** Returns the text of a header cell, whitespace collapsed. */
function textOf(cell: Element): string {
  return (cell.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Returns a whole-number attribute (colspan, rowspan), at least 1. */
function spanOf(cell: Element, name: 'colspan' | 'rowspan'): number {
  const n = Number(cell.getAttribute(name) ?? 1);
  return Number.isInteger(n) && n > 1 ? n : 1;
}

/**
 * Returns the header rows that label a body row's columns: the table's `<thead>` rows, else the
 * nearest row above it that holds column headers (a table that repeats its header in the body).
 */
function headerRowsOf(row: HTMLTableRowElement): Element[] {
  const table = row.closest('table');
  const head = table?.querySelector('thead');
  if (head) return [...head.querySelectorAll('tr')];
  for (let r = row.previousElementSibling; r; r = r.previousElementSibling) {
    if (r.querySelector('th[scope="col"]')) return [r];
  }
  return [];
}

/**
 * Returns the column labels of header rows by grid column, the lowest header row's label winning
 * (a cell spanning rows labels the rows below it too).
 */
function columnLabels(rows: readonly Element[]): string[] {
  const grid: (string | undefined)[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let col = 0;
    for (const cell of row.children) {
      while (grid[r]![col] !== undefined) col++;
      const width = spanOf(cell, 'colspan');
      const height = spanOf(cell, 'rowspan');
      for (let dr = 0; dr < height && r + dr < rows.length; dr++) for (let dc = 0; dc < width; dc++) grid[r + dr]![col + dc] = textOf(cell);
      col += width;
    }
  });
  return grid.at(-1)?.map((l) => l ?? '') ?? [];
}

/** Returns the grid column of a cell in its row (cells before it, counted by colspan). */
function columnOf(cell: Element): number {
  let col = 0;
  for (let c = cell.previousElementSibling; c; c = c.previousElementSibling) col += spanOf(c, 'colspan');
  return col;
}

/**
 * Returns the tooltip of a figure cell: "row·column (source line n)", "row·column: not in the
 * report" for an absent figure, in the page's language; null when the cell is not in a table row.
 */
export function describeFigureCell(cell: Element, lang: Lang): string | null {
  const row = cell.parentElement as HTMLTableRowElement | null;
  if (!row || row.tagName !== 'TR') return null;
  const ui = FIGURE_WORDS[lang];
  const rowHead = row.querySelector('th[scope="row"]');
  const column = columnLabels(headerRowsOf(row))[columnOf(cell)];
  const label = [rowHead ? textOf(rowHead) : '', column ?? ''].filter(Boolean).join('·');
  if (cell.getAttribute('data-value') === '') return `${label}: ${ui.notInReport}`;
  // The link may lead to another page's text (the English report links to the Chinese one).
  const line = /#L(\d+)$/.exec(cell.querySelector('a')?.getAttribute('href') ?? '')?.[1];
  return line ? `${label} (${ui.line(Number(line))})` : label;
}

/** Gives each figure cell of the page (`td[data-value]`) its tooltip when first pointed at. */
export function addFigureTitles(doc: Document): void {
  // A page may run this more than once (two tables loading it): one listener is enough.
  if (doc.documentElement.hasAttribute('data-figure-titles')) return;
  doc.documentElement.setAttribute('data-figure-titles', '');
  const lang: Lang = doc.documentElement.lang.startsWith('en') ? 'en' : 'zh';
  doc.addEventListener('pointerover', (event) => {
    const cell = (event.target as Element | null)?.closest?.('td[data-value]');
    if (!cell || cell.hasAttribute('title')) return;
    const title = describeFigureCell(cell, lang);
    if (title) cell.setAttribute('title', title);
  });
}
