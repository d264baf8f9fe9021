import { describe, expect, it } from 'vitest';
import { listDispositionSegments, sumDispositionsByYear } from '../../../src/lib/aggregate/corpus.ts';
import { listUndrawnBars, readDispositionBar } from '../../../src/lib/aggregate/disposition-bars.ts';
import { summarizeReport } from '../../../src/lib/aggregate/summarize.ts';
import { editRequests, loadSampleRecord } from '../../support/records.ts';

// 枣庄市行政审批服务局 2024 (004), table 三 总计 column: 予以公开 2, 部分公开 1, 不予公开 2 (all in
// 4.保护第三方合法权益), 无法提供 4 (all in 1.本机关不掌握), 不予处理 0, 其他处理 0; （七）总计 9.
const zaozhuang = loadSampleRecord('004_e73212b8dc766644.txt');
// 泰安市泰山区行政审批服务局 2024 (001): 13, 2, 2, 9 (8 in 1.本机关不掌握, 1 in 2.没有现成信息), 2, 0; 总计 28.
const taishan = loadSampleRecord('001_b87e4db93de93761.txt');
const yearOf = (s: { year: number }) => `${s.year}年`;

describe('an outcomes bar whose total is 0 (issue 20)', () => {
  // The report prints （七）总计 0 beside nine requests in its rows: its check fails.
  const record = editRequests(zaozhuang, { total: { natural: 0, total: 0 } });
  const summary = summarizeReport(record);

  it('is a report whose check failed', () => {
    expect(record.checks.find((c) => c.id === 'dispositionSum')!.status).toBe('fail');
  });

  it('draws no shares at all, and says why', () => {
    expect(readDispositionBar([summary])).toEqual({
      handled: 0,
      counts: { granted: 2, partial: 1, withheld: 2, unavailable: 4, notProcessed: 0, otherHandling: 0 },
      unread: null,
      undrawn: 'zeroTotal',
    });
    expect(listDispositionSegments([summary], yearOf)).toEqual([]);
    expect(listUndrawnBars([summary], yearOf)).toEqual([{ bar: '2024年', reason: 'zeroTotal' }]);
    expect(sumDispositionsByYear([summary], (year) => `${year}年`)).toEqual([]);
  });
});

describe('an outcomes bar with a row of table 三 not read', () => {
  const summary = summarizeReport(editRequests(zaozhuang, { withheldThirdParty: { total: null } }));

  it('draws the families read as shares of （七）总计 and the rest as a part not read', () => {
    expect(readDispositionBar([summary])).toEqual({
      handled: 9,
      counts: { granted: 2, partial: 1, withheld: null, unavailable: 4, notProcessed: 0, otherHandling: 0 },
      unread: 2,
      undrawn: null,
    });
    expect(listDispositionSegments([summary], yearOf)).toEqual([
      { bar: '2024年', group: 'granted', count: 2, share: 2 / 9 },
      { bar: '2024年', group: 'partial', count: 1, share: 1 / 9 },
      { bar: '2024年', group: 'unavailable', count: 4, share: 4 / 9 },
      { bar: '2024年', group: 'notProcessed', count: 0, share: 0 },
      { bar: '2024年', group: 'otherHandling', count: 0, share: 0 },
      { bar: '2024年', group: 'unread', count: 2, share: 2 / 9 },
    ]);
    expect(listUndrawnBars([summary], yearOf)).toEqual([]);
  });

  it('has no part not read when every row is read', () => {
    const whole = listDispositionSegments([summarizeReport(zaozhuang)], yearOf);
    expect(whole.map((s) => [s.group, s.count])).toEqual([
      ['granted', 2], ['partial', 1], ['withheld', 2], ['unavailable', 4], ['notProcessed', 0], ['otherHandling', 0],
    ]);
  });
});

describe('outcomes bars that contradict or lack their total', () => {
  it('draws no shares when the families read add up to more than （七）总计', () => {
    // 予以公开 printed as 20 against a total of 9, with 无法提供 not read.
    const summary = summarizeReport(editRequests(zaozhuang, { granted: { total: 20 }, unavailableNotHeld: { total: null } }));
    expect(readDispositionBar([summary])).toMatchObject({ handled: 9, unread: null, undrawn: 'contradicts' });
    expect(listDispositionSegments([summary], yearOf)).toEqual([]);
  });

  it('draws no shares when every family is read and they add up to something else', () => {
    const summary = summarizeReport(editRequests(zaozhuang, { total: { total: 10 } }));
    expect(listUndrawnBars([summary], yearOf)).toEqual([{ bar: '2024年', reason: 'contradicts' }]);
  });

  it('draws no shares when （七）总计 was not read (the 2020 sample, whose table 三 is cut off)', () => {
    const summary = summarizeReport(loadSampleRecord('003_9ea34a5d9b67e804.txt'));
    expect([summary.year, summary.handled]).toEqual([2020, null]);
    expect(listDispositionSegments([summary], yearOf)).toEqual([]);
    expect(listUndrawnBars([summary], yearOf)).toEqual([{ bar: '2020年', reason: 'totalNotRead' }]);
  });
});

describe('a year whose every report misses a row of table 三 (issue 20)', () => {
  const partly = [
    summarizeReport(editRequests(taishan, { unavailableNotHeld: { total: null } })),
    summarizeReport(editRequests(zaozhuang, { withheldThirdParty: { total: null } })),
  ];

  it('draws each report with its part not read', () => {
    const segments = listDispositionSegments(partly, (s) => s.agency);
    expect(segments.filter((s) => s.group === 'unread')).toEqual([
      // 泰山区: 28 − (13 + 2 + 2 + 2 + 0); 枣庄: 9 − (2 + 1 + 4 + 0 + 0).
      { bar: '泰安市泰山区行政审批服务局', group: 'unread', count: 9, share: 9 / 28 },
      { bar: '枣庄市行政审批服务局', group: 'unread', count: 2, share: 2 / 9 },
    ]);
  });

  it('sums the year over families read in every report, the rest not read', () => {
    // Families read in both: 予以公开 13 + 2, 部分公开 2 + 1, 不予处理 2 + 0, 其他处理 0 + 0; 不予公开
    // and 无法提供 are each missing in one report. 总计 28 + 9 = 37.
    expect(sumDispositionsByYear(partly, (year) => `${year}年`)).toEqual([
      { bar: '2024年', group: 'granted', count: 15, share: 15 / 37 },
      { bar: '2024年', group: 'partial', count: 3, share: 3 / 37 },
      { bar: '2024年', group: 'notProcessed', count: 2, share: 2 / 37 },
      { bar: '2024年', group: 'otherHandling', count: 0, share: 0 },
      { bar: '2024年', group: 'unread', count: 17, share: 17 / 37 },
    ]);
  });

  it('leaves a report without shares out of the year, the others still drawn', () => {
    const zero = summarizeReport(editRequests(zaozhuang, { total: { natural: 0, total: 0 } }));
    expect(sumDispositionsByYear([partly[0]!, zero], (year) => `${year}年`).map((s) => [s.group, s.count])).toEqual([
      ['granted', 13], ['partial', 2], ['withheld', 2], ['notProcessed', 2], ['otherHandling', 0], ['unread', 9],
    ]);
  });
});
