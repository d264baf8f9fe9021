import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../../src/lib/extract/extract-report.ts';
import type { FileOutcome } from '../../../src/lib/extract/manifest.ts';
import { reportRecordSchema, type ReportRecord } from '../../../src/lib/schema/report.ts';
import { SAMPLES } from '../../fixtures/samples.ts';
import { wordMessages } from '../../support/messages.ts';

const SOURCE = { sha256: '0'.repeat(64), encoding: 'utf-8', format: 'text' as const, bytes: 1 };

function extractSample(file: string): ReportRecord {
  const text = readFileSync(new URL(`../../../content/reports/${file}`, import.meta.url), 'utf8');
  const result: FileOutcome = extractReport(text, { ...SOURCE, path: file });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.record;
}

describe.each(SAMPLES)('sample $file', (sample) => {
  const record = extractSample(sample.file);

  it('is schema-valid', () => {
    expect(reportRecordSchema.safeParse(record).success).toBe(true);
  });
  it('reads agency, year and template edition', () => {
    expect([record.agency.name, record.year, record.template]).toEqual([sample.agency, sample.year, sample.template]);
  });
  it('reads every cell of table A', () => {
    expect(record.proactive).toEqual(sample.proactive);
  });
  it('reads every cell of table B', () => {
    expect(record.requests).toEqual(sample.requests);
  });
  it('reads every cell of table C', () => {
    expect(record.appeals).toEqual(sample.appeals);
  });
  it('says which tables it has', () => {
    expect(record.tables).toEqual(sample.tables);
  });
  it('runs the five checks', () => {
    expect(Object.fromEntries(record.checks.map((c) => [c.id, c.status]))).toEqual(sample.checks);
  });
  it('traces every figure to a source line holding it', () => {
    const lines = readFileSync(new URL(`../../../content/reports/${sample.file}`, import.meta.url), 'utf8').split(/\r?\n/);
    for (const [path, line] of Object.entries(record.provenance)) {
      const [table, row, col] = path.split('.') as [string, string, string];
      const value = (record as unknown as Record<string, Record<string, Record<string, number | null>>>)[table]![row]![col];
      expect(value, path).not.toBeNull();
      const digits = lines[line - 1]!.replace(/[^\d]/g, '');
      expect(digits, `${path} at line ${line}`).toContain(String(Math.abs(value!)));
    }
  });
});

describe('prose figures', () => {
  it('reads the report with no tables from its prose', () => {
    const record = extractSample('000_951e69aa5677aff7.txt');
    expect(record.narrative.proactiveItems).toMatchObject({ value: 219, text: '公开政府信息219条' });
    expect(record.narrative.requestsReceived).toMatchObject({ value: 1, text: '收到依申请公开办理件1件' });
  });
  it('compares the prose with table B (004: 9 received, 2 granted, 1 partial, 4 unavailable, 2 withheld)', () => {
    const record = extractSample('004_e73212b8dc766644.txt');
    const n = record.narrative;
    expect([n.requestsReceived?.value, n.granted?.value, n.partiallyGranted?.value, n.unavailable?.value, n.withheld?.value]).toEqual([9, 2, 1, 4, 2]);
    expect(record.checks.find((c) => c.id === 'narrative')).toMatchObject({ status: 'pass', evaluated: 5 });
  });
});

describe('cut-off and missing tables', () => {
  const record = extractSample('003_9ea34a5d9b67e804.txt');
  it('says where table B was cut off and that table C is missing', () => {
    expect(record.messages).toContainEqual({ code: 'requestsPartial', params: expect.objectContaining({ cutAfter: 'withheldThirdParty' }) });
    expect(record.messages).toContainEqual({ code: 'tableAbsent', params: { table: 'appeals' } });
    expect(wordMessages(record.messages).join('\n')).toContain('4.保护第三方合法权益」之后截断');
  });
  it('reads signed 增/减 changes', () => {
    expect(record.template === '2019' && record.proactive.licensing.change).toBe(69);
  });
});

describe('same agency across years', () => {
  it('gives 000 and 003 (沂源县行政审批服务局) one slug', () => {
    const a = extractSample('000_951e69aa5677aff7.txt');
    const b = extractSample('003_9ea34a5d9b67e804.txt');
    expect(a.agency.slug).toBe(b.agency.slug);
    expect(a.id).not.toBe(b.id);
  });
});

describe('printed totals are kept, not repaired', () => {
  it('fails balance and dispositionSum when 总计 contradicts the rows', () => {
    const text = readFileSync(new URL('../../../content/reports/001_b87e4db93de93761.txt', import.meta.url), 'utf8');
    // Change the printed 总计 of 自然人 in （七）总计 from 28 to 27.
    const mangled = text.replace(/（七）总计\n\t28/, '（七）总计\n\t27');
    expect(mangled).not.toBe(text);
    const result = extractReport(mangled, { ...SOURCE, path: 'x.txt' });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.record.requests.total.natural).toBe(27);
    const status = Object.fromEntries(result.record.checks.map((c) => [c.id, c.status]));
    expect(status).toMatchObject({ balance: 'fail', dispositionSum: 'fail', rowSum: 'fail' });
    const balance = result.record.checks.find((c) => c.id === 'balance')!;
    expect(balance.failures).toEqual([
      {
        where: '自然人列：本年新收 + 上年结转 = 总计 + 结转下年度',
        cells: ['requests.newReceived.natural', 'requests.carriedOver.natural', 'requests.total.natural', 'requests.carriedForward.natural'],
        expected: 28,
        actual: 27,
      },
    ]);
  });
});

describe('not a report', () => {
  it.each([
    ['', 'emptyFile'],
    ['这是一份会议纪要，与政府信息公开无关。\n第二行', 'notAReport'],
  ])('refuses %j', (text, reason) => {
    const result = extractReport(text, { ...SOURCE, path: 'x.txt' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toEqual({ code: reason, params: {} });
  });
});

describe('the older statistics table (before the 2019 template)', () => {
  it('is kept from the readers of tables 二–四: 2.同意部分公开答复数 0 0 is no 部分公开 row', () => {
    const text = [
      '平潭综合实验区社会事业局2016年政府信息公开工作年度报告',
      '三、政府信息依申请公开办理情况',
      '2016年，我局未收到有关政府信息公开的申请。',
      '指标名称\t计量单位\t2016年度\t历年累计',
      '对申请的答复总数\t条\t0\t0',
      '其中：1.同意公开答复数\t条\t0\t0',
      '2.同意部分公开答复数\t条\t0\t0',
      '3.不予公开答复数\t条\t0\t0',
    ].join('\n');
    const result = extractReport(text, { ...SOURCE, path: 'x.txt' });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(Object.keys(result.record.provenance).filter((p) => !p.startsWith('legacy.'))).toEqual([]);
    expect(result.record.tables.requests).toBe('absent');
  });
});
