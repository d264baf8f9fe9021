/**
 * Findings on the five samples (values worked out by hand from content/reports/) and on variants of
 * them made for one finding each: year-over-year flags, boilerplate, timeliness, prose vs tables,
 * applicant mix, data-quality ranking, and the per-report and per-agency descriptions.
 */
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../src/lib/extract/checks.ts';
import { listCorpusApplicantMix, listYearApplicantSegments, describeApplicantMix } from '../../../src/lib/findings/applicants.ts';
import { collectNgrams, findPrevious, rankBoilerplate, scoreBoilerplate, splitSentences } from '../../../src/lib/findings/boilerplate.ts';
import { describeAgencyFindings, describeDisagreement, describeFindingNote, describeCorpusFindings, describeReportChecks, describeReportFindings } from '../../../src/lib/findings/describe.ts';
import { listDisagreements } from '../../../src/lib/findings/disagreements.ts';
import { rankAgencyQuality } from '../../../src/lib/findings/quality.ts';
import { assessTimeliness, findDeadline } from '../../../src/lib/findings/timeliness.ts';
import { flagChange, listAgencyChanges } from '../../../src/lib/findings/yoy.ts';
import { describeChangeFlag, describeTimeliness } from '../../../src/lib/i18n/word-finding.ts';
import { summarizeReport } from '../../../src/lib/aggregate/summarize.ts';
import { dictionary } from '../../../src/lib/i18n/index.ts';
import type { ReportRecord } from '../../../src/lib/schema/report.ts';
import { loadSampleRecord, loadSampleRecords } from '../../support/records.ts';

const records = loadSampleRecords();
const get = (id: string) => records.find((r) => r.id === id)!;
const YIYUAN_2020 = 'yiyuanxian-xingzheng-shenpi-fuwuju-2020';
const YIYUAN_2024 = 'yiyuanxian-xingzheng-shenpi-fuwuju-2024';
const TAIAN = 'taishanqu-xingzheng-shenpi-fuwuju-2024';
const ZAOZHUANG = 'zaozhuangshi-xingzheng-shenpi-fuwuju-2024';
const GOV = 'yiyuanxian-renminzhengfu-2023';

/** Returns a copy of a record as another year's report of the same agency. */
function asYear(record: ReportRecord, year: number): ReportRecord {
  const copy = structuredClone(record);
  copy.year = year;
  copy.id = `${record.agency.slug}-${year}`;
  return copy;
}

/** Re-runs the template checks on an edited record, as the extractor would. */
function recheck(record: ReportRecord): ReportRecord {
  if (record.template === 'pre2019') throw new Error('a record of the 2019 or 2021 template');
  record.checks = runChecks(record.requests, record.appeals, record.narrative, record.template);
  return record;
}

describe('year-over-year changes', () => {
  it('flags jumps above 5×, falls below 1/5 and sudden zeros, nothing else', () => {
    expect(flagChange(4, 28)).toBe('jump'); // 7×
    expect(flagChange(10, 50)).toBeNull(); // exactly 5× is not above
    expect(flagChange(200, 28)).toBe('drop'); // 0.14
    expect(flagChange(10, 2)).toBeNull(); // exactly 1/5
    expect(flagChange(3, 0)).toBe('suddenZero');
    expect(flagChange(0, 9)).toBeNull(); // from zero: no ratio
    expect(flagChange(null, 9)).toBeNull();
    expect(flagChange(9, null)).toBeNull();
  });

  it('沂源县行政审批服务局 2020 → 2024: received 0 → 1 (prose), everything else absent', () => {
    const changes = listAgencyChanges([summarizeReport(get(YIYUAN_2024)), summarizeReport(get(YIYUAN_2020))]);
    expect(changes.map((c) => [c.measure, c.fromYear, c.toYear, c.from, c.to, c.difference, c.ratio, c.flag])).toEqual([
      ['received', 2020, 2024, 0, 1, 1, null, null],
      ['handled', 2020, 2024, null, null, null, null, null],
      ['grantRate', 2020, 2024, null, null, null, null, null],
      ['review', 2020, 2024, null, null, null, null, null],
      ['litigation', 2020, 2024, null, null, null, null, null],
    ]);
    expect(changes[0]!.fromProse).toEqual({ from: false, to: true });
  });

  it('on an edited previous year of 泰山区: received 4 → 28 jump, handled 200 → 28 drop, review 3 → 0 sudden zero', () => {
    const current = get(TAIAN);
    const previous = asYear(current, 2023);
    previous.requests.newReceived.total = 4;
    previous.requests.total.total = 200;
    previous.requests.granted.total = 50; // grant rate 25% → 13/28 = 46.4%: not flagged
    previous.appeals.review.total = 3;
    const changes = listAgencyChanges([summarizeReport(previous), summarizeReport(current)]);
    expect(changes.map((c) => [c.measure, c.from, c.to, c.flag])).toEqual([
      ['received', 4, 28, 'jump'],
      ['handled', 200, 28, 'drop'],
      ['grantRate', 0.25, 13 / 28, null],
      ['review', 3, 0, 'suddenZero'],
      ['litigation', 0, 0, null],
    ]);
    expect(changes[0]!.ratio).toBe(7);
    expect(changes.map((c) => describeChangeFlag(c))).toEqual([
      '新收申请：2023 年 4 件 → 2024 年 28 件，增至 7.0 倍（超过 5 倍），请核对原文。',
      '办理总计：2023 年 200 件 → 2024 年 28 件，降至原来的 14.0%（不到五分之一），请核对原文。',
      null,
      '行政复议：2023 年 3 件 → 2024 年 0 件，由非零骤降为零，请核对原文。',
      null,
    ]);
    expect(changes.map((c) => describeChangeFlag(c, 'en'))).toEqual([
      'New requests: 2023 4 → 2024 28, 7.0 times as many (more than 5 times); check the source.',
      'Requests handled: 2023 200 → 2024 28, down to 14.0% (less than a fifth); check the source.',
      null,
      'Administrative reviews: 2023 3 → 2024 0, a sudden fall to zero; check the source.',
      null,
    ]);
  });
});

describe('boilerplate', () => {
  it('splits sentences on 。！？； and line breaks, ignoring whitespace', () => {
    expect(splitSentences('一是加强 领导。二是完善制度！\n三是　强化监督；四？')).toEqual(['一是加强领导', '二是完善制度', '三是强化监督', '四']);
    expect([...collectNgrams(['甲乙丙 丁戊己'])]).toEqual(['甲乙丙丁戊', '乙丙丁戊己']);
  });

  it('counts a character beyond the BMP (two UTF-16 units) as one character of an n-gram', () => {
    expect([...collectNgrams(['𠀀甲乙丙 丁戊'])]).toEqual(['𠀀甲乙丙丁', '甲乙丙丁戊']);
    expect([...collectNgrams(['甲乙', '丙丁戊己庚'])]).toEqual(['丙丁戊己庚']);
  });

  it('counts reused sentences and 5-grams on a hand-made pair', () => {
    const previous = asYear(get(GOV), 2022);
    previous.sections = { overview: '甲乙丙丁戊己。子丑寅卯辰。', problems: null, other: null };
    const current = structuredClone(get(GOV));
    current.sections = { overview: '甲乙丙丁戊庚。', problems: '子丑寅卯辰', other: null };
    const score = scoreBoilerplate(current, previous);
    // Sentences now: 甲乙丙丁戊庚 (new), 子丑寅卯辰 (reused) → 1 of 2.
    expect([score.sentences, score.reusedSentences, score.sentenceShare]).toEqual([2, 1, 0.5]);
    // 5-grams now: 甲乙丙丁戊 乙丙丁戊庚 丙丁戊庚。 | 子丑寅卯辰 → 4; before has 甲乙丙丁戊 and 子丑寅卯辰 → 2 reused.
    expect([score.ngrams, score.reusedNgrams, score.ngramShare]).toEqual([4, 2, 0.5]);
    expect(score.examples).toEqual(['子丑寅卯辰']);
  });

  it('沂源县行政审批服务局 2024 against 2020: no sentence reused, 53 of 1,660 5-grams', () => {
    const score = scoreBoilerplate(get(YIYUAN_2024), get(YIYUAN_2020));
    expect(score.previousId).toBe(YIYUAN_2020);
    // 2024 prose: 38 sentences (overview 15, problems 8, other 15); none printed in 2020.
    expect([score.sentences, score.reusedSentences, score.sentenceShare]).toEqual([38, 0, 0]);
    // Shared 5-grams are stock phrases: 政府信息公开, 沂源县行政审批服务局, 存在的主要问题 …
    expect([score.ngrams, score.reusedNgrams]).toEqual([1660, 53]);
    expect(score.ngramShare).toBeCloseTo(53 / 1660, 12);
    expect(findPrevious(records, get(YIYUAN_2024))!.id).toBe(YIYUAN_2020);
    expect(findPrevious(records, get(YIYUAN_2020))).toBeNull();
    expect(rankBoilerplate(records).map((s) => s.id)).toEqual([YIYUAN_2024]);
  });

  it('a report copied word for word scores 1', () => {
    const previous = asYear(get(GOV), 2022);
    const score = scoreBoilerplate(get(GOV), previous);
    expect([score.sentenceShare, score.ngramShare]).toEqual([1, 1]);
  });
});

describe('timeliness', () => {
  const signed = (id: string, signedOn: string | null, year?: number) => {
    const r = structuredClone(get(id));
    r.signedOn = signedOn;
    if (year) r.year = year;
    return assessTimeliness(r);
  };

  it('uses 31 January for departments and 31 March for governments', () => {
    expect(findDeadline(2024, 'department')).toBe('2025-01-31');
    expect(findDeadline(2023, 'government')).toBe('2024-03-31');
  });

  it('is unknown without a date, on every sample but one', () => {
    for (const id of [TAIAN, GOV, YIYUAN_2024, ZAOZHUANG]) expect([assessTimeliness(get(id)).status, assessTimeliness(get(id)).daysAfterDeadline]).toEqual(['unknown', null]);
    expect(signed(TAIAN, '2025-02-30').status).toBe('unknown'); // not a date
  });

  it('marks the 沂源县行政审批服务局 2020 report, signed 2020-01-27, as implausible (370 days before its deadline)', () => {
    const t = assessTimeliness(get(YIYUAN_2020));
    expect([t.signedOn, t.deadline, t.status, t.daysAfterDeadline]).toEqual(['2020-01-27', '2021-01-31', 'implausible', -370]);
    expect(describeTimeliness(t)).toContain('日期存疑');
  });

  it('counts days late or early', () => {
    expect([signed(TAIAN, '2025-01-31').status, signed(TAIAN, '2025-01-31').daysAfterDeadline]).toEqual(['met', 0]);
    expect([signed(TAIAN, '2025-02-01').status, signed(TAIAN, '2025-02-01').daysAfterDeadline]).toEqual(['late', 1]);
    expect([signed(TAIAN, '2025-01-20').status, signed(TAIAN, '2025-01-20').daysAfterDeadline]).toEqual(['met', -11]);
    // A government: 31 March; 2024 is a leap year (29 Feb), 2024-03-31 → 2024-04-10 is 10 days.
    expect([signed(GOV, '2024-03-31').status, signed(GOV, '2024-04-10').daysAfterDeadline]).toEqual(['met', 10]);
    expect([signed(GOV, '2024-02-29').daysAfterDeadline, describeTimeliness(signed(GOV, '2024-04-10'))]).toEqual([-31, '逾期 10 天']);
  });
});

describe('timeliness by publication date', () => {
  const dated = (published: string | null, signedOn: string | null) => {
    const r = structuredClone(get(TAIAN));
    r.published = published === null ? null : { date: published, source: 'html-meta' };
    r.signedOn = signedOn;
    return assessTimeliness(r);
  };

  it('judges the publication date where the file states one, the signature date otherwise', () => {
    // 泰山区行政审批服务局 (a department): deadline 2025-01-31.
    const late = dated('2025-02-10', '2025-01-20');
    expect([late.basis, late.status, late.daysAfterDeadline]).toEqual(['published', 'late', 10]);
    expect(describeTimeliness(late)).toBe('逾期 10 天，按公布日期 2025-02-10');
    const signedOnly = dated(null, '2025-01-20');
    expect([signedOnly.basis, signedOnly.status, describeTimeliness(signedOnly)]).toEqual(['signed', 'met', '按时（截止日前 11 天）']);
    expect([dated(null, null).basis, dated(null, null).status]).toEqual([null, 'unknown']);
  });

  it('reads a real page: 平潭综合实验区经济发展局 2022, posted 2023-01-05 (page metadata), on time', async () => {
    const { extractFile } = await import('../../../scripts/lib/extract/file.ts');
    const outcome = await extractFile(new URL('../../fixtures/wild/pingtan-html/', import.meta.url).pathname, '2022_jingfa_86658.html');
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
    const t = assessTimeliness(outcome.record);
    expect([t.published, t.basis, t.status, t.daysAfterDeadline]).toEqual(['2023-01-05', 'published', 'met', -26]);
  });
});

describe('prose vs tables', () => {
  it('finds none in the samples (every narrative check passes or cannot run)', () => {
    expect(records.flatMap(listDisagreements)).toEqual([]);
  });

  it('lists both numbers when the prose and the table differ', () => {
    const r = structuredClone(get(ZAOZHUANG));
    r.narrative.granted!.value = 5; // prose would say 予以公开5件; the table says 2
    r.requests.withheldThirdParty.total = 3; // table 不予公开 now 3; the prose says 2
    recheck(r);
    expect(listDisagreements(r).map((d) => [d.measure, d.prose, d.table, d.proseLine, d.proseText, d.cells.length])).toEqual([
      ['granted', 5, 2, 17, '予以公开2件', 1],
      ['withheld', 2, 3, 17, '不予公开2件', 8],
    ]);
    const notes = describeReportFindings(r, null).notes.filter((n) => n.kind === 'disagreement');
    expect(notes.map((n) => describeFindingNote(n))).toEqual([
      '正文与表格不一致：予以公开（件）正文为 5（第 17 行“予以公开2件”），表格为 2。',
      '正文与表格不一致：不予公开（件）正文为 2（第 17 行“不予公开2件”），表格为 3。',
    ]);
    expect(listDisagreements(r).map((d) => describeDisagreement(d, 'en'))).toEqual([
      'Prose and tables disagree: Granted is 5 in the prose (line 17, “予以公开2件”), 2 in the tables.',
      'Prose and tables disagree: Withheld is 2 in the prose (line 17, “不予公开2件”), 3 in the tables.',
    ]);
  });
});

describe('applicant mix', () => {
  it('per report: 沂源县人民政府 2023 has 105 natural persons and 1 research institution of 106', () => {
    const mix = describeApplicantMix(get(GOV));
    expect(mix.counts).toEqual({ natural: 105, commercial: 0, research: 1, nonprofit: 0, legal: 0, other: 0 });
    expect([mix.total, mix.organisations, mix.shares.natural, mix.shares.research, mix.organisationsShare]).toEqual([106, 1, 105 / 106, 1 / 106, 1 / 106]);
  });

  it('absent stays absent: the 2024 沂源县行政审批服务局 report has no table', () => {
    const mix = describeApplicantMix(get(YIYUAN_2024));
    expect([mix.counts.natural, mix.total, mix.shares.natural, mix.organisationsShare]).toEqual([null, null, null, null]);
  });

  it('corpus by year: 2024 sums 泰山区 28 and 枣庄 9, leaving out the report without a table', () => {
    const years = listCorpusApplicantMix(records);
    expect(years.map((y) => [y.year, y.counts.natural, y.organisations, y.total, y.reports, y.leftOut])).toEqual([
      [2020, 0, 0, 0, 1, 0],
      [2023, 105, 1, 106, 1, 0],
      [2024, 37, 0, 37, 2, 1],
    ]);
    expect(years[0]!.shares.natural).toBeNull(); // 0 of 0 is no share
    expect(years[2]!.shares.natural).toBe(1);
  });

  it('chart segments: one bar per year with requests, 2020 (no requests) left out', () => {
    const segments = listYearApplicantSegments(listCorpusApplicantMix(records), (c) => c, dictionary('zh').agencyCharts.yearOf);
    expect(segments.map((s) => s.bar)).toEqual([...Array(6).fill('2023年'), ...Array(6).fill('2024年')]);
    expect(segments.filter((s) => s.value > 0).map((s) => [s.bar, s.key, s.value, s.share])).toEqual([
      ['2023年', 'natural', 105, 105 / 106],
      ['2023年', 'research', 1, 1 / 106],
      ['2024年', 'natural', 37, 1],
    ]);
    const en = listYearApplicantSegments(listCorpusApplicantMix(records), (c) => c, dictionary('en').agencyCharts.yearOf);
    expect([...new Set(en.map((s) => s.bar))]).toEqual(['2023', '2024']);
  });
});

describe('data-quality ranking', () => {
  it('ranks agencies by checks passed, failures, complete tables', () => {
    const rows = rankAgencyQuality(records);
    expect(rows.map((r) => [r.agency, r.rank, r.checksPassed, r.checksRun, r.checksIncomplete, r.tablesComplete, r.tablesExpected])).toEqual([
      ['沂源县人民政府', 1, 5, 5, 0, 3, 3],
      ['泰安市泰山区行政审批服务局', 1, 5, 5, 0, 3, 3],
      ['枣庄市行政审批服务局', 3, 4, 5, 1, 2, 3],
      // 2020: three checks incomplete, two without data; 2024: none could run. Tables: only 2020's table A is complete.
      ['沂源县行政审批服务局', 4, 0, 3, 3, 1, 6],
    ]);
  });
});

describe('descriptions', () => {
  it('describeReportFindings: 沂源县行政审批服务局 2024 against 2020', () => {
    const f = describeReportFindings(get(YIYUAN_2024), get(YIYUAN_2020));
    expect(f.previousId).toBe(YIYUAN_2020);
    expect(f.changes).toHaveLength(5);
    expect(f.flags).toEqual([]);
    expect(f.boilerplate!.reusedNgrams).toBe(53);
    expect(f.timeliness.status).toBe('unknown');
    expect(f.notes).toEqual([]);
    expect(() => describeReportFindings(get(YIYUAN_2020), get(YIYUAN_2024))).toThrow();
  });

  it('describeReportFindings describes a pair once: the zh and en report pages get the same findings, a copy of a record its own', () => {
    const [record, previous] = [get(YIYUAN_2024), get(YIYUAN_2020)];
    expect(describeReportFindings(record, previous)).toBe(describeReportFindings(record, previous));
    expect(describeReportFindings(record, null)).toBe(describeReportFindings(record, null));
    expect(describeReportFindings(record, null)).not.toBe(describeReportFindings(record, previous));
    const copy = structuredClone(record);
    expect(describeReportFindings(copy, previous)).not.toBe(describeReportFindings(record, previous));
    expect(describeReportFindings(copy, previous)).toEqual(describeReportFindings(record, previous));
  });

  it('describeReportChecks gives the changes, flags, timeliness and disagreements describeReportFindings gives, and refuses the same pairs', () => {
    const current = get(TAIAN);
    const previous = asYear(current, 2023);
    previous.requests.newReceived.total = 4;
    previous.appeals.review.total = 3;
    const pairs: [ReportRecord, ReportRecord | null][] = [[current, previous], [current, null], [get(YIYUAN_2024), get(YIYUAN_2020)], ...records.map((r): [ReportRecord, null] => [r, null])];
    for (const [record, before] of pairs) {
      const { changes, flags, timeliness, disagreements } = describeReportFindings(record, before);
      expect(describeReportChecks(record, before)).toEqual({ changes, flags, timeliness, disagreements });
    }
    expect(describeReportChecks(current, previous).flags.map((c) => c.measure)).toEqual(['received', 'review']);
    expect(() => describeReportChecks(get(YIYUAN_2020), get(YIYUAN_2024))).toThrow();
  });

  it('describeReportFindings without a previous report', () => {
    const f = describeReportFindings(get(YIYUAN_2020), null);
    expect([f.previousId, f.changes, f.boilerplate]).toEqual([null, [], null]);
    expect(f.notes.map((n) => n.kind)).toEqual(['timeliness']);
    expect(JSON.parse(JSON.stringify(f))).toEqual(f); // plain data
  });

  it('describeAgencyFindings: both 沂源县行政审批服务局 reports', () => {
    const f = describeAgencyFindings([get(YIYUAN_2024), get(YIYUAN_2020)]);
    expect([f.slug, f.agency, f.years]).toEqual(['yiyuanxian-xingzheng-shenpi-fuwuju', '沂源县行政审批服务局', [2020, 2024]]);
    expect(f.boilerplate.map((b) => [b.id, b.previousId, b.reusedSentences, b.reusedNgrams, b.ngrams])).toEqual([[YIYUAN_2024, YIYUAN_2020, 0, 53, 1660]]);
    expect(f.timeliness.map((t) => t.status)).toEqual(['implausible', 'unknown']);
    expect(f.applicants.map((a) => a.total)).toEqual([0, null]);
    expect(f.quality.rank).toBe(1);
    expect(f.notes.map((n) => [n.kind, n.id])).toEqual([['timeliness', YIYUAN_2020]]);
    expect(() => describeAgencyFindings([get(TAIAN), get(GOV)])).toThrow();
  });

  it('describeCorpusFindings gathers every finding', () => {
    const f = describeCorpusFindings(records);
    expect(f.changes).toHaveLength(5); // one agency with two reports
    expect(f.flags).toEqual([]);
    expect(f.boilerplate.map((b) => b.id)).toEqual([YIYUAN_2024]);
    expect(f.timeliness).toHaveLength(5);
    expect(f.applicantsByYear.map((y) => y.year)).toEqual([2020, 2023, 2024]);
    expect(f.quality).toHaveLength(4);
    expect(loadSampleRecord('003_9ea34a5d9b67e804.txt').id).toBe(YIYUAN_2020);
  });
});
