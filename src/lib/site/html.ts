/**
 * Small HTML builders for the hottest markup (table figures, source-text lines): plain strings are
 * much faster to render than a component per cell, which matters at tens of thousands of pages.
 * Everything interpolated is escaped here.
 */
import type { AppliedCorrection } from '../schema/report.ts';
import type { ShownLine } from './bounds.ts';
import { formatCount } from './format.ts';
import { dictionary, type Lang } from '../i18n/index.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Returns text with the five HTML-significant characters escaped, safe in content and attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * A table figure: the number linked to its source line, or — when absent; outlined when failing.
 * Its row and column are the table's headers; with JavaScript a hover title names them and the
 * line (src/client/figure-titles.ts), so that the cell itself carries no `title`: a report page
 * has some 200 figures, and their titles were nearly a third of its bytes.
 */
export interface FigureCellProps {
  value: number | null;
  /** 1-based source line, when known. */
  line?: number;
  failing?: boolean;
  lang?: Lang;
  /** The cell's correction (content/corrections.csv), when a person corrected the figure read. */
  correction?: AppliedCorrection;
  /** The page that shows the source text, when it is another page (the English report links to the Chinese one). */
  sourcePage?: string;
}

/** Returns the id of a correction's note on a report page (the list under the tables). */
export function correctionAnchor(cell: string): string {
  return `correction-${cell.replaceAll('.', '-')}`;
}

/**
 * Returns the `<td>` of one figure: `data-value` holds the figure (empty when absent), the link its
 * source line; a corrected figure also holds the value read (`data-value-read`) and a mark whose
 * title and label give the reason, leading to the correction's note under the tables.
 */
export function renderFigureCell({ value, line, failing = false, lang = 'zh', correction, sourcePage = '' }: FigureCellProps): string {
  const ui = dictionary(lang);
  // Built as a string: a report page has some 200 figures, and an array per figure showed in profiles.
  let classes = 'num';
  if (value === null) classes += ' absent';
  if (failing) classes += ' failing';
  if (correction) classes += ' corrected';
  let body = value === null ? `<span aria-label="${escapeHtml(ui.absent)}">—</span>` : line ? `<a href="${escapeHtml(sourcePage)}#L${line}">${formatCount(value)}</a>` : formatCount(value);
  if (correction) {
    const note = ui.correctedNote(formatCount(correction.read), correction.reason, correction.source);
    body += `<a class="corrected-mark" href="#${correctionAnchor(correction.cell)}" title="${escapeHtml(note)}" aria-label="${escapeHtml(note)}">${ui.correctedMark}</a>`;
  }
  const read = correction ? ` data-value-read="${correction.read === null ? '' : correction.read}"` : '';
  return `<td class="${classes}" data-value="${value === null ? '' : value}"${read}>${body}</td>`;
}

/**
 * Returns the numbered lines of a report's text as `<li id="L<n>">` items of an `<ol>` (blank lines
 * kept): the lines a page shows (boundSourceLines), with a `…` item where lines are left out and
 * the number of the line after it given (`value`); a line cut short ends in `…`.
 */
export function renderSourceLines(lines: readonly ShownLine[]): string {
  let out = '';
  let previous = 0;
  for (const { n, text, cut } of lines) {
    const after = n === previous + 1;
    if (!after) out += '<li class="gap" aria-hidden="true">…</li>';
    out += `<li id="L${n}"${after ? '' : ` value="${n}"`}>${text ? escapeHtml(text) : '&nbsp;'}${cut ? '…' : ''}</li>`;
    previous = n;
  }
  return out;
}
