/**
 * The older statistics table of real reports before 2019, figure by figure. Every expected figure
 * was read by hand from the file itself (the page's <table>, the crawler dump's line), not from the
 * extractor: 2018_pingtan.html (test/fixtures/real) and the dumps of test/fixtures/wild/pingtan-txt.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../../../scripts/lib/extract/file.ts';
import { createEmptyLegacy } from '../../../../src/lib/extract/tables/legacy.ts';
import type { Legacy, ReportRecord } from '../../../../src/lib/schema/report.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures');

async function extract(folder: string, file: string): Promise<{ record: ReportRecord; lines: string[] }> {
  const outcome = await extractFile(path.join(FIXTURES, folder), file);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return { record: outcome.record, lines: outcome.text.split(/\r\n|\r|\n/) };
}

/** Returns the status of a record's older table (null: not a record before the 2019 template). */
const legacyStatus = (record: ReportRecord) => (record.template === 'pre2019' ? record.tables.legacy : null);

/** Returns a legacy table printing the given rows (year, cumulative), every other row null. */
function legacy(rows: Partial<Record<keyof Legacy, [number | null, number | null]>>): Legacy {
  const table = createEmptyLegacy();
  for (const [key, [year, cumulative]] of Object.entries(rows)) table[key as keyof Legacy] = { year, cumulative };
  return table;
}
const ZEROS = [0, 0] as [number, number];

/** Asserts that every figure of the older table is traced to a source line that prints it. */
function expectTraced({ record, lines }: { record: ReportRecord; lines: string[] }): void {
  const paths = Object.keys(record.provenance);
  expect(paths.every((p) => p.startsWith('legacy.'))).toBe(true);
  for (const [key, figure] of Object.entries(record.legacy ?? {})) {
    for (const column of ['year', 'cumulative'] as const) {
      const line = record.provenance[`legacy.${key}.${column}`];
      if (figure[column] === null) expect(line, `${key}.${column}`).toBeUndefined();
      else expect(lines[line! - 1]!.split('\t'), `${key}.${column}`).toContain(String(figure[column]));
    }
  }
}

describe('2018_pingtan.html: the older table as a web page table (2018年度 / 历年累计)', () => {
  const got = extract('real', '2018_pingtan.html');
  it('reads every row the page prints', async () => {
    const { record } = await got;
    expect(record.template).toBe('pre2019');
    expect(record.legacy).toEqual(legacy({
      proactiveTotal: [2069, 12106], // 主动公开文件数 条 2069 12106
      proactiveWebsite: [2069, 12106], // 其中：1.政府网站公开数
      proactiveGazette: ZEROS, // 2.政府公报公开数
      requestsReceived: ZEROS, // 受理依申请公开信息总数
      requestsInPerson: ZEROS, // 其中：1.当面申请数
      requestsOnline: ZEROS, // 2.网上申请数
      requestsByLetterOrFax: ZEROS, // 3.信函、传真申请数
      answersTotal: ZEROS, // 对申请的答复总数
      answersGranted: ZEROS,
      answersPartlyGranted: ZEROS,
      answersRefused: ZEROS, // 3.不予公开答复数
      answersOther: ZEROS, // 4.其他类型答复数
      complaints: ZEROS, // 接受行政诉讼、举报数 件
      reviews: ZEROS,
      lawsuits: ZEROS,
    }));
    expect(legacyStatus(record)).toBe('complete');
    expect(record.checks).toEqual([{ id: 'legacySum', status: 'pass', evaluated: 4, failures: [] }]);
  });
  it('traces every figure to its line', async () => expectTraced(await got));
});

describe('2009_pingtan-county-finance_80646.txt: one column (年末统计), spaces between the cells', () => {
  const got = extract('wild/pingtan-txt', '2009_pingtan-county-finance_80646.txt');
  it('reads the 本年 column and leaves 历年累计 null', async () => {
    const { record } = await got;
    // 主动公开信息数 条 6 其中：1．网站公开 条 6 2．政府公报公开 条 0 受理依申请公开信息总数 条 0 … 行政申诉数 件 0
    expect(record.legacy).toEqual(legacy({
      proactiveTotal: [6, null], proactiveWebsite: [6, null], proactiveGazette: [0, null],
      requestsReceived: [0, null], requestsInPerson: [0, null], requestsByFax: [0, null], requestsByEmail: [0, null],
      requestsOnline: [0, null], requestsByLetter: [0, null], requestsOther: [0, null],
      answersTotal: [0, null], answersGranted: [0, null], answersPartlyGranted: [0, null], answersRefused: [0, null],
      reviews: [0, null], lawsuits: [0, null], complaints: [0, null],
    }));
    expect(legacyStatus(record)).toBe('complete');
    expect(record.checks[0]!.status).toBe('pass');
  });
  it('traces every figure to its line', async () => expectTraced(await got));
});

describe('2011_pingtan-county-government_80716.txt: glued runs (条4251516) split by the table’s sums', () => {
  const got = extract('wild/pingtan-txt', '2011_pingtan-county-government_80716.txt');
  it('reads 425 / 1516, 418 / 1509 and 7 / 7, and 0 / 0 in every other row', async () => {
    const { record } = await got;
    // 主动公开信息数条4251516其中：1.网站公开条41815092.政府公报公开条77受理依申请公开信息总数条00…行政申诉数条00
    expect(record.legacy).toEqual(legacy({
      proactiveTotal: [425, 1516], proactiveWebsite: [418, 1509], proactiveGazette: [7, 7],
      requestsReceived: ZEROS, requestsInPerson: ZEROS, requestsByFax: ZEROS, requestsByEmail: ZEROS,
      requestsOnline: ZEROS, requestsByLetter: ZEROS, requestsOther: ZEROS,
      answersTotal: ZEROS, answersGranted: ZEROS, answersPartlyGranted: ZEROS, answersRefused: ZEROS,
      reviews: ZEROS, lawsuits: ZEROS, complaints: ZEROS,
    }));
    expect(legacyStatus(record)).toBe('complete');
  });
  it('traces every figure to its line', async () => expectTraced(await got));
});

describe('2016_social-affairs_80480.txt: spaces between the cells (2016年度 / 历年累计)', () => {
  const got = extract('wild/pingtan-txt', '2016_social-affairs_80480.txt');
  it('reads every row', async () => {
    const { record } = await got;
    // 主动公开文件数 条 66 107 其中：1.政府网站公开数 条 66 107 2.政府公报公开数 条 0 0 … 行政诉讼数 件 0 0
    expect(record.legacy).toEqual(legacy({
      proactiveTotal: [66, 107], proactiveWebsite: [66, 107], proactiveGazette: ZEROS,
      requestsReceived: ZEROS, requestsInPerson: ZEROS, requestsOnline: ZEROS, requestsByLetterOrFax: ZEROS,
      answersTotal: ZEROS, answersGranted: ZEROS, answersPartlyGranted: ZEROS, answersRefused: ZEROS, answersOther: ZEROS,
      feesYuan: ZEROS, complaints: ZEROS, reviews: ZEROS, lawsuits: ZEROS,
    }));
    expect(legacyStatus(record)).toBe('complete');
  });
  it('reads none of its rows into tables 二–四', async () => {
    const { record } = await got;
    expect(Object.values(record.requests).flatMap((r) => Object.values(r)).every((v) => v === null)).toBe(true);
  });
  it('traces every figure to its line', async () => expectTraced(await got));
});

describe('2018_public-security_80532.txt: a glued run no sum decides, a 本年 column headed 2017年度, a table that contradicts itself', () => {
  const got = extract('wild/pingtan-txt', '2018_public-security_80532.txt');
  it('leaves 主动公开 and 网站公开 (1811568 each, 政府公报公开 0 / 0) blank and names the six splits', async () => {
    const { record } = await got;
    expect(record.legacy!.proactiveTotal).toEqual({ year: null, cumulative: null });
    expect(record.legacy!.proactiveWebsite).toEqual({ year: null, cumulative: null });
    expect(record.messages).toContainEqual({ code: 'legacyRunAmbiguous', params: { label: '主动公开信息数', run: '1811568', candidates: ['1 / 811568', '18 / 11568', '181 / 1568', '1811 / 568', '18115 / 68', '181156 / 8'], reason: 'severalSolutions', sum: 'proactiveTotal', solutions: 6 } });
    expect(legacyStatus(record)).toBe('partial');
  });
  it('reads the 历年累计 column as printed (受理 3, 同意公开 3 under 答复总数 0) and fails the answers’ sum', async () => {
    const { record } = await got;
    // 指 标 名 称单位2017年度历年累计…受理政府信息公开申请总数条13其中：1.当面申请数条002.网上申请数条003.信函申请数条13
    // 对申请的答复总数条00其中：1.同意公开答复数条132.同意部分公开答复数条003.不予公开答复数条00 4.其他类型答复数条00
    // 政府信息公开收费减免金额元00行政复议数件00行政诉讼数件00接受行政申诉、举报数件00
    expect(record.legacy).toEqual(legacy({
      proactiveTotal: [null, null], proactiveWebsite: [null, null], proactiveGazette: [null, 0],
      requestsReceived: [null, 3], requestsInPerson: [null, 0], requestsOnline: [null, 0], requestsByLetter: [null, 3],
      answersTotal: [null, 0], answersGranted: [null, 3], answersPartlyGranted: [null, 0], answersRefused: [null, 0], answersOther: [null, 0],
      feesYuan: [null, 0], reviews: [null, 0], lawsuits: [null, 0], complaints: [null, 0],
    }));
    const check = record.checks.find((c) => c.id === 'legacySum')!;
    expect(check.status).toBe('fail');
    expect(check.failures.map((f) => [f.cells.at(-1), f.expected, f.actual])).toEqual([['legacy.answersTotal.cumulative', 3, 0]]);
  });
  it('reads no 本年 figure: its column is headed 2017年度 in a 2018 report, and says so', async () => {
    const { record } = await got;
    expect(record.messages).toContainEqual({ code: 'legacyYearDiffers', params: { header: '2017年度', year: 2018 } });
  });
  it('traces every figure to its line', async () => expectTraced(await got));
});

describe('2013_local-tax_80774.txt: a report before 2019 with no table', () => {
  it('is a pre2019 record without an older table', async () => {
    const { record } = await extract('wild/pingtan-txt', '2013_local-tax_80774.txt');
    expect([record.template, record.legacy, legacyStatus(record)]).toEqual(['pre2019', null, 'absent']);
    expect(record.checks).toEqual([{ id: 'legacySum', status: 'notApplicable', evaluated: 0, failures: [] }]);
  });
});
