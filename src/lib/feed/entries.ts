/**
 * The site's two Atom feeds as data (pure): the reports, and the findings that ask the reader to
 * check the source (a flagged year-over-year change, a report published late or dated implausibly,
 * a figure the prose states and the tables contradict), newest first.
 *
 * An entry's date (`updated`, and the order of the entries) is the date its report states: the
 * publication date the file gives, else the signature date printed at its end; only a report that
 * states neither is dated by the build, so that rebuilding never makes a dated report look new to a
 * feed reader.
 */
import type { IndexedReport } from '../aggregate/report-index.ts';
import { describeFindingNote, type FindingNote } from '../findings/describe.ts';
import { toDayNumber } from '../findings/timeliness.ts';
import { formatCount } from '../site/format.ts';
import { formatAtomFeed, nameUuid, type AtomEntry } from './atom.ts';

/** Entries in a feed at most: readers keep what they have read; the pages and downloads list everything. */
export const FEED_LIMIT = 100;

/** Returns the link a feed gives to a site path (`reports/x/`): see `makeFeedLink` in src/lib/site/url.ts. */
export type FeedLinker = (sitePath: string) => string;

/** What the feeds read of the site: the report index, its build date, and how to link. */
export interface FeedSource {
  reports: readonly IndexedReport[];
  /** yyyy-mm-dd. */
  builtOn: string;
  link: FeedLinker;
}

/** Returns the date a report states, yyyy-mm-dd: its publication date, else its signature date (real dates only), else null. */
export function pickReportDate(report: Pick<IndexedReport, 'published' | 'signedOn'>): string | null {
  for (const date of [report.published, report.signedOn]) if (date !== null && toDayNumber(date) !== null) return date;
  return null;
}

/** Returns an entry's `updated`: the report's date at midnight in China (UTC+8), else the build's date at midnight UTC. */
export function formatEntryUpdated(report: Pick<IndexedReport, 'published' | 'signedOn'>, builtOn: string): string {
  const date = pickReportDate(report);
  return date === null ? `${builtOn}T00:00:00Z` : `${date}T00:00:00+08:00`;
}

/** Returns the items newest first, as their entries' `updated` says; ties by reporting year, newest first, then by id. */
function sortNewestFirst<T extends { report: IndexedReport }>(items: readonly T[], builtOn: string): T[] {
  const keyed = items.map((item) => ({ item, time: Date.parse(formatEntryUpdated(item.report, builtOn)) }));
  keyed.sort((a, b) => {
    const [ra, rb] = [a.item.report.summary, b.item.report.summary];
    return b.time - a.time || rb.year - ra.year || (ra.id < rb.id ? -1 : ra.id > rb.id ? 1 : 0);
  });
  return keyed.map((k) => k.item);
}

/** Returns the feed's `updated`: its newest entry's, or the build's date when it has none. */
function findFeedUpdated(entries: readonly AtomEntry[], builtOn: string): string {
  return entries.reduce((newest, e) => (Date.parse(e.updated) > Date.parse(newest) ? e.updated : newest), entries[0]?.updated ?? `${builtOn}T00:00:00Z`);
}

/** Returns a report's entry in the reports feed. */
function describeReportEntry(r: IndexedReport, builtOn: string, link: FeedLinker): AtomEntry {
  const s = r.summary;
  const page = link(`reports/${s.id}/`);
  const title = r.title.trim() || `${r.agency.name}${s.year}年政府信息公开工作年度报告`;
  return {
    id: nameUuid(page),
    title,
    link: page,
    updated: formatEntryUpdated(r, builtOn),
    ...(r.published && toDayNumber(r.published) !== null ? { published: `${r.published}T00:00:00+08:00` } : {}),
    summary: `${r.agency.name} ${s.year} 年度：本年新收申请 ${formatCount(s.received)} 件，办结 ${formatCount(s.handled)} 件；模板勾稽核对通过 ${s.checksPassed} / ${s.checksRun} 项。`,
  };
}

/** Returns the entries of the reports feed, newest first, at most FEED_LIMIT. */
export function listReportEntries({ reports, builtOn, link }: FeedSource): AtomEntry[] {
  return sortNewestFirst(
    reports.map((report) => ({ report })),
    builtOn,
  )
    .slice(0, FEED_LIMIT)
    .map(({ report }) => describeReportEntry(report, builtOn, link));
}

/** What a finding's entry is titled by, per kind of note. */
const NOTE_TITLES: Record<FindingNote['kind'], string> = {
  change: '较上一份报告变化异常，请核对原文',
  timeliness: '报告时限',
  disagreement: '正文与表格不一致',
};

/** Returns the entries of the findings feed, newest first, at most FEED_LIMIT; notes about reports not in the index are left out. */
export function listFindingEntries(notes: readonly FindingNote[], { reports, builtOn, link }: FeedSource): AtomEntry[] {
  const byId = new Map(reports.map((r) => [r.summary.id, r]));
  const items = notes.flatMap((note) => {
    const report = byId.get(note.id);
    return report ? [{ note, report }] : [];
  });
  return sortNewestFirst(items, builtOn)
    .slice(0, FEED_LIMIT)
    .map(({ note, report }) => ({
      // The report page's URL with the note's key: the same note keeps its id from build to build.
      id: nameUuid(`${link(`reports/${note.id}/`)}#${note.key}`),
      title: `${report.agency.name} ${report.summary.year}：${NOTE_TITLES[note.kind]}`,
      link: link(`reports/${note.id}/#findings`),
      updated: formatEntryUpdated(report, builtOn),
      summary: describeFindingNote(note, 'zh'),
    }));
}

/** Returns the reports feed (Atom XML). */
export function buildReportsFeed(source: FeedSource): string {
  const entries = listReportEntries(source);
  return formatAtomFeed({
    id: nameUuid(source.link('feed/reports.xml')),
    title: '年报观察：政府信息公开工作年度报告',
    subtitle: `最新的 ${entries.length} 份报告（共 ${source.reports.length} 份），按报告的发布日期由新到旧排列；没有发布日期的按落款日期，两者都没有的按本站生成日期。`,
    updated: findFeedUpdated(entries, source.builtOn),
    lang: 'zh-CN',
    author: '年报观察 nianbao',
    self: source.link('feed/reports.xml'),
    alternate: source.link(''),
    entries,
  });
}

/** Returns the findings feed (Atom XML). */
export function buildFindingsFeed(notes: readonly FindingNote[], source: FeedSource): string {
  const entries = listFindingEntries(notes, source);
  return formatAtomFeed({
    id: nameUuid(source.link('feed/findings.xml')),
    title: '年报观察：发现',
    subtitle: '需要核对原文的发现：较上一份报告的异常变化、逾期或日期存疑的报告、正文与表格不一致的数字。',
    updated: findFeedUpdated(entries, source.builtOn),
    lang: 'zh-CN',
    author: '年报观察 nianbao',
    self: source.link('feed/findings.xml'),
    alternate: source.link('findings/'),
    entries,
  });
}
