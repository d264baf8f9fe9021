import { describe, expect, it } from 'vitest';
import { indexReport, listProblemReports } from '../../../src/lib/aggregate/report-index.ts';
import { summarizeReport } from '../../../src/lib/aggregate/summarize.ts';
import { loadSampleRecord, loadSampleRecords } from '../../support/records.ts';

describe('indexReport', () => {
  it('keeps the summary, the agency, the title and dates, and no problems for a complete report whose checks pass', () => {
    const record = loadSampleRecord('001_b87e4db93de93761.txt'); // 泰山区行政审批服务局 2024
    expect(indexReport(record)).toEqual({ summary: summarizeReport(record), agency: record.agency, title: record.title, published: null, signedOn: record.signedOn, problems: null });
    expect(indexReport({ ...record, published: { date: '2025-01-20', source: 'html-meta' } }).published).toBe('2025-01-20');
  });

  it('lists incomplete checks, tables not printed complete and the notes of a cut-off report', () => {
    const record = loadSampleRecord('003_9ea34a5d9b67e804.txt'); // 沂源县行政审批服务局 2020: table 3 cut off, no table 4
    expect(indexReport(record).problems).toEqual({
      failed: [],
      incomplete: ['balance', 'rowSum', 'dispositionSum'],
      tables: [{ table: 'requests', status: 'partial' }, { table: 'appeals', status: 'absent' }],
      messages: record.messages,
    });
  });
});

describe('listProblemReports', () => {
  it('lists the reports with problems by id when none failed a check', () => {
    expect(listProblemReports(loadSampleRecords().map(indexReport)).map((r) => r.summary.id)).toEqual([
      'yiyuanxian-xingzheng-shenpi-fuwuju-2020',
      'yiyuanxian-xingzheng-shenpi-fuwuju-2024',
      'zaozhuangshi-xingzheng-shenpi-fuwuju-2024',
    ]);
  });

  it('puts the reports with most failed checks first', () => {
    const records = loadSampleRecords();
    const taian = records[1]!;
    const failing = { ...taian, checks: taian.checks.map((c) => (c.id === 'balance' ? { ...c, status: 'fail' as const } : c)) };
    const list = listProblemReports([...records.slice(0, 1), failing, ...records.slice(2)].map(indexReport));
    expect(list[0]!.summary.id).toBe('taishanqu-xingzheng-shenpi-fuwuju-2024');
    expect(list[0]!.problems.failed).toEqual(['balance']);
  });
});
