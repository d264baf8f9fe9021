/**
 * Template variants: the 2019 edition (also used for reports on 2020), signed 本年增/减 figures,
 * 2021-edition reports that keep the 2019 edition's single （六）其他处理 row, and prose figures in
 * Chinese numerals and 万/亿.
 */
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../../src/lib/extract/extract-report.ts';
import { parseChineseNumeral, parseProseNumber, parseSignedChange, parseYuan } from '../../../src/lib/extract/numbers.ts';
import { readNarrative } from '../../../src/lib/extract/prose.ts';
import type { ReportRecord } from '../../../src/lib/schema/report.ts';
import { row } from '../../fixtures/samples.ts';
import { wordMessages } from '../../support/messages.ts';

const SOURCE = { path: 'x.txt', sha256: '0'.repeat(64), encoding: 'utf-8', format: 'text' as const, bytes: 1 };

function extract(text: string): { record: ReportRecord; warnings: string[] } {
  const result = extractReport(text, SOURCE);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return { record: result.record, warnings: wordMessages(result.warnings) };
}

const tsv = (...cells: (string | number)[]) => cells.join('\t');

/** Table B of the 2019 edition: 社会组织 column, one （六）其他处理 row. */
const TABLE_B_2019 = [
  tsv('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '', '', '申请人情况'),
  tsv('', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计'),
  tsv('', '', '', '', '商业企业', '科研机构', '社会组织', '法律服务机构', '其他', ''),
  tsv('一、本年新收政府信息公开申请数量', '', '', 10, 2, 0, 0, 1, 0, 13),
  tsv('二、上年结转政府信息公开申请数量', '', '', 1, 0, 0, 0, 0, 0, 1),
  tsv('三、本年度办理结果', '（一）予以公开', '', 5, 1, 0, 0, 0, 0, 6),
  tsv('', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '', 1, 1, 0, 0, 0, 0, 2),
  tsv('', '（三）不予公开', '1．属于国家秘密', 0, 0, 0, 0, 0, 0, 0),
  tsv('', '', '2．其他法律行政法规禁止公开', 0, 0, 0, 0, 0, 0, 0),
  tsv('', '', '3．危及“三安全一稳定”', 0, 0, 0, 0, 0, 0, 0),
  tsv('', '', '4．保护第三方合法权益', 1, 0, 0, 0, 0, 0, 1),
  tsv('', '', '5．属于三类内部事务信息', 0, 0, 0, 0, 0, 0, 0),
  tsv('', '', '6．属于四类过程性信息', 0, 0, 0, 0, 0, 0, 0),
  tsv('', '', '7．属于行政执法案卷', 0, 0, 0, 0, 0, 0, 0),
  tsv('', '', '8．属于行政查询事项', 0, 0, 0, 0, 0, 0, 0),
  tsv('', '（四）无法提供', '1．本机关不掌握相关政府信息', 1, 0, 0, 0, 1, 0, 2),
  tsv('', '', '2．没有现成信息需要另行制作', 0, 0, 0, 0, 0, 0, 0),
  tsv('', '', '3．补正后申请内容仍不明确', 0, 0, 0, 0, 0, 0, 0),
  tsv('', '（五）不予处理', '1．信访举报投诉类申请', 0, 0, 0, 0, 0, 0, 0),
  tsv('', '', '2．重复申请', 0, 0, 0, 0, 0, 0, 0),
  tsv('', '', '3．要求提供公开出版物', 0, 0, 0, 0, 0, 0, 0),
  tsv('', '', '4．无正当理由大量反复申请', 0, 0, 0, 0, 0, 0, 0),
  tsv('', '', '5．要求行政机关确认或重新出具已获取信息', 0, 0, 0, 0, 0, 0, 0),
  tsv('', '（六）其他处理', '', 2, 0, 0, 0, 0, 0, 2),
  tsv('', '（七）总计', '', 10, 2, 0, 0, 1, 0, 13),
  tsv('四、结转下年度继续办理', '', '', 1, 0, 0, 0, 0, 0, 1),
];

const TABLE_C = [
  tsv('行政复议', '', '', '', '', '行政诉讼'),
  tsv('结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '', '', '', '', '复议后起诉'),
  tsv('', '', '', '', '', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'),
  tsv(1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0),
];

function report2019(year: number): string {
  return [
    `某某县交通运输局${year}年政府信息公开工作年度报告`,
    `本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`,
    '一、总体情况',
    `${year}年，我局共收到政府信息公开申请十三件，予以公开六件，主动公开政府信息1.2万条。`,
    '二、主动公开政府信息情况',
    tsv('第二十条第（一）项'),
    tsv('信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'),
    tsv('规章', 0, 0, 0),
    tsv('规范性文件', 3, 3, 25),
    tsv('第二十条第（五）项'),
    tsv('信息内容', '上一年项目数量', '本年增/减', '处理决定数量'),
    tsv('行政许可', 79, '增 69', 11983),
    tsv('其他对外管理服务事项', 16, '减 18', 13980),
    tsv('第二十条第（六）项'),
    tsv('信息内容', '上一年项目数量', '本年增/减', '处理决定数量'),
    tsv('行政处罚', 12, '-3', 450),
    tsv('行政强制', 4, '＋2', 31),
    tsv('第二十条第（八）项'),
    tsv('信息内容', '上一年项目数量', '本年增/减'),
    tsv('行政事业性收费', 6, '减少1'),
    tsv('第二十条第（九）项'),
    tsv('信息内容', '采购项目数量', '采购总金额'),
    tsv('政府集中采购', 14, '73802895.90元'),
    '三、收到和处理政府信息公开申请情况',
    ...TABLE_B_2019,
    '四、政府信息公开行政复议、行政诉讼情况',
    ...TABLE_C,
    '五、存在的主要问题及改进情况',
    '无。',
    '六、其他需要报告的事项',
    '无。',
  ].join('\n');
}

describe('2019 edition', () => {
  it.each([2019, 2020])('reads a report for %i in the 2019 format', (year) => {
    const { record } = extract(report2019(year));
    expect([record.year, record.template]).toEqual([year, '2019']);
    expect(record.proactive).toEqual({
      rules: { made: 0, published: 0, totalPublic: 0 },
      normativeDocs: { made: 3, published: 3, totalPublic: 25 },
      licensing: { prevItems: 79, change: 69, decisions: 11983 },
      otherServices: { prevItems: 16, change: -18, decisions: 13980 },
      penalty: { prevItems: 12, change: -3, decisions: 450 },
      coercion: { prevItems: 4, change: 2, decisions: 31 },
      fees: { prevItems: 6, change: -1 },
      procurement: { projects: 14, amountYuan: 73802895.9 },
    });
    expect(record.requests.otherHandling).toEqual(row(2, 0, 0, 0, 0, 0, 2));
    expect(record.requests.otherNoCorrection).toEqual(row(null, null, null, null, null, null, null));
    expect(record.requests.unavailableNotHeld).toEqual(row(1, 0, 0, 0, 1, 0, 2));
    expect(record.requests.total).toEqual(row(10, 2, 0, 0, 1, 0, 13));
    expect(record.tables).toEqual({ proactive: 'complete', requests: 'complete', appeals: 'complete' });
    expect(Object.fromEntries(record.checks.map((c) => [c.id, c.status]))).toEqual({
      balance: 'pass', rowSum: 'pass', dispositionSum: 'pass', appealSum: 'pass', narrative: 'pass',
    });
  });

  it('keeps a printed total that contradicts its rows, and fails the check', () => {
    const text = report2019(2020).replace(tsv('', '（七）总计', '', 10, 2, 0, 0, 1, 0, 13), tsv('', '（七）总计', '', 9, 2, 0, 0, 1, 0, 13));
    const { record } = extract(text);
    expect(record.requests.total.natural).toBe(9);
    const failed = record.checks.filter((c) => c.status === 'fail').map((c) => c.id);
    expect(failed).toEqual(['balance', 'rowSum', 'dispositionSum']);
  });
});

describe('2021 edition keeping the single （六）其他处理 row', () => {
  const text = [
    '某某市生态环境局2022年政府信息公开工作年度报告',
    '一、总体情况',
    '正文。',
    '二、主动公开政府信息情况',
    tsv('信息内容', '本年制发件数', '本年废止件数', '现行有效件数'),
    tsv('规章', 0, 0, 0),
    tsv('行政规范性文件', 1, 0, 9),
    tsv('行政许可', 120),
    tsv('行政处罚', 33),
    tsv('行政强制', 2),
    tsv('行政事业性收费', 0),
    '三、收到和处理政府信息公开申请情况',
    ...TABLE_B_2019,
    '四、政府信息公开行政复议、行政诉讼情况',
    ...TABLE_C,
    '五、存在的主要问题及改进情况',
    '无。',
  ].join('\n');

  it('reads table B in the shape printed, complete, and checks it against that shape', () => {
    const { record, warnings } = extract(text);
    expect(record.template).toBe('2021');
    expect(record.proactive).toMatchObject({ normativeDocs: { issued: 1, repealed: 0, inForce: 9 }, licensing: { decisions: 120 } });
    expect(record.requests.otherHandling).toEqual(row(2, 0, 0, 0, 0, 0, 2));
    for (const key of ['otherNoCorrection', 'otherUnpaidFee', 'otherOther'] as const) {
      expect(record.requests[key]).toEqual(row(null, null, null, null, null, null, null));
    }
    expect(record.tables.requests).toBe('complete');
    expect(Object.fromEntries(record.checks.map((c) => [c.id, c.status]))).toMatchObject({ balance: 'pass', rowSum: 'pass', dispositionSum: 'pass' });
    expect(warnings.join('\n')).toContain('单行「（六）其他处理」');
  });
});

describe('numbers as printed', () => {
  it('reads signed 本年增/减 in every printed form', () => {
    const cases: [string, number | null][] = [
      ['增 69', 69], ['增69', 69], ['增加69', 69], ['减 18', -18], ['减少18', -18], ['-18', -18], ['−18', -18], ['－１８', -18],
      ['+2', 2], ['＋2', 2], ['0', 0], ['', null], ['增', null], ['持平', null], ['增减', null],
      // Two figures run together are not one: "1 2" is never 12.
      ['1 2', null], ['增 1 2', null], ['- 3', -3],
    ];
    for (const [text, value] of cases) expect(parseSignedChange(text), text).toBe(value);
  });

  it('reads amounts with their unit in yuan', () => {
    expect(parseYuan('251000元')).toBe(251000);
    expect(parseYuan('73802895.90元')).toBe(73802895.9);
    expect(parseYuan('12.5万元')).toBe(125000);
    expect(parseYuan('1.2亿元')).toBe(120000000);
    expect(parseYuan('约12万元')).toBeNull();
    expect(parseYuan('12 5万元')).toBeNull();
    expect(parseYuan('12.5 万元')).toBe(125000);
  });

  it('reads Chinese numerals', () => {
    const cases: [string, number | null][] = [
      ['一', 1], ['十', 10], ['十二', 12], ['二十', 20], ['一百零五', 105], ['两千三百', 2300], ['两万', 20000],
      ['三亿五千万', 350000000], ['二〇二四', 2024], ['', null], ['十二件', null],
    ];
    for (const [text, value] of cases) expect(parseChineseNumeral(text), text).toBe(value);
  });

  it('applies 万 and 亿 to prose figures', () => {
    expect(parseProseNumber('1.2', '万')).toBe(12000);
    expect(parseProseNumber('3', '亿')).toBe(300000000);
    expect(parseProseNumber('十二', '万')).toBe(120000);
  });
});

describe('prose figures', () => {
  const read = (line: string) => readNarrative([line]);

  it('reads Chinese numerals and 万/亿 units', () => {
    expect(read('全年共收到政府信息公开申请十二件，予以公开一件。')).toMatchObject({
      requestsReceived: { value: 12, text: '收到政府信息公开申请十二件' },
      granted: { value: 1, text: '予以公开一件' },
    });
    expect(read('全年主动公开政府信息1.2万条。').proactiveItems?.value).toBe(12000);
    expect(read('全年主动公开政府信息两万条。').proactiveItems?.value).toBe(20000);
    expect(read('发生行政复议两件、行政诉讼3起。')).toMatchObject({ reviewCases: { value: 2 }, litigationCases: { value: 3 } });
  });

  it('reads figures with spaces and full-width digits', () => {
    expect(read('2024 年共收到政府信息公开申请 ９ 件').requestsReceived?.value).toBe(9);
  });

  it('does not read a combined figure as one disposition', () => {
    expect(read('予以公开及部分公开42件').partiallyGranted).toBeUndefined();
    expect(read('予以公开、部分公开共42件').partiallyGranted).toBeUndefined();
    expect(read('予以公开2件、部分公开1件').partiallyGranted?.value).toBe(1);
  });

  it('ignores table lines', () => {
    expect(read('（一）予以公开\t2\t0\t0\t0\t0\t0\t2')).toEqual({});
  });
});
