/**
 * The older statistics table read from rows of cells: columns from the header, rows by their printed
 * labels, every figure with its source line, nothing read that the table does not print.
 */
import { describe, expect, it } from 'vitest';
import { readRows } from '../../../../src/lib/extract/tables/cells.ts';
import { createEmptyLegacy, readLegacyTable } from '../../../../src/lib/extract/tables/legacy.ts';
import { canonicalLegacyLabel, matchLegacyLabel } from '../../../../src/lib/template-legacy.ts';

/** Returns the reading of tab-separated lines (one table row a line). */
function read(lines: string[], year: number | null = 2016) {
  return readLegacyTable(readRows(lines, 0, lines.length), year);
}

describe('matchLegacyLabel', () => {
  it.each([
    ['主动公开文件数', 'proactiveTotal'],
    ['其中：1.政府网站公开数', 'proactiveWebsite'],
    ['其中：1．网站公开', 'proactiveWebsite'],
    ['2.政府公报公开数', 'proactiveGazette'],
    ['受理依申请公开信息总数', 'requestsReceived'],
    ['其中：1.当面申请书', 'requestsInPerson'],
    ['3.信函、传真申请数', 'requestsByLetterOrFax'],
    ['6.其它形式申请数', 'requestsOther'],
    ['对申请的答复数', 'answersTotal'],
    ['3．否决公开答复总数', 'answersRefused'],
    ['3.不予公开答复数', 'answersRefused'],
    ['接受行政诉讼、举报数', 'complaints'],
    ['接受行政申诉、举报数', 'complaints'],
    ['行政 诉讼 数', 'lawsuits'],
    ['（2）传真申请数', 'requestsByFax'],
  ])('%s → %s', (label, key) => {
    expect(matchLegacyLabel(label)?.key).toBe(key);
  });
  it('knows no row that is not the table’s', () => {
    expect(matchLegacyLabel('依申请公开信息目录数')).toBeNull();
    expect(matchLegacyLabel('行政诉讼')).toBeNull();
    expect(canonicalLegacyLabel('其中：1．网站公开')).toBe('网站公开');
  });
});

describe('readLegacyTable', () => {
  it('is null without the 指标名称 header', () => {
    expect(read(['主动公开文件数\t条\t66\t107'])).toBeNull();
  });

  it('reads both columns, each figure with its line', () => {
    const reading = read([
      '附：统计表',
      '指标名称\t计量单位\t2016年度\t历年累计',
      '主动公开文件数\t条\t66\t107',
      '其中：1.政府网站公开数\t条\t66\t107',
      '2.政府公报公开数\t条\t0\t0',
      '政府信息公开收费减免金额\t元\t0\t0',
      '行政复议数\t件\t1\t2',
      '此后是正文。',
    ])!;
    expect(reading.columns).toEqual({ year: '2016年度', cumulative: '历年累计' });
    expect(reading.rowsFound).toEqual(['proactiveTotal', 'proactiveWebsite', 'proactiveGazette', 'feesYuan', 'reviews']);
    expect(reading.legacy).toEqual({
      ...createEmptyLegacy(),
      proactiveTotal: { year: 66, cumulative: 107 },
      proactiveWebsite: { year: 66, cumulative: 107 },
      proactiveGazette: { year: 0, cumulative: 0 },
      feesYuan: { year: 0, cumulative: 0 },
      reviews: { year: 1, cumulative: 2 },
    });
    expect(reading.provenance['legacy.proactiveTotal.year']).toBe(3);
    expect(reading.provenance['legacy.reviews.cumulative']).toBe(7);
    expect(reading.status).toBe('complete');
    expect(reading.messages).toEqual([]);
  });

  it('reads a table with the 本年 column only (年末统计): 历年累计 stays null', () => {
    const reading = read(['指标名称\t计量单位\t年末统计', '主动公开信息数\t条\t6', '行政诉讼数\t件\t0'], 2009)!;
    expect(reading.columns).toEqual({ year: '年末统计', cumulative: null });
    expect(reading.legacy.proactiveTotal).toEqual({ year: 6, cumulative: null });
    expect(reading.legacy.lawsuits).toEqual({ year: 0, cumulative: null });
    expect(reading.status).toBe('complete');
  });

  it('converts 万元 to yuan', () => {
    const reading = read(['指标名称\t计量单位\t本年\t历年累计', '政府信息公开收费减免金额\t万元\t0.12\t1.5'])!;
    expect(reading.legacy.feesYuan).toEqual({ year: 1200, cumulative: 15000 });
  });

  it('leaves a blank or non-numeric cell null, says so, and the table partial', () => {
    const reading = read(['指标名称\t计量单位\t2016年度\t历年累计', '主动公开文件数\t条\t66\t', '行政复议数\t件\t无\t0'])!;
    expect(reading.legacy.proactiveTotal).toEqual({ year: 66, cumulative: null });
    expect(reading.legacy.reviews).toEqual({ year: null, cumulative: 0 });
    expect(reading.status).toBe('partial');
    expect(reading.messages).toContainEqual({ code: 'legacyNotNumber', params: { label: '行政复议数', column: 'year', text: '无' } });
  });

  it('names a row it does not know and reads none of its figures', () => {
    const reading = read(['指标名称\t计量单位\t2016年度\t历年累计', '依申请公开信息目录数\t条\t3\t9', '行政复议数\t件\t0\t0'])!;
    expect(reading.rowsFound).toEqual(['reviews']);
    expect(reading.messages).toEqual([{ code: 'legacyUnknownRow', params: { label: '依申请公开信息目录数' } }]);
    expect(reading.status).toBe('partial');
  });

  it('reads no 本年 figure when the column is headed with another year than the report’s, and says so', () => {
    const reading = read(['指 标 名 称\t单位\t2017年度\t历年累计', '行政复议数\t件\t1\t2'], 2018)!;
    expect(reading.legacy.reviews).toEqual({ year: null, cumulative: 2 });
    expect(reading.provenance['legacy.reviews.year']).toBeUndefined();
    expect(reading.status).toBe('partial');
    expect(reading.messages).toEqual([{ code: 'legacyYearDiffers', params: { header: '2017年度', year: 2018 } }]);
  });

  it('reads Word cell-per-line rows', () => {
    const lines = ['\t指标名称', '\t计量单位', '\t2016年度', '\t历年累计', '', '\t主动公开文件数', '\t条', '\t66', '\t107', ''];
    const reading = read(lines)!;
    expect(reading.legacy.proactiveTotal).toEqual({ year: 66, cumulative: 107 });
    expect(reading.provenance['legacy.proactiveTotal.cumulative']).toBe(9);
  });
});
