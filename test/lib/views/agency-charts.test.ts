/**
 * An agency's requests series back before 2019: the older table's 受理申请 as points of their own,
 * and a chart that says they are not the same measure as 本年新收. The agency: 平潭综合实验区社会事业局,
 * its crawled reports for 2016 (older table), 2019 and 2024.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractFile } from '../../../scripts/lib/extract/file.ts';
import { groupAgencies, listRequestsPerYear, type AgencyGroup } from '../../../src/lib/aggregate/corpus.ts';
import { indexReport } from '../../../src/lib/aggregate/report-index.ts';
import type { ReportRecord } from '../../../src/lib/schema/report.ts';
import '../../../src/lib/charts/server-document.ts';
import { buildAgencyCharts } from '../../../src/lib/views/agency-charts.ts';
import { editRequests, loadSampleRecord } from '../../support/records.ts';

const DUMPS = path.resolve(import.meta.dirname, '../../fixtures/wild/pingtan-txt');
const FILES = ['2016_social-affairs_80480.txt', '2019_social-affairs_80573.txt', '2024_social-affairs_96777.txt'];

let agency: AgencyGroup;
beforeAll(async () => {
  const records: ReportRecord[] = [];
  for (const file of FILES) {
    const outcome = await extractFile(DUMPS, file);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
    records.push(outcome.record);
  }
  agency = groupAgencies(records.map(indexReport))[0]!;
});

describe('listRequestsPerYear', () => {
  it('leaves the older table out unless asked: across agencies, only 本年新收 and prose figures', () => {
    expect(listRequestsPerYear(agency.reports).map((p) => p.year)).toEqual([2019, 2024]);
  });
  it('with withLegacy, gives the 2016 report’s 受理政府信息公开申请总数 (0, 本年 column) as an older-table point', () => {
    const points = listRequestsPerYear(agency.reports, { withLegacy: true });
    expect(points.map((p) => [p.year, p.fromLegacy])).toEqual([[2016, true], [2019, false], [2024, false]]);
    // 2016_social-affairs_80480.txt: 受理政府信息公开申请总数 条 0 0.
    expect(points[0]!.received).toBe(0);
  });
});

describe('the requests chart of an agency with a report before 2019', () => {
  it('lists the 2016 point as read from the older table, and says the two measures differ (zh)', () => {
    const chart = buildAgencyCharts(agency, 'zh').find((c) => c.key === 'requests')!;
    expect(chart.rows[0]).toEqual(['2016年', 0, '旧式统计表（受理申请）']);
    expect(chart.rows.slice(1).map((r) => r[2])).toEqual(['表三', '表三']);
    expect(chart.note).toContain('受理申请与 2019 年起的“本年新收申请”不是同一口径');
    expect(chart.svg).toContain('stroke-dasharray="5,4"');
  });
  it('says so in English', () => {
    const chart = buildAgencyCharts(agency, 'en').find((c) => c.key === 'requests')!;
    expect(chart.rows[0]).toEqual(['2016', 0, 'older table (accepted)']);
    expect(chart.note).toContain('not the same measure');
  });
  it('punctuates every chart’s tooltips in English: no full-width colon or parentheses', () => {
    const charts = buildAgencyCharts(agency, 'en');
    const titles = charts.flatMap((c) => [...c.svg.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1]!));
    // 平潭 2016 from the older table: 受理政府信息公开申请总数 0.
    expect(titles).toContain('平潭综合实验区社会事业局 2016: 0 (before 2019: requests accepted, older statistics table)');
    expect(titles.filter((t) => /[\u3000-\u303f\uff00-\uffef]/u.test(t))).toEqual([]);
  });
});

describe('the outcomes chart of an agency (issue 20)', () => {
  // 枣庄 2024 (004): 予以公开 2, 部分公开 1, 不予公开 2, 无法提供 4, 不予处理 0, 其他处理 0; 总计 9.
  const sample = loadSampleRecord('004_e73212b8dc766644.txt');
  const chartOf = (record: ReportRecord, lang: 'zh' | 'en' = 'zh') => buildAgencyCharts(groupAgencies([indexReport(record)])[0]!, lang).find((c) => c.key === 'dispositions')!;

  it('draws a report with a row not read, the part not read hatched and noted, — in the table', () => {
    const chart = chartOf(editRequests(sample, { withheldThirdParty: { total: null } }));
    expect(chart.svg).toContain('未读出');
    expect(chart.svg).toMatch(/<rect[^>]*fill="url\(#nianbao-unread-[0-9a-f]{8}\)"/);
    expect(chart.note).toBe('斜线部分：办理总计中未能读出所属类别的件数（这些类别在数据表中为“—”）。');
    expect(chart.rows).toEqual([['2024年', 2, 1, null, 4, 0, 0, 9]]);
    const en = chartOf(editRequests(sample, { withheldThirdParty: { total: null } }), 'en');
    expect(en.svg).toContain('Not read');
    expect(en.svg).not.toContain('未读出');
  });

  it('draws no shares for a report whose （七）总计 is 0 and whose check failed, and says why', () => {
    const record = editRequests(sample, { total: { natural: 0, total: 0 } });
    expect(record.checks.find((c) => c.id === 'dispositionSum')!.status).toBe('fail');
    const chart = chartOf(record);
    expect(chart.svg).toBe('');
    expect(chart.note).toBe('不画比例：2024年（办理总计为 0）。');
    expect(chartOf(record, 'en').note).toBe('No shares drawn for 2024 (total handled is 0).');
  });
});

describe('the counts charts of an agency: categories not read are said, not drawn as 0', () => {
  it('names 枣庄 2024’s 行政复议, blank in its 表四, under the appeals chart', () => {
    const [zh, en] = (['zh', 'en'] as const).map((lang) => buildAgencyCharts(groupAgencies([indexReport(loadSampleRecord('004_e73212b8dc766644.txt'))])[0]!, lang).find((c) => c.key === 'appeals')!);
    expect(zh!.note).toBe('未读出、没有画（不是 0）：2024年 行政复议。');
    expect(zh!.rows).toEqual([['2024年', null, 1, 0]]);
    expect(en!.note).toBe('Not read, not drawn (not zero): 2024 Administrative review.');
  });

  it('says which years the applicants chart leaves out, and has no note when all is read', () => {
    const yiyuan = groupAgencies((['000_951e69aa5677aff7.txt', '003_9ea34a5d9b67e804.txt'] as const).map((f) => indexReport(loadSampleRecord(f))))[0]!;
    const chart = buildAgencyCharts(yiyuan).find((c) => c.key === 'applicants')!;
    // 000 (2024) has no tables; 003 (2020) reads every applicant column of 一、本年新收.
    expect(chart.note).toBe('没有画：2024年（申请人类型未全部读出，见数据表中的“—”）。');
    const taishan = buildAgencyCharts(groupAgencies([indexReport(loadSampleRecord('001_b87e4db93de93761.txt'))])[0]!);
    expect(taishan.find((c) => c.key === 'applicants')!.note).toBeUndefined();
    expect(taishan.find((c) => c.key === 'appeals')!.note).toBeUndefined();
  });
});
