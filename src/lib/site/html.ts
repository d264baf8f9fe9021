/**
 * Small HTML builders for the hottest markup (table figures, source-text lines): plain strings are
 * much faster to render than a component per cell, which matters at tens of thousands of pages.
 * Everything interpolated is escaped here.
 */
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
}

/** Returns the `<td>` of one figure. */
export function renderFigureCell({ value, line, failing = false, label, lang = 'zh' }: FigureCellProps): string {
  const ui = UI[lang];
  const classes = ['num', value === null ? 'absent' : '', failing ? 'failing' : ''].filter(Boolean).join(' ');
  const title = value === null ? `${label}: ${ui.notInReport}` : `${label}${line ? ` (${ui.line(line)})` : ''}`;
  const body = value === null ? `<span aria-label="${escapeHtml(ui.absent)}">—</span>` : line ? `<a href="#L${line}">${formatCount(value)}</a>` : formatCount(value);
  return `<td class="${classes}" data-value="${value === null ? '' : value}" title="${escapeHtml(title)}">${body}</td>`;
}

/** Returns the numbered lines of a report's text as `<li id="L<n>">` items (blank lines kept). */
export function renderSourceLines(lines: readonly string[]): string {
  return lines.map((line, i) => `<li id="L${i + 1}">${line ? escapeHtml(line) : '&nbsp;'}</li>`).join('');
}
