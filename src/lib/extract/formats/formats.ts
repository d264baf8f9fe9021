/**
 * From a file's bytes to the report text the readers take, for each input format. Text and Markdown
 * are decoded as they are; an HTML page is decoded (its `<meta charset>` consulted) and reduced to
 * its article (html.ts); a Word file's real tables are read through mammoth's HTML, then the same
 * HTML path, so a Word table and a web table are one case; a PDF's text layer is laid out into
 * lines and tab-separated table rows from its coordinates (pdf.ts).
 */
import type { ReportText, SourceFormat } from './report-text.ts';
import { decodeReport } from './decode.ts';
import { checkZipBounds } from './zip-bounds.ts';
import { NOTE_MARK, isCrawledText, reflowCrawledText } from './crawled.ts';
import { reflowLegacyTables } from './crawled-legacy.ts';
import { createMessage } from '../../schema/message.ts';

// The HTML, Word and PDF readers pull in htmlparser2, mammoth and pdf.js (about half a second to load);
// they load on the first file that needs them, so a corpus of text files (and each worker) never pays.
const loadHtml = () => import('./html.ts');
const loadPdf = () => import('./pdf.ts');
const loadMammoth = () => import('mammoth').then((m) => m.default);

export type { ReportText, SourceFormat } from './report-text.ts';

/** File extensions read, lowercase with the dot, and their format. */
export const FORMAT_BY_EXTENSION: Readonly<Record<string, SourceFormat>> = {
  '.txt': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.docx': 'docx',
  '.pdf': 'pdf',
};


/**
 * Returns the text to extract from (the lines provenance refers to) and the encoding of the bytes,
 * or why the file cannot be read.
 */
export async function readReportText(bytes: Uint8Array, format: SourceFormat): Promise<ReportText> {
  const read = await readUntrustedText(bytes, format);
  if (!read.ok) return read;
  // The report's own text may not carry the extractor's note mark: only the reflow below adds it.
  const text = read.text.replaceAll(NOTE_MARK, '');
  if ((read.format ?? format) === 'html' || format === 'docx' || format === 'pdf') return { ...read, text };
  // A crawled page on one line: laid out again, glued figures split only where unique (crawled.ts).
  const reflowed = isCrawledText(text) ? reflowCrawledText(text) : text;
  // The older statistics table glued into a line (with the prose or alone): one row a line, split
  // only where unique (crawled-legacy.ts).
  return { ...read, text: reflowLegacyTables(reflowed) };
}

/** Returns the report text as the file gives it (decoded, or converted from HTML, Word or PDF). */
async function readUntrustedText(bytes: Uint8Array, format: SourceFormat): Promise<ReportText> {
  if (format === 'docx') return readDocx(bytes);
  if (format === 'pdf') return (await loadPdf()).readPdf(bytes);
  // A text file may hold a web page or a fragment of one (saved as .txt): the format is read off
  // the content, never from the extension alone.
  const html = format === 'html' || looksLikeHtml(bytes);
  const decoded = decodeReport(bytes, html ? sniffHtmlCharset(bytes) : null);
  if (!decoded.ok || !html) return decoded;
  const page = (await loadHtml()).htmlToReport(decoded.text);
  return { ok: true, text: page.text, encoding: decoded.encoding, meta: page.meta, ...(format === 'html' ? {} : { format: 'html' as const }) };
}

/**
 * True when a text file's first 2 KB are markup: it opens with a tag (`<!DOCTYPE html>`, `<html>`,
 * `<div …>`, `<table>`, `<p>`) or holds at least five block tags. A report in prose that quotes one
 * tag is not markup.
 */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  if (/^(?:\uFEFF|\xEF\xBB\xBF)?\s*<(?:!doctype\s+html|html|head|body|meta|div|table|p|section|article|h[1-6])[\s>]/i.test(head)) return true;
  return (head.match(/<\/?(?:p|div|table|tr|td|br|span|h[1-6])[\s>/]/gi) ?? []).length >= 5;
}

/**
 * Returns the charset an HTML page declares in its first 4 KB (`<meta charset="gbk">` or
 * `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`), lowercase, or null.
 */
export function sniffHtmlCharset(bytes: Uint8Array): string | null {
  // The declaration is ASCII, whatever the page's encoding; latin1 maps bytes 1:1.
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

/** Returns the text of a Word (.docx) file: its body as HTML, tables kept as tables. */
async function readDocx(bytes: Uint8Array): Promise<ReportText> {
  // A .docx is a zip archive ("PK\3\4"); anything else (an old binary .doc renamed) is refused.
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) {
    return { ok: false, error: createMessage('notDocx', {}) };
  }
  // Bounded before mammoth unpacks it whole in memory (zip-bounds.ts).
  const refused = checkZipBounds(bytes);
  if (refused) return { ok: false, error: refused };
  try {
    const mammoth = await loadMammoth();
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    // The document's XML parts are UTF-8 by the OOXML standard.
    return { ok: true, text: (await loadHtml()).htmlToReportText(value), encoding: 'utf-8' };
  } catch (error) {
    return { ok: false, error: createMessage('docxUnreadable', { detail: (error as Error).message }) };
  }
}
