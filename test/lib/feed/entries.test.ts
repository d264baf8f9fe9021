/**
 * The feeds' entries from the five samples: dated by the report (publication, else signature, else the
 * build), newest first, linked relatively without a site URL, the findings that ask to check the
 * source, and both feeds valid Atom with report text escaped.
 */
import { describe, expect, it } from 'vitest';
import { indexReport, type IndexedReport } from '../../../src/lib/aggregate/report-index.ts';
import { buildFindingsFeed, buildReportsFeed, FEED_LIMIT, formatEntryUpdated, listFindingEntries, listReportEntries, pickReportDate, type FeedSource } from '../../../src/lib/feed/entries.ts';
import { describeCorpusFindings, describeFindingNote, listFindingNotes } from '../../../src/lib/findings/describe.ts';
import { listAtomProblems, readAtomFeed } from '../../support/atom.ts';
import { loadSampleRecords } from '../../support/records.ts';

const BUILT_ON = '2030-06-01';
const records = loadSampleRecords();
const reports = records.map(indexReport);
const relative: FeedSource = { reports, builtOn: BUILT_ON, link: (p) => `/nianbao/${p}` };
const absolute: FeedSource = { ...relative, link: (p) => `https://example.gov.cn/nianbao/${p}` };
const f = describeCorpusFindings(records);
const notes = listFindingNotes(f.flags, f.timeliness, f.disagreements);
const YIYUAN_2020 = 'yiyuanxian-xingzheng-shenpi-fuwuju-2020';

/** Returns a sample's index entry with other dates. */
function redate(r: IndexedReport, published: string | null, signedOn: string | null): IndexedReport {
  return { ...r, published, signedOn };
}

describe('entry dates', () => {
  const r = reports[0]!;

  it('are the publication date, else the signature date, else the build date', () => {
    expect(formatEntryUpdated(redate(r, '2025-01-20', '2025-01-10'), BUILT_ON)).toBe('2025-01-20T00:00:00+08:00');
    expect(formatEntryUpdated(redate(r, null, '2025-01-10'), BUILT_ON)).toBe('2025-01-10T00:00:00+08:00');
    expect(formatEntryUpdated(redate(r, null, null), BUILT_ON)).toBe('2030-06-01T00:00:00Z');
    // A date that is not in the calendar is no date.
    expect(pickReportDate(redate(r, '2025-02-30', '2025-01-10'))).toBe('2025-01-10');
    expect(pickReportDate(redate(r, null, '2025-13-01'))).toBeNull();
  });

  it('are never the build date for a report that states a date', () => {
    const dated = reports.filter((x) => pickReportDate(x) !== null);
    expect(dated.map((x) => x.summary.id)).toEqual([YIYUAN_2020]);
    const entries = listReportEntries(relative);
    for (const x of dated) expect(entries.find((e) => e.link.endsWith(`/${x.summary.id}/`))!.updated).toBe(`${x.signedOn}T00:00:00+08:00`);
    const undated = entries.filter((e) => !e.link.endsWith(`/${YIYUAN_2020}/`));
    for (const e of undated) expect(e.updated).toBe('2030-06-01T00:00:00Z');
  });
});

describe('the reports feed', () => {
  it('lists every report newest first by its date, linking to its page', () => {
    const dates: Record<string, [string | null, string]> = {
      'yiyuanxian-xingzheng-shenpi-fuwuju-2024': ['2025-03-01', '2025-01-02'],
      'zaozhuangshi-xingzheng-shenpi-fuwuju-2024': [null, '2024-01-15'],
      'yiyuanxian-xingzheng-shenpi-fuwuju-2020': [null, '2023-01-15'],
      'taishanqu-xingzheng-shenpi-fuwuju-2024': [null, '2021-01-15'],
      'yiyuanxian-renminzhengfu-2023': [null, '2020-01-15'],
    };
    const shifted: FeedSource = { ...relative, reports: reports.map((x) => redate(x, ...dates[x.summary.id]!)) };
    expect(listReportEntries(shifted).map((e) => [e.link, e.updated])).toEqual([
      ['/nianbao/reports/yiyuanxian-xingzheng-shenpi-fuwuju-2024/', '2025-03-01T00:00:00+08:00'],
      ['/nianbao/reports/zaozhuangshi-xingzheng-shenpi-fuwuju-2024/', '2024-01-15T00:00:00+08:00'],
      ['/nianbao/reports/yiyuanxian-xingzheng-shenpi-fuwuju-2020/', '2023-01-15T00:00:00+08:00'],
      ['/nianbao/reports/taishanqu-xingzheng-shenpi-fuwuju-2024/', '2021-01-15T00:00:00+08:00'],
      ['/nianbao/reports/yiyuanxian-renminzhengfu-2023/', '2020-01-15T00:00:00+08:00'],
    ]);
    // Reports dated alike go by year, newest first, then by id.
    const same = listReportEntries({ ...relative, reports: reports.map((x) => redate(x, null, '2025-01-02')) });
    expect(same.map((e) => e.link.split('/')[3])).toEqual([
      'taishanqu-xingzheng-shenpi-fuwuju-2024',
      'yiyuanxian-xingzheng-shenpi-fuwuju-2024',
      'zaozhuangshi-xingzheng-shenpi-fuwuju-2024',
      'yiyuanxian-renminzhengfu-2023',
      'yiyuanxian-xingzheng-shenpi-fuwuju-2020',
    ]);
  });

  it('states a publication date only where the file gives one', () => {
    const entries = listReportEntries({ ...relative, reports: [redate(reports[0]!, '2025-01-20', null), redate(reports[1]!, null, '2025-01-10')] });
    expect(entries.map((e) => e.published)).toEqual(['2025-01-20T00:00:00+08:00', undefined]);
  });

  it('links relatively without a site URL and absolutely with one, keeping at most FEED_LIMIT entries', () => {
    expect(listReportEntries(relative).every((e) => e.link.startsWith('/nianbao/reports/'))).toBe(true);
    expect(listReportEntries(absolute).every((e) => e.link.startsWith('https://example.gov.cn/nianbao/reports/'))).toBe(true);
    const many = Array.from({ length: FEED_LIMIT + 20 }, (_, i) => ({ ...reports[0]!, summary: { ...reports[0]!.summary, id: `a${String(i).padStart(3, '0')}-2024` } }));
    expect(listReportEntries({ ...relative, reports: many })).toHaveLength(FEED_LIMIT);
  });

  it('is valid Atom with an entry per report, and escapes a hostile title', () => {
    const hostile = { ...reports[0]!, title: '<script>alert(1)</script> & 某局' };
    const xml = buildReportsFeed({ ...relative, reports: [hostile, ...reports.slice(1)] });
    const feed = readAtomFeed(xml);
    expect(listAtomProblems(feed)).toEqual([]);
    expect(feed.entries).toHaveLength(5);
    expect(feed.entries.map((e) => e.title)).toContain('<script>alert(1)</script> & 某局');
    expect(xml).not.toContain('<script');
    expect(feed.self).toBe('/nianbao/feed/reports.xml');
    // Its own date: the newest entry's (here the build's, for the reports that state none).
    expect(feed.updated).toBe('2030-06-01T00:00:00Z');
  });
});

describe('the findings feed', () => {
  it('lists the findings that ask to check the source, each linking to its report’s findings', () => {
    expect(notes.map((n) => [n.kind, n.id])).toEqual([['timeliness', YIYUAN_2020]]);
    const [entry] = listFindingEntries(notes, relative);
    expect(entry).toMatchObject({
      title: '沂源县行政审批服务局 2020：报告时限',
      link: `/nianbao/reports/${YIYUAN_2020}/#findings`,
      updated: '2020-01-27T00:00:00+08:00',
      // The report is signed 2020-01-27, before its year ended: the Chinese note the feed carries.
      summary: '报告时限：日期存疑：签署日期 2020-01-27 不晚于统计期末（2020-12-31），可能是笔误，请核对原文。',
    });
    expect(describeFindingNote(notes[0]!, 'en')).toBe('Timeliness: date implausible: signed 2020-01-27, not after the end of the year reported (2020-12-31), perhaps a typo; check the source.');
  });

  it('keeps an entry’s id from build to build, and gives different findings different ids', () => {
    const change = { ...notes[0]!, key: 'change:received' };
    const [a, b] = listFindingEntries([notes[0]!, change], relative);
    expect(a!.id).not.toBe(b!.id);
    expect(listFindingEntries(notes, { ...relative, builtOn: '2031-01-01' })[0]!.id).toBe(listFindingEntries(notes, relative)[0]!.id);
  });

  it('is valid Atom, newest first, and leaves out notes about reports it does not know', () => {
    const stray = { ...notes[0]!, id: 'gone-2019' };
    const feed = readAtomFeed(buildFindingsFeed([...notes, stray], absolute));
    expect(listAtomProblems(feed)).toEqual([]);
    expect(feed.entries.map((e) => e.link)).toEqual([`https://example.gov.cn/nianbao/reports/${YIYUAN_2020}/#findings`]);
    expect(feed.updated).toBe('2020-01-27T00:00:00+08:00');
  });
});
