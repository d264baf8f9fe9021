/**
 * What the search index holds, made from the records rather than read back from the built pages, so
 * that the index is built beside the Astro build instead of after it. One search record per Chinese
 * report page and agency page, with the page's URL and title (its `<h1>`) and the words a reader
 * searches by: the agency, its region, the year, the extraction notes, the findings, the sentences
 * of prose figures and the prose sections as the page shows them (src/lib/site/bounds.ts; an
 * extractor's note line in words, wordNoteLines); not the
 * figures and template labels every report shares. Pure: scripts/lib/search/index-chunk.ts feeds
 * them to Pagefind.
 */
import { groupAgencies } from '../../../src/lib/aggregate/corpus.ts';
import { indexReport } from '../../../src/lib/aggregate/report-index.ts';
import { describeDisagreement, describeReportChecks } from '../../../src/lib/findings/describe.ts';
import { describeChangeFlag, describeTimeliness } from '../../../src/lib/i18n/word-finding.ts';
import type { ReportRecord } from '../../../src/lib/schema/report.ts';
import { cutSection } from '../../../src/lib/site/bounds.ts';
import { formatRegion } from '../../../src/lib/site/format.ts';
import { dictionary } from '../../../src/lib/i18n/index.ts';
import { wordMessage, wordNoteLinesOrNull } from '../../../src/lib/i18n/word-message.ts';

const ZH = dictionary('zh');

/** A page in the search index: its URL (as Astro links it, from the site root), title and searchable text. */
export interface SearchRecord {
  url: string;
  title: string;
  content: string;
}

/** Returns a report page's title, as its `<h1>` reads. */
export function titleOfReport(record: Pick<ReportRecord, 'agency' | 'year'>): string {
  return `${record.agency.name} ${record.year} 年政府信息公开工作年度报告`;
}

/** Returns the region line of an agency: its region and, when known, its division code. */
function describeRegion(agency: ReportRecord['agency']): string {
  return `${formatRegion(agency.region)}${agency.region.code ? ` 区划代码 ${agency.region.code}` : ''}`;
}

/**
 * Returns the search records of one agency's pages: its agency page first, then its report pages
 * by year. `records` are all the agency's records (any order, at least one).
 */
export function listSearchRecords(records: readonly ReportRecord[]): SearchRecord[] {
  const sorted = [...records].sort((a, b) => a.year - b.year);
  const groups = groupAgencies(sorted.map(indexReport));
  const group = groups[0];
  if (!group || groups.length !== 1) throw new Error('listSearchRecords: the records of exactly one agency');
  const agencyPage: SearchRecord = {
    url: `/agencies/${group.slug}/`,
    title: group.agency.name,
    content: [
      group.agency.name,
      describeRegion(group.agency),
      ZH.kind[group.agency.kind],
      group.otherNames.length ? `报告中的其他名称 ${group.otherNames.join('、')}` : '',
      ...group.reports.map((r) => `${r.year} 年报告`),
    ].filter(Boolean).join('\n'),
  };
  const reportPages = sorted.map((record, i): SearchRecord => {
    const previous = i > 0 ? sorted[i - 1]! : null;
    const findings = describeReportChecks(record, previous);
    const title = titleOfReport(record);
    return {
      url: `/reports/${record.id}/`,
      title,
      content: [
        title,
        `${record.agency.name}（${ZH.kind[record.agency.kind]}）`,
        describeRegion(record.agency),
        `报告年度 ${record.year}`,
        ...record.messages.map((m) => wordMessage(m, 'zh')),
        describeTimeliness(findings.timeliness),
        ...findings.flags.map((flag) => describeChangeFlag(flag)),
        ...findings.disagreements.map((d) => describeDisagreement(d)),
        ...Object.values(record.narrative).flatMap((f) => (f ? [f.text] : [])),
        ...(['overview', 'problems', 'other'] as const).map((key) => cutSection(wordNoteLinesOrNull(record.sections[key])).text ?? ''),
      ].filter(Boolean).join('\n'),
    };
  });
  return [agencyPage, ...reportPages];
}
