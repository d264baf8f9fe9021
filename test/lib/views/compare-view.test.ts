/**
 * The compare page's outcomes chart for a year whose every report misses a row of table 三 (issue 20):
 * each report drawn with its part not read hatched, the table showing — for the families not read.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { CompareRow } from '../../../src/lib/aggregate/compare.ts';
import { summarizeReport } from '../../../src/lib/aggregate/summarize.ts';
import '../../../src/lib/charts/server-document.ts';
import { buildCompareView } from '../../../src/lib/views/compare-view.ts';
import { toCompareRows } from '../../../src/lib/site/compare-rows.ts';
import type { ReportRecord } from '../../../src/lib/schema/report.ts';
import { editRequests, loadSampleRecord } from '../../support/records.ts';

/** Returns a compare row of a record (the kind label is not what is tested here). */
function toRow(record: ReportRecord): CompareRow {
  return { ...summarizeReport(record), level: 'prefecture', kind: 'department', kindLabel: '地市级·部门' };
}

// 泰山区 2024 (001) without its row 无法提供 1.本机关不掌握; 枣庄 2024 (004) without 不予公开 4.保护第三方合法权益.
const taishan = editRequests(loadSampleRecord('001_b87e4db93de93761.txt'), { unavailableNotHeld: { total: null } });
const zaozhuang = editRequests(loadSampleRecord('004_e73212b8dc766644.txt'), { withheldThirdParty: { total: null } });
const rows = [toRow(taishan), toRow(zaozhuang)];
const selection = { agencies: rows.map((r) => r.slug), year: 2024, measure: 'received' as const };

describe('buildCompareView: outcomes in a year where every report misses a row of table 三', () => {
  const view = buildCompareView(rows, selection, 'zh');
  const doc = parseHTML(`<!doctype html><html><body>${view.dispositions.svg}</body></html>`).document;

  it('draws a bar per report, its part not read hatched', () => {
    expect([...doc.querySelectorAll('g[data-mark="y-axis tick label"] text')].map((t) => t.textContent)).toEqual(['枣庄市行政审批服务局', '泰安市泰山区行政审批服务局']);
    const hatched = [...doc.querySelectorAll('g[data-mark="bar"] rect[fill^="url(#"]')];
    expect(hatched.map((r) => r.querySelector('title')!.textContent)).toEqual([
      '枣庄市行政审批服务局 · 未读出：2 件（22.2%）',
      '泰安市泰山区行政审批服务局 · 未读出：9 件（32.1%）',
    ]);
  });

  it('lists every family in the table, — where a row was not read', () => {
    expect(view.dispositions.columns).toEqual(['机关', '予以公开（件）', '部分公开（件）', '不予公开（件）', '无法提供（件）', '不予处理（件）', '其他处理（件）', '办理总计（件）']);
    expect(view.dispositions.rows).toEqual([
      ['枣庄市行政审批服务局', 2, 1, null, 4, 0, 0, 9],
      ['泰安市泰山区行政审批服务局', 13, 2, 2, null, 2, 0, 28],
    ]);
  });

  it('says what the hatching is', () => {
    expect(view.dispositions.note).toBe('斜线部分：办理总计中未能读出所属类别的件数（这些类别在数据表中为“—”）。');
    expect(buildCompareView(rows, selection, 'en').dispositions.note).toBe('Hatched: requests in the total whose outcome could not be read (— in the table).');
  });
});

describe('buildCompareView: a report whose （七）总计 is 0', () => {
  const zero = toRow(editRequests(loadSampleRecord('004_e73212b8dc766644.txt'), { total: { natural: 0, total: 0 } }));
  const view = buildCompareView([zero], { agencies: [zero.slug], year: 2024, measure: 'received' }, 'zh');

  it('draws no shares, and says why', () => {
    expect(view.dispositions.svg).toBe('');
    expect(view.dispositions.note).toBe('不画比例：枣庄市行政审批服务局（办理总计为 0）。');
    expect(view.dispositions.rows).toEqual([['枣庄市行政审批服务局', 2, 1, 2, 4, 0, 0, 0]]);
  });

  it('has no note when every bar is read whole', () => {
    const whole = toRow(loadSampleRecord('004_e73212b8dc766644.txt'));
    expect(buildCompareView([whole], { agencies: [whole.slug], year: 2024, measure: 'received' }, 'zh').dispositions.note).toBeUndefined();
  });
});

describe('buildCompareView in English: the charts punctuated in English', () => {
  /** Full-width punctuation (（）：，；、。 and the like): Chinese typography, not English. */
  const FULL_WIDTH = /[\u3000-\u303f\uff00-\uffef]/u;
  const texts = (svg: string, selector: string) => [...parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document.querySelectorAll(selector)].map((e) => e.textContent!);
  const en = buildCompareView(rows, selection, 'en');

  it('writes the tooltips with an English colon and parentheses', () => {
    expect(texts(en.dispositions.svg, 'g[data-mark="bar"] rect[fill^="url(#"] title')).toEqual([
      '枣庄市行政审批服务局 · Not read: 2 requests (22.2%)',
      '泰安市泰山区行政审批服务局 · Not read: 9 requests (32.1%)',
    ]);
  });

  it('has no full-width punctuation in any title or label of the four charts', () => {
    const views = [en.series, en.dispositions, en.ranking, en.kind];
    expect(views.map((v) => v.svg !== '')).toEqual([true, true, true, true]);
    const all = views.flatMap((v) => texts(v.svg, 'title, text'));
    expect(all.length).toBeGreaterThan(views.length);
    expect(all.filter((t) => FULL_WIDTH.test(t))).toEqual([]);
  });

  it('names the measure and its unit from the dictionaries', () => {
    const share = { ...selection, measure: 'grantRate' as const };
    expect(buildCompareView(rows, share, 'en').series.columns).toEqual(['Agency', 'Year', 'Share granted in full (%)']);
    expect(buildCompareView(rows, share, 'zh').series.columns).toEqual(['机关', '年度', '予以公开占比（%）']);
    expect(en.series.columns).toEqual(['Agency', 'Year', 'New requests']);
    expect(buildCompareView(rows, selection, 'zh').series.columns).toEqual(['机关', '年度', '新收申请（件）']);
  });
});

describe('toCompareRows and the kind chart: level and kind as keys, worded by each language', () => {
  const keyed = toCompareRows([taishan, zaozhuang].map((r) => ({ summary: summarizeReport(r), agency: r.agency })));
  const keyedSelection = { agencies: keyed.map((r) => r.slug), year: 2024, measure: 'received' as const };

  it('gives each row its agency’s level and kind, and the Chinese label the API publishes', () => {
    // 泰山区 is a county-level district of 泰安市; 枣庄市 a prefecture-level city; both agencies are bureaus.
    expect(keyed.map((r) => [r.agency, r.level, r.kind, r.kindLabel])).toEqual([
      ['泰安市泰山区行政审批服务局', 'county', 'department', '县级·部门'],
      ['枣庄市行政审批服务局', 'prefecture', 'department', '地市级·部门'],
    ]);
  });

  it('words them in the kind chart’s table in each language', () => {
    const kinds = (lang: 'zh' | 'en') => buildCompareView(keyed, keyedSelection, lang).kind.rows.map((r) => [r[0], r[1]]);
    expect(kinds('zh').toSorted()).toEqual([['枣庄市行政审批服务局', '地市级·部门'], ['泰安市泰山区行政审批服务局', '县级·部门']].toSorted());
    expect(kinds('en').map((r) => r[1]).toSorted()).toEqual(['County · department', 'Prefecture · department']);
  });
});
