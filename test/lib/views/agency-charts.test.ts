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

const DUMPS = path.resolve(import.meta.dirname, '../../fixtures/wild/pingtan-txt');
const FILES = ['2016_social-affairs_80480.txt', '2019_social-affairs_80573.txt', '2024_social-affairs_96777.txt'];

let agency: AgencyGroup;
beforeAll(async () => {
  const records: ReportRecord[] = [];
  for (const file of FILES) {
    const outcome = await extractFile(DUMPS, file);
    if (!outcome.ok) throw new Error(outcome.error);
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
});
