/**
 * Small HTML builders for the hottest markup (table figures, source-text lines): plain strings are
 * much faster to render than a component per cell, which matters at tens of thousands of pages.
 * Everything interpolated is escaped here.
 */
import type { ShownLine } from './bounds.ts';
import { formatCount } from './format.ts';
import { dictionary, type Lang } from '../i18n/index.ts';

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
  /** The page that shows the source text, when it is another page (the English report links to the Chinese one). */
  sourcePage?: string;
}

/** Returns the `<td>` of one figure. */
export function renderFigureCell({ value, line, failing = false, label, lang = 'zh', sourcePage = '' }: FigureCellProps): string {
  const ui = dictionary(lang);
  const classes = ['num', value === null ? 'absent' : '', failing ? 'failing' : ''].filter(Boolean).join(' ');
  const title = value === null ? `${label}: ${ui.notInReport}` : `${label}${line ? ` (${ui.line(line)})` : ''}`;
  const body = value === null ? `<span aria-label="${escapeHtml(ui.absent)}">—</span>` : line ? `<a href="${escapeHtml(sourcePage)}#L${line}">${formatCount(value)}</a>` : formatCount(value);
  return `<td class="${classes}" data-value="${value === null ? '' : value}" title="${escapeHtml(title)}">${body}</td>`;
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
