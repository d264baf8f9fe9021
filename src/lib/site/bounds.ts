/**
 * What a report page holds at most, so that no report, however long its text, makes a page (or its
 * search index) grow with it: the report text shown under the tables, each prose section, and the
 * lines beyond the cut that figures link to. A text cut on the page is offered whole as a download
 * (`fullTextPath`, written by scripts/lib/downloads/write.ts). Pure.
 */
import type { ReportRecord } from '../schema/report.ts';

/** UTF-8 bytes of report text a report page shows at most: whole lines from the first, about 6 × the longest real report seen. */
export const PAGE_TEXT_BYTES = 100 * 1024;

/** UTF-8 bytes of one prose section (一, 五, 六) a report page shows, and the search index reads, at most. */
export const SECTION_BYTES = 16 * 1024;

/** UTF-8 bytes shown of a line beyond the cut that a figure links to (its table row or sentence). */
export const LINKED_LINE_BYTES = 256;

const encoder = new TextEncoder();

/** Returns the UTF-8 length of a text in bytes. */
export function countUtf8(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair: one character of four bytes. A lone surrogate is written as U+FFFD, three.
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Returns the longest start of `text` whose UTF-8 form fits in `maxBytes`, never splitting a character. */
export function cutUtf8(text: string, maxBytes: number): string {
  if (text.length * 3 <= maxBytes) return text;
  const { read } = encoder.encodeInto(text, new Uint8Array(maxBytes));
  return text.slice(0, read);
}

/** Returns whether a report text of this many bytes is cut on its page, and so offered whole as a download. */
export function isTextCut(bytes: number): boolean {
  return bytes > PAGE_TEXT_BYTES;
}

/** Returns the site path of a report's whole text, offered when its page shows only part of it. */
export function fullTextPath(id: string): string {
  return `data/text/${id}.txt`;
}

/** A prose section as shown: at most SECTION_BYTES of it, and whether it was cut. */
export function cutSection(text: string | null, maxBytes = SECTION_BYTES): { text: string | null; cut: boolean } {
  if (text === null) return { text, cut: false };
  const shown = cutUtf8(text, maxBytes);
  return { text: shown, cut: shown.length < text.length };
}

/** Returns the source lines a report page links to: every figure's and every prose figure's, ascending, once. */
export function listLinkedLines(record: Pick<ReportRecord, 'provenance' | 'narrative'>): number[] {
  const lines = new Set<number>(Object.values(record.provenance));
  for (const figure of Object.values(record.narrative)) if (figure) lines.add(figure.line);
  return [...lines].sort((a, b) => a - b);
}

/** One line as shown: its number (1-based), its text, and whether the text was cut. */
export interface ShownLine {
  n: number;
  text: string;
  cut: boolean;
}

/** The report text as a page shows it. */
export interface BoundedText {
  lines: ShownLine[];
  /** The lines shown from the first on (lines 1…first). */
  first: number;
  /** Lines beyond those that figures link to, shown too (each cut to LINKED_LINE_BYTES). */
  linked: number;
  /** Lines in the whole text. */
  total: number;
  /** Whether anything of the text is not shown. */
  cut: boolean;
}

/**
 * Returns what a page shows of a report text given as lines: whole lines from the first while they
 * fit in `maxBytes` (counting one byte between lines, so that a text cut here is always longer than
 * `maxBytes` as a file: isTextCut), the first line cut to `maxBytes` when it alone is longer; then
 * each line beyond them that a figure links to (`linked`), cut to `lineBytes`, so that every link
 * to a line still finds it.
 */
export function boundSourceLines(lines: readonly string[], linked: readonly number[], maxBytes = PAGE_TEXT_BYTES, lineBytes = LINKED_LINE_BYTES): BoundedText {
  const shown: ShownLine[] = [];
  let used = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const bytes = (i > 0 ? 1 : 0) + countUtf8(line);
    if (used + bytes > maxBytes) {
      if (i === 0) shown.push({ n: 1, text: cutUtf8(line, maxBytes), cut: true });
      break;
    }
    used += bytes;
    shown.push({ n: i + 1, text: line, cut: false });
  }
  const first = shown.length;
  const wholeFirst = shown.every((s) => !s.cut);
  let extra = 0;
  for (const n of [...new Set(linked)].sort((a, b) => a - b)) {
    if (n <= first || n > lines.length) continue;
    const text = cutUtf8(lines[n - 1]!, lineBytes);
    shown.push({ n, text, cut: text.length < lines[n - 1]!.length });
    extra++;
  }
  return { lines: shown, first, linked: extra, total: lines.length, cut: first < lines.length || !wholeFirst };
}
