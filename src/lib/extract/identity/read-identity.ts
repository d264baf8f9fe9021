/**
 * Who published a report and for which year, from the best source the file has: the title printed
 * in the body, else a title in the file's metadata (a crawler's header block, the page's
 * `<meta name="ArticleTitle">` or `<title>`, the PDF's Title, the file name), else the report's
 * own title quoted in its opening (特向社会公布《…年度报告》). A title that names the agency by a
 * short form (区公安局) takes the full name from another source that ends with it and names a
 * region (a metadata title, the page's publisher, the signature). Pure: lines and metadata in.
 */
import type { DocumentMeta, MetaSource } from './document-meta.ts';
import { parseTitle, readQuotedTitle, readTitle, resolveRegion } from './title.ts';
import { createMessage, type Message } from '../../schema/message.ts';

/** Where the agency and year were read. */
export type IdentitySource = 'body' | 'body-quote' | MetaSource | 'correction';

export interface Identity {
  /** The agency's full name. */
  name: string;
  /** Reporting year. */
  year: number;
  /** The title the identity was read from, cleaned. */
  title: string;
  source: IdentitySource;
  /** Notes on how the identity was decided (a short name completed, sources that disagree). */
  messages: Message[];
}

/** An agency's name ends with the word for what it is: 局, 委员会, 办公室, 人民政府 … */
const AGENCY_END = /(?:局|委员会|委|办公室|办公厅|办|政府|中心|院|所|处|厅|部|署|队|站|馆|会|社|司)$/;

/**
 * Returns the report's identity, or null when no source names both an agency and a year.
 * `first`: the 0-based line where the body starts (after a crawler's header block).
 */
export function readIdentity(lines: readonly string[], first: number, meta: DocumentMeta): Identity | null {
  const metaTitles = meta.titles.flatMap((t) => {
    const parsed = parseTitle(t.text);
    return parsed ? [{ ...parsed, source: t.source as IdentitySource }] : [];
  });
  const body = readTitle(lines, first);
  const chosen = body
    ? { name: body.name, year: body.year, title: body.title, source: 'body' as IdentitySource }
    : (metaTitles[0] ?? quoted(lines, first));
  if (!chosen) return null;
  const messages: Message[] = [];
  if (chosen.source !== 'body') messages.push(createMessage('titleFromSource', { source: chosen.source, title: chosen.title }));
  const otherYear = metaTitles.find((t) => t.year !== chosen.year);
  if (otherYear) messages.push(createMessage('sourceYearDiffers', { source: otherYear.source, year: otherYear.year, chosenSource: chosen.source, chosenYear: chosen.year }));

  // A short name (区公安局, 市科委) names no region; a fuller name elsewhere in the file that ends
  // with it does.
  let name = chosen.name;
  if (resolveRegion(name).region.code === null) {
    const fuller = [
      ...metaTitles.map((t) => ({ name: t.name, from: t.source })),
      ...(meta.publisher ? [{ name: meta.publisher.text.replace(/\s+/g, ''), from: 'publisher' as const }] : []),
      ...readSignatureNames(lines).map((n) => ({ name: n, from: 'signature' as const })),
    ].find((c) => c.name !== name && completes(c.name, name));
    if (fuller) {
      messages.push(createMessage('shortAgencyName', { name, full: fuller.name, from: fuller.from }));
      name = fuller.name;
    }
  }
  return { name, year: chosen.year, title: chosen.title, source: chosen.source, messages };
}

function quoted(lines: readonly string[], first: number) {
  const q = readQuotedTitle(lines, first);
  return q ? { name: q.name, year: q.year, title: q.title, source: 'body-quote' as IdentitySource } : null;
}

/**
 * True when `full` is a fuller form of the short name `short`: it ends with `short` (or with
 * `short` less a leading 区/市/县/省, which stands for the region: 区公安局 → 平潭综合实验区公安局)
 * and names a region that `short` does not.
 */
function completes(full: string, short: string): boolean {
  const core = short.replace(/^[区市县省州旗]/, '');
  if (core.length < 2 || !(full.endsWith(short) || full.endsWith(core)) || full.length <= short.length) return false;
  return AGENCY_END.test(full) && resolveRegion(full).region.code !== null;
}

/**
 * Returns the agency names that sign the report: in its last 8 non-empty lines, a line of at most
 * 30 characters ending with an agency word, alone or before the signature date.
 */
export function readSignatureNames(lines: readonly string[]): string[] {
  const names: string[] = [];
  let seen = 0;
  for (let i = lines.length - 1; i >= 0 && seen < 8; i--) {
    const text = lines[i]!.normalize('NFKC').replace(/\s+/g, '');
    if (!text) continue;
    seen++;
    const name = text.replace(/[0-9〇○零一二三四五六七八九十]{4}年[0-9〇○零一二三四五六七八九十]{1,3}月[0-9〇○零一二三四五六七八九十]{1,3}日$/, '');
    if (name.length >= 4 && name.length <= 30 && AGENCY_END.test(name) && !/[，。；：,;:]/.test(name)) names.push(name);
  }
  return names;
}
