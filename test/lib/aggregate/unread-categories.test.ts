import { describe, expect, it } from 'vitest';
import { summarizeReport } from '../../../src/lib/aggregate/summarize.ts';
import { listUnreadAppeals, listUnreadApplicants } from '../../../src/lib/aggregate/unread-categories.ts';
import { loadSampleRecords } from '../../support/records.ts';

const summaries = loadSampleRecords().map(summarizeReport);
const barOf = (s: { agency: string; year: number }) => `${s.agency} ${s.year}`;

describe('listUnreadAppeals', () => {
  it('lists each report’s appeal groups not read, never a blank as 0', () => {
    // 枣庄 2024 (004) leaves 行政复议 blank in 表四; 003 (2020) is cut off before 表四; 000 (2024) has no tables.
    expect(listUnreadAppeals(summaries, barOf)).toEqual([
      { bar: '沂源县行政审批服务局 2024', keys: ['review', 'litigationDirect', 'litigationAfterReview'] },
      { bar: '沂源县行政审批服务局 2020', keys: ['review', 'litigationDirect', 'litigationAfterReview'] },
      { bar: '枣庄市行政审批服务局 2024', keys: ['review'] },
    ]);
  });
});

describe('listUnreadApplicants', () => {
  it('lists the reports whose applicant columns are not all read', () => {
    expect(listUnreadApplicants(summaries, barOf)).toEqual([
      { bar: '沂源县行政审批服务局 2024', keys: ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other'] },
    ]);
  });
});
