/**
 * Small HTML builders for the hottest markup (table figures, source-text lines): plain strings are
 * much faster to render than a component per cell, which matters at tens of thousands of pages.
 * Everything interpolated is escaped here.
 */
import type { AppliedCorrection } from '../schema/report.ts';
import type { ShownLine } from './bounds.ts';
import { formatCount } from './format.ts';
import { UI, type Lang } from './i18n.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Returns text with the five HTML-significant characters escaped, safe in content and attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A table figure: the number linked to its source line, or — when absent; outlined when failing. */
export interface FigureCellProps {
  value: number | null;
  /** 1-based source line, when known. */
  line?: number;
  failing?: boolean;
  /** What the cell is, for the tooltip and screen readers. */
  label: string;
  lang?: Lang;
  /** The cell's correction (content/corrections.csv), when a person corrected the figure read. */
  correction?: AppliedCorrection;
}

/** Returns the id of a correction's note on a report page (the list under the tables). */
export function correctionAnchor(cell: string): string {
  return `correction-${cell.replaceAll('.', '-')}`;
}

/** Returns the `<td>` of one figure. */
export function renderFigureCell({ value, line, failing = false, label, lang = 'zh', correction }: FigureCellProps): string {
  const ui = UI[lang];
  const classes = ['num', value === null ? 'absent' : '', failing ? 'failing' : '', correction ? 'corrected' : ''].filter(Boolean).join(' ');
  let title = value === null ? `${label}: ${ui.notInReport}` : `${label}${line ? ` (${ui.line(line)})` : ''}`;
  let body = value === null ? `<span aria-label="${escapeHtml(ui.absent)}">—</span>` : line ? `<a href="#L${line}">${formatCount(value)}</a>` : formatCount(value);
  if (correction) {
    // The reason shows on hover (title) and on focus of the mark, which leads to the correction's note.
    const note = ui.correctedNote(formatCount(correction.read), correction.reason, correction.source);
    title += `; ${note}`;
    body += `<a class="corrected-mark" href="#${correctionAnchor(correction.cell)}" title="${escapeHtml(note)}" aria-label="${escapeHtml(note)}">${lang === 'en' ? '✎' : '更'}</a>`;
  }
  const read = correction ? ` data-value-read="${correction.read === null ? '' : correction.read}"` : '';
  return `<td class="${classes}" data-value="${value === null ? '' : value}"${read} title="${escapeHtml(title)}">${body}</td>`;
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
