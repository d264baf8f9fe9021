import { describe, expect, it } from 'vitest';
import { shareOf, sumOrNull, summarizeReport } from '../../../src/lib/aggregate/summarize.ts';
import { loadSampleRecord } from '../../support/records.ts';

describe('sumOrNull and shareOf', () => {
  it('is null when any part is absent, never a partial sum', () => {
    expect(sumOrNull([1, 2, 3])).toBe(6);
    expect(sumOrNull([1, null, 3])).toBeNull();
    expect(sumOrNull([])).toBeNull();
  });
  it('has no share of nothing', () => {
    expect(shareOf(1, 4)).toBe(0.25);
    expect(shareOf(1, 0)).toBeNull();
    expect(shareOf(null, 4)).toBeNull();
  });
});

describe('summarizeReport', () => {
  it('summarizes a record once: the same summary for the same record object, a fresh one for a copy', () => {
    const record = loadSampleRecord('002_1c63ee7c050fc816.txt');
    expect(summarizeReport(record)).toBe(summarizeReport(record));
    const copy = structuredClone(record);
    expect(summarizeReport(copy)).not.toBe(summarizeReport(record));
    expect(summarizeReport(copy)).toEqual(summarizeReport(record));
  });
  it('002 沂源县人民政府 2023: dispositions add up to （七）总计 103', () => {
    const s = summarizeReport(loadSampleRecord('002_1c63ee7c050fc816.txt'));
    expect(s).toMatchObject({ received: 106, receivedFromProse: false, carriedOver: 0, handled: 103 });
    // 予以公开 62; 部分公开 2; 不予公开 1+2+2+1; 无法提供 30; 不予处理 1; 其他处理 2 (逾期不补正).
    expect(s.dispositions).toEqual({ granted: 62, partial: 2, withheld: 6, unavailable: 30, notProcessed: 1, otherHandling: 2 });
    expect(s.grantRate).toBeCloseTo(62 / 103, 12);
    expect(s.applicants).toEqual({ natural: 105, commercial: 0, research: 1, nonprofit: 0, legal: 0, other: 0 });
    expect(s.appeals).toEqual({ review: 1, litigationDirect: 2, litigationAfterReview: 0 });
    expect(s.proactiveItems).toBe(26646);
  });

  it('000 has no tables: received comes from prose and is marked so', () => {
    const s = summarizeReport(loadSampleRecord('000_951e69aa5677aff7.txt'));
    expect(s).toMatchObject({ received: 1, receivedFromProse: true, handled: null, grantRate: null, proactiveItems: 219 });
    expect(Object.values(s.dispositions)).toEqual([null, null, null, null, null, null]);
  });

  it('003 is cut off: families with a missing row are null, the rows read stay', () => {
    const s = summarizeReport(loadSampleRecord('003_9ea34a5d9b67e804.txt'));
    expect(s.dispositions).toEqual({ granted: 0, partial: 0, withheld: null, unavailable: null, notProcessed: null, otherHandling: null });
    expect(s).toMatchObject({ template: '2019', received: 0, handled: null, grantRate: null });
    expect(s.appeals).toEqual({ review: null, litigationDirect: null, litigationAfterReview: null });
  });

  it('004: blank review cells stay absent', () => {
    const s = summarizeReport(loadSampleRecord('004_e73212b8dc766644.txt'));
    expect(s.appeals).toEqual({ review: null, litigationDirect: 1, litigationAfterReview: 0 });
    expect(s.dispositions).toEqual({ granted: 2, partial: 1, withheld: 2, unavailable: 4, notProcessed: 0, otherHandling: 0 });
    expect([s.checksPassed, s.checksFailed, s.checksRun]).toEqual([4, 0, 5]);
  });
});
