/**
 * What a file says about the report besides its body: a title, a publisher and a publication
 * date, each with where it was read. Crawlers put a header block above the page's text (`标题:`,
 * `发布时间:`, `发布机构:`); web pages carry `<meta name="ArticleTitle">`, `<meta name="PubDate">`
 * and a `<title>`; PDFs carry a Title and a CreationDate; the file's name may be the title. The
 * body's own title stays the first source of identity (title.ts); these fill in where it has
 * none and date the publication. Pure functions over text.
 */
import type { Message } from '../../schema/message.ts';

/** Where a title, publisher or date was read. */
export type MetaSource = 'crawler-header' | 'html-meta' | 'html-title' | 'pdf-meta' | 'file-name';

export interface MetaText {
  text: string;
  source: MetaSource;
}

export interface MetaDate {
  /** ISO yyyy-mm-dd. */
  date: string;
  source: MetaSource;
}

/** A file's metadata; every field may be missing. Titles are in order of trust. */
export interface DocumentMeta {
  titles: MetaText[];
  publisher?: MetaText;
  published?: MetaDate;
  /** What the file's reader has to say about how it read it (a limit reached), for the record's messages. */
  notes?: Message[];
}

export const EMPTY_META: DocumentMeta = { titles: [] };

/** Returns the fields of both, `a`'s first (its titles before `b`'s). */
export function mergeMeta(a: DocumentMeta, b: DocumentMeta): DocumentMeta {
  return {
    titles: [...a.titles, ...b.titles],
    publisher: a.publisher ?? b.publisher,
    published: a.published ?? b.published,
    ...(a.notes || b.notes ? { notes: [...(a.notes ?? []), ...(b.notes ?? [])] } : {}),
  };
}

/** A header line of a crawler's dump: `标题: …`, `发布时间: …` (ASCII or full-width colon). */
const HEADER_LINE = /^(标题|发布时间|文号|发布机构|来源|栏目|原文链接|本地目录|索引号|发文日期|成文日期)\s*[:：]\s*(.*)$/;
/** The line that ends a crawler's header block. */
const BODY_MARK = /^=+\s*正文\s*=+$/;
/** Publisher values that name no agency (a section of the office, a placeholder). */
const NOT_AN_AGENCY = /^(?:\d*|办公室|综合科|行政科|信息科|.{0,3})$/;

/**
 * Returns the metadata of a crawler's header block at the top of the text, and the 0-based index
 * of the first body line (0 when there is no header block). A block is at least two header lines
 * among the first 12, one of them `标题:`.
 */
export function readCrawlerHeader(lines: readonly string[]): { meta: DocumentMeta; bodyStart: number } {
  const fields = new Map<string, string>();
  let last = -1;
  for (let i = 0; i < Math.min(lines.length, 12); i++) {
    const line = lines[i]!.replace(/^\uFEFF/, '').trim();
    if (BODY_MARK.test(line)) {
      last = i;
      break;
    }
    const m = HEADER_LINE.exec(line);
    if (m) {
      if (!fields.has(m[1]!)) fields.set(m[1]!, m[2]!.trim());
      last = i;
    } else if (line && fields.size === 0) {
      break;
    }
  }
  if (!fields.has('标题') || fields.size < 2) return { meta: EMPTY_META, bodyStart: 0 };
  const meta: DocumentMeta = { titles: [{ text: fields.get('标题')!, source: 'crawler-header' }] };
  const publisher = fields.get('发布机构') ?? fields.get('来源');
  if (publisher && !NOT_AN_AGENCY.test(publisher)) meta.publisher = { text: publisher, source: 'crawler-header' };
  const date = readIsoDate(fields.get('发布时间') ?? fields.get('发文日期') ?? '');
  if (date) meta.published = { date, source: 'crawler-header' };
  return { meta, bodyStart: last + 1 };
}

/**
 * Returns the metadata a file's name gives: its name without the extension as a title candidate
 * (agencies often name the file after the report). The path's folders are not read.
 */
export function readFileNameMeta(path: string): DocumentMeta {
  const base = path.split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  return stem ? { titles: [{ text: stem, source: 'file-name' }] } : EMPTY_META;
}

/**
 * Returns the metadata of an HTML page's `<meta>` tags and `<title>`, given as name → content
 * (`ArticleTitle`, `PubDate`, `ContentSource`, `title`). Site suffixes of the `<title>`
 * ("<report>_<column>_<site>") are cut off.
 */
export function readHtmlMeta(metas: ReadonlyMap<string, string>, documentTitle: string | null): DocumentMeta {
  const titles: MetaText[] = [];
  const article = metas.get('ArticleTitle')?.trim();
  if (article) titles.push({ text: article, source: 'html-meta' });
  if (documentTitle) {
    for (const part of documentTitle.split(/[_|｜]|\s[-–—]\s/)) {
      if (part.trim()) titles.push({ text: part.trim(), source: 'html-title' });
    }
  }
  const meta: DocumentMeta = { titles };
  const publisher = metas.get('ContentSource')?.trim();
  if (publisher && !NOT_AN_AGENCY.test(publisher)) meta.publisher = { text: publisher, source: 'html-meta' };
  const date = readIsoDate(metas.get('PubDate') ?? metas.get('pubdate') ?? metas.get('publishdate') ?? '');
  if (date) meta.published = { date, source: 'html-meta' };
  return meta;
}

/**
 * Returns the ISO date (yyyy-mm-dd) a metadata value starts with — `2023-01-09 19:52`,
 * `2023/1/9`, `2023年1月9日`, a PDF date `D:20230109…` — or null when it is not a real date.
 */
export function readIsoDate(value: string): string | null {
  const m = /^\s*(?:D:)?((?:19|20)\d{2})(?:[-/.年]\s*(\d{1,2})[-/.月]\s*(\d{1,2})日?|(\d{2})(\d{2}))/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2] ?? m[4]), Number(m[3] ?? m[5])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}
