import { describe, expect, it } from 'vitest';
import {
  groupAgencies,
  listAppealSegments,
  listApplicantSegments,
  listDispositionSegments,
  listMatchedChanges,
  sumDispositionsByYear,
  sumRequestsByYear,
  listRequestsPerYear,
  rankGrantRates,
  summarizeCorpus,
} from '../../../src/lib/aggregate/corpus.ts';
import { DISPOSITION_GROUPS, summarizeReport } from '../../../src/lib/aggregate/summarize.ts';
import { indexReport } from '../../../src/lib/aggregate/report-index.ts';
import { loadSampleRecords } from '../../support/records.ts';
import { readFileSync } from 'node:fs';
import { extractReport } from '../../../src/lib/extract/extract-report.ts';

const records = loadSampleRecords();
const summaries = records.map(summarizeReport);

describe('groupAgencies', () => {
  it('groups the five samples into four agencies (by region code, then name), reports by year', () => {
    const agencies = groupAgencies(records.map(indexReport));
    expect(agencies.map((a) => [a.agency.name, a.years])).toEqual([
      ['沂源县人民政府', [2023]],
      ['沂源县行政审批服务局', [2020, 2024]],
      ['枣庄市行政审批服务局', [2024]],
      ['泰安市泰山区行政审批服务局', [2024]],
    ]);
  });
});

describe('groupAgencies: one agency, one page', () => {
  it('puts two names of one agency (with and without its city) on one page, the other name listed', () => {
    // 000 is titled 沂源县行政审批服务局2024年…; the same report titled with its city (淄博市) is the
    // same agency: same region code, same kind, same slug.
    const text = readFileSync(new URL('../../../content/reports/000_951e69aa5677aff7.txt', import.meta.url), 'utf8').replace('沂源县行政审批服务局2024年', '淄博市沂源县行政审批服务局2024年');
    const renamed = extractReport(text, { path: 'x.txt', sha256: '0'.repeat(64), encoding: 'utf-8', format: 'text', bytes: text.length });
    if (!renamed.ok) throw new Error(JSON.stringify(renamed.error));
    expect(renamed.record.agency.name).toBe('淄博市沂源县行政审批服务局');
    const s2020 = records.find((r) => r.year === 2020)!;
    expect(renamed.record.agency.slug).toBe(s2020.agency.slug);
    const [group, ...others] = groupAgencies([s2020, renamed.record].map(indexReport));
    expect(others).toEqual([]);
    expect([group!.agency.name, group!.otherNames, group!.years]).toEqual(['淄博市沂源县行政审批服务局', ['沂源县行政审批服务局'], [2020, 2024]]);
  });
});

describe('groupAgencies: a title naming only its region', () => {
  it('keys 淄博市沂源县 (the county report of its own) as 沂源县人民政府: same page, kind government', () => {
    const text = readFileSync(new URL('../../../content/reports/002_1c63ee7c050fc816.txt', import.meta.url), 'utf8').replace('沂源县人民政府2023年政府信息公开工作', '淄博市沂源县2023年度政府信息公开工作');
    const regionOnly = extractReport(text, { path: 'x.txt', sha256: '0'.repeat(64), encoding: 'utf-8', format: 'text', bytes: text.length });
    if (!regionOnly.ok) throw new Error(JSON.stringify(regionOnly.error));
    const gov = records.find((r) => r.agency.name === '沂源县人民政府')!;
    expect([regionOnly.record.agency.name, regionOnly.record.agency.slug, regionOnly.record.agency.kind]).toEqual(['淄博市沂源县', gov.agency.slug, 'government']);
  });
});

describe('summarizeCorpus', () => {
  it('adds up the samples', () => {
    // Received: 1 (000, prose) + 28 + 106 + 0 + 9. Grant rate over reports with both figures:
    // (13 + 62 + 2) / (28 + 103 + 9).
    expect(summarizeCorpus(summaries)).toEqual({
      agencies: 4,
      reports: 5,
      firstYear: 2020,
      lastYear: 2024,
      received: 144,
      receivedFromProse: 1,
      grantRate: 77 / 140,
      // 001 and 002; 004's appealSum is incomplete (blank review cells), 000 and 003 lack tables.
      reportsPassingAll: 2,
    });
  });
});

describe('charts that compare like with like', () => {
  // Samples: 2020 沂源县行政审批服务局 0; 2023 沂源县人民政府 106; 2024 枣庄 9, 沂源县行政审批服务局 1 (prose), 泰山区 28.
  it('gives each year the median agency and how many agencies report, beside the sum', () => {
    expect(sumRequestsByYear(summaries).map((t) => [t.year, t.reports, t.median, t.received])).toEqual([
      [2020, 1, 0, 0],
      [2023, 1, 106, 106],
      [2024, 3, 9, 38],
    ]);
  });

  it('tells year-to-year change over the agencies present in both years only', () => {
    // 2020 → 2023: no agency in both; 2023 → 2024: none either (沂源县人民政府 reports 2023 only).
    expect(listMatchedChanges(summaries).map((c) => [c.from, c.to, c.agencies, c.before, c.after])).toEqual([
      [2020, 2023, 0, 0, 0],
      [2023, 2024, 0, 0, 0],
    ]);
    // The same agency in two years: 沂源县行政审批服务局 2020 (0) and 2024 (1, from prose).
    const yiyuan = summaries.filter((s) => s.agency === '沂源县行政审批服务局');
    expect(listMatchedChanges(yiyuan).map((c) => [c.from, c.to, c.agencies, c.before, c.after])).toEqual([[2020, 2024, 1, 0, 1]]);
  });

  it('draws no shares for a report whose outcomes do not add up to its （七）总计', () => {
    const taishan = summaries.find((s) => s.agency === '泰安市泰山区行政审批服务局')!;
    expect(listDispositionSegments([taishan], (s) => String(s.year))).toHaveLength(DISPOSITION_GROUPS.length);
    const broken = { ...taishan, handled: 0 };
    expect(listDispositionSegments([broken], (s) => String(s.year))).toEqual([]);
    expect(sumDispositionsByYear([broken], (year) => `${year}年`)).toEqual([]);
  });
});

describe('chart rows', () => {
  it('lists requests per agency and year, prose figures flagged', () => {
    expect(listRequestsPerYear(summaries).map((p) => [p.agency, p.year, p.received, p.fromProse])).toEqual([
      ['枣庄市行政审批服务局', 2024, 9, false],
      ['沂源县人民政府', 2023, 106, false],
      ['沂源县行政审批服务局', 2020, 0, false],
      ['沂源县行政审批服务局', 2024, 1, true],
      ['泰安市泰山区行政审批服务局', 2024, 28, false],
    ]);
  });

  it('draws disposition bars only for reports whose （七）总计 is read, not 0 and agrees with the rows', () => {
    const segments = listDispositionSegments(summaries, (s) => s.id);
    expect([...new Set(segments.map((s) => s.bar))].sort()).toEqual([
      'taishanqu-xingzheng-shenpi-fuwuju-2024',
      'yiyuanxian-renminzhengfu-2023',
      'zaozhuangshi-xingzheng-shenpi-fuwuju-2024',
    ]);
    const zaozhuang = segments.filter((s) => s.bar.startsWith('zaozhuang'));
    expect(zaozhuang.map((s) => [s.group, s.count, s.share])).toEqual([
      ['granted', 2, 2 / 9],
      ['partial', 1, 1 / 9],
      ['withheld', 2, 2 / 9],
      ['unavailable', 4, 4 / 9],
      ['notProcessed', 0, 0],
      ['otherHandling', 0, 0],
    ]);
  });

  it('ranks grant rates by each agency’s latest report with a rate', () => {
    expect(rankGrantRates(groupAgencies(records.map(indexReport))).map((b) => [b.agency, b.year, b.rate])).toEqual([
      ['沂源县人民政府', 2023, 62 / 103],
      ['泰安市泰山区行政审批服务局', 2024, 13 / 28],
      ['枣庄市行政审批服务局', 2024, 2 / 9],
    ]);
  });

  it('lists applicant types and appeal groups, leaving absent figures out', () => {
    const taishan = summaries.filter((s) => s.agency === '泰安市泰山区行政审批服务局');
    expect(listApplicantSegments(taishan, (s) => String(s.year)).map((s) => [s.key, s.value])).toEqual([
      ['natural', 28], ['commercial', 0], ['research', 0], ['nonprofit', 0], ['legal', 0], ['other', 0],
    ]);
    const zaozhuang = summaries.filter((s) => s.agency === '枣庄市行政审批服务局');
    expect(listAppealSegments(zaozhuang, (s) => String(s.year)).map((s) => [s.key, s.value])).toEqual([
      ['litigationDirect', 1],
      ['litigationAfterReview', 0],
    ]);
  });
});
