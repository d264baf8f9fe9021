/**
 * The older statistics table glued by crawlers: laid out one row a line, each run of figures split
 * only where one reading is left, the others blank with a note naming the candidate splits.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXTRACTOR_NOTE, readExtractorNote } from '../../../../src/lib/extract/formats/crawled.ts';
import { reflowLegacyTables } from '../../../../src/lib/extract/formats/crawled-legacy.ts';
import { wordMessage } from '../../../../src/lib/i18n/word-message.ts';

const HEADER = '指标名称计量单位2011年度历年累计';
/** Returns the lines of the table a text's layout gives (from its header on). */
const tableLines = (text: string) => {
  const lines = reflowLegacyTables(text).split('\n');
  return lines.slice(lines.findIndex((l) => l.startsWith('指标名称')));
};
const notes = (text: string) => reflowLegacyTables(text).split('\n').filter((l) => l.startsWith(EXTRACTOR_NOTE)).map(readExtractorNote);

describe('reflowLegacyTables', () => {
  it('leaves a text without a glued older table as it is', () => {
    const text = '一、概述\r\n本年共主动公开信息6条。\r\n指标名称\t计量单位\t本年\r\n行政复议数\t件\t0\r\n';
    expect(reflowLegacyTables(text)).toBe(text);
  });

  it('splits the 2011 dump’s runs by 网站公开 + 政府公报公开 = 主动公开 (4251516 is 425 / 1516, the only reading)', () => {
    // test/fixtures/wild/pingtan-txt/2011_pingtan-county-government_80716.txt prints, on one line:
    // 指标名称计量单位2011年度历年累计主动公开信息数条4251516其中：1.网站公开条41815092.政府公报公开条77…
    const text = readFileSync('test/fixtures/wild/pingtan-txt/2011_pingtan-county-government_80716.txt', 'utf8');
    const lines = tableLines(text);
    expect(lines.slice(0, 5)).toEqual([
      '指标名称\t计量单位\t2011年度\t历年累计',
      '主动公开信息数\t条\t425\t1516',
      '其中：1.网站公开\t条\t418\t1509',
      '2.政府公报公开\t条\t7\t7',
      '受理依申请公开信息总数\t条\t0\t0',
    ]);
    expect(lines).toContain('6.其它形式申请数\t条\t0\t0');
    expect(lines).toContain('行政申诉数\t条\t0\t0');
    expect(notes(text)).toEqual([]);
  });

  it('keeps the text before the header and after the table on lines of their own', () => {
    const text = `二○一二年二月二十日 附件1：统计表 ${HEADER}行政复议数条00行政诉讼数条00附件下载`;
    expect(reflowLegacyTables(text).split('\n')).toEqual([
      '二○一二年二月二十日 附件1：统计表',
      '指标名称\t计量单位\t2011年度\t历年累计',
      '行政复议数\t条\t0\t0',
      '行政诉讼数\t条\t0\t0',
      '附件下载',
    ]);
  });

  it('reads spaces that separate exactly the columns as printed, and a table of one column', () => {
    expect(tableLines('附： 指标名称 计量单位 2016年度 历年累计 主动公开文件数 条 66 107 其中：1.政府网站公开数 条 66 107 2.政府公报公开数 条 0 0').slice(1)).toEqual([
      '主动公开文件数\t条\t66\t107',
      '其中：1.政府网站公开数\t条\t66\t107',
      '2.政府公报公开数\t条\t0\t0',
    ]);
    expect(tableLines('附表： 指标名称 计量单位 年末统计 主动公开信息数 条 6 其中：1．网站公开 条 6 2．政府公报公开 条 0 4. 网上申请数 条 0').slice(1)).toEqual([
      '主动公开信息数\t条\t6',
      '其中：1．网站公开\t条\t6',
      '2．政府公报公开\t条\t0',
      '4. 网上申请数\t条\t0',
    ]);
  });

  it('takes a digit before the next row’s "4." for its ordinal, not a figure', () => {
    expect(tableLines(`${HEADER}3.不予公开答复数条00 4.其他类型答复数条00`).slice(1)).toEqual(['3.不予公开答复数\t条\t0\t0', '4.其他类型答复数\t条\t0\t0']);
  });

  it('leaves a run with two readings that the sums cannot decide blank, naming its candidate splits', () => {
    // 1212 is 1 / 212, 12 / 12 or 121 / 2 in both rows, and 政府公报公开 is 0 / 0: every reading adds up.
    const text = `${HEADER}主动公开信息数条1212其中：1.网站公开条12122.政府公报公开条00`;
    expect(tableLines(text).slice(1, 4)).toEqual(['主动公开信息数\t条', '其中：1.网站公开\t条', '2.政府公报公开\t条\t0\t0']);
    expect(notes(text)).toEqual([
      { code: 'legacyRunAmbiguous', params: { label: '主动公开信息数', run: '1212', candidates: ['1 / 212', '12 / 12', '121 / 2'], reason: 'severalSolutions', sum: 'proactiveTotal', solutions: 3 } },
      { code: 'legacyRunAmbiguous', params: { label: '其中：1.网站公开', run: '1212', candidates: ['1 / 212', '12 / 12', '121 / 2'], reason: 'severalSolutions', sum: 'proactiveTotal', solutions: 3 } },
    ]);
  });

  it('leaves the answers blank when two combinations of splits both add up (10 / 30 and 103 / 0)', () => {
    // 答复数 1030: 10 / 30 or 103 / 0; 同意公开 820: 8 / 20 or 82 / 0; 否决 210: 2 / 10 or 21 / 0.
    // 8 + 0 + 2 = 10 and 20 + 0 + 10 = 30; 82 + 0 + 21 = 103 and 0 + 0 + 0 = 0.
    const text = `${HEADER}对申请的答复数条1030其中：1.同意公开答复数条8202.同意部分公开答复数条003.否决公开答复数条210行政复议数条00`;
    expect(tableLines(text).slice(1, 6)).toEqual(['对申请的答复数\t条', '其中：1.同意公开答复数\t条', '2.同意部分公开答复数\t条\t0\t0', '3.否决公开答复数\t条', '行政复议数\t条\t0\t0']);
    expect(notes(text)[0]).toEqual({ code: 'legacyRunAmbiguous', params: { label: '对申请的答复数', run: '1030', candidates: ['10 / 30', '103 / 0'], reason: 'severalSolutions', sum: 'answersTotal', solutions: 2 } });
    expect(wordMessage(notes(text)[0]!, 'zh')).toBe('旧式统计表「对申请的答复数」的数字串「1030」有多种拆法（2 种：10 / 30；103 / 0），使「同意公开 + 同意部分公开 + 不予（否决）公开 + 其他类型 = 答复总数」在每一列成立的拆法仍有 2 种，单元格为空 (null)');
    expect(notes(text)).toHaveLength(3);
  });

  it('decides the answers when one combination adds up', () => {
    // 答复数 1030: 10 / 30 or 103 / 0; 同意公开 929: 9 / 29 or 92 / 9; 否决 11: only 1 / 1.
    // Of the four combinations only 9 + 1 = 10 and 29 + 1 = 30 adds up.
    const text = `${HEADER}对申请的答复数条1030其中：1.同意公开答复数条9292.否决公开答复数条11`;
    expect(tableLines(text).slice(1)).toEqual(['对申请的答复数\t条\t10\t30', '其中：1.同意公开答复数\t条\t9\t29', '2.否决公开答复数\t条\t1\t1']);
  });

  it('leaves a row outside every sum blank when it has two readings, and one that cannot fill the columns', () => {
    const text = `${HEADER}行政复议数件123行政诉讼数件5`;
    expect(tableLines(text).slice(1, 3)).toEqual(['行政复议数\t件', '行政诉讼数\t件']);
    expect(notes(text)).toEqual([
      { code: 'legacyRunAmbiguous', params: { label: '行政复议数', run: '123', candidates: ['1 / 23', '12 / 3'], reason: 'noSum', sum: null, solutions: null } },
      { code: 'legacyRunUnsplit', params: { label: '行政诉讼数', run: '5', width: 2 } },
    ]);
  });
});
