/**
 * What a format's reader gives the extractor (formats.ts, and the PDF reader it loads on demand):
 * the report text, or why there is none. Apart from formats.ts so that the readers it loads import
 * the shape without importing it back.
 */
import type { SourceInfo } from '../extract-report.ts';
import type { DocumentMeta } from '../identity/document-meta.ts';
import type { Message } from '../../schema/message.ts';

/** An input format, by which the file is read. */
export type SourceFormat = SourceInfo['format'];

/**
 * `meta`: what the file says besides its text (a page's or PDF's title and dates), when it says
 * anything; `format`: the format the content was read in, when it is not the extension's (a web
 * page saved as .txt).
 */
export type ReportText =
  | { ok: true; text: string; encoding: string; meta?: DocumentMeta; format?: SourceFormat }
  | { ok: false; error: Message };
