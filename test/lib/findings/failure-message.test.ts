import { describe, expect, it } from 'vitest';
import { checkLegacySum, runChecks } from '../../../src/lib/extract/checks.ts';
import { readFailureMessage } from '../../../src/lib/findings/failure-message.ts';
import { en } from '../../../src/lib/i18n/en.ts';
import { zh } from '../../../src/lib/i18n/zh.ts';
import type { CheckResult, Legacy, ReportRecord } from '../../../src/lib/schema/report.ts';
import { LEGACY_KEYS } from '../../../src/lib/template-legacy.ts';
import { loadSampleRecords } from '../../support/records.ts';

/** Returns a record's checks run again after adding 1 to every cell of the rows and figures named, so that every check fails somewhere. */
function breakChecks(record: ReportRecord): CheckResult[] {
  const copy = structuredClone(record);
  const bump = (row: Record<string, number | null>) => {
    for (const k of Object.keys(row)) if (row[k] !== null) row[k] = row[k]! + 1;
  };
  bump(copy.requests!.newReceived as Record<string, number | null>);
  bump(copy.requests!.granted as Record<string, number | null>);
  bump(copy.appeals!.review as Record<string, number | null>);
  for (const f of Object.values(copy.narrative)) if (f) f.value += 1;
  return runChecks(copy.requests!, copy.appeals!, copy.narrative, copy.template as '2021' | '2019');
}

const tables = loadSampleRecords().filter((r) => r.template !== 'pre2019' && r.requests && r.appeals);
const failures = tables.flatMap((r) => breakChecks(r).flatMap((c) => c.failures.map((f) => ({ record: r, check: c.id, failure: f }))));

describe('readFailureMessage', () => {
  it('places every failed equation of the five checks, and the Chinese words are the words the extractor stored', () => {
    expect(new Set(failures.map((f) => f.check))).toEqual(new Set(['balance', 'rowSum', 'dispositionSum', 'appealSum', 'narrative']));
    for (const { record, check, failure } of failures) {
      const message = readFailureMessage(check, failure, record.narrative);
      expect(message.code, failure.where).toBe(check);
      expect(zh.failure(message)).toBe(failure.where);
    }
  });

  it('puts every failed equation into English words without Chinese', () => {
    for (const { record, check, failure } of failures) expect(en.failure(readFailureMessage(check, failure, record.narrative))).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('places a failed sum of the older table', () => {
    const legacy = Object.fromEntries(LEGACY_KEYS.map((k) => [k, { year: null, cumulative: null }])) as unknown as Legacy;
    legacy.proactiveTotal.year = 10;
    legacy.proactiveWebsite.year = 3;
    legacy.proactiveGazette.year = 4;
    const [failure] = checkLegacySum(legacy, ['proactiveTotal', 'proactiveWebsite', 'proactiveGazette']).failures;
    const message = readFailureMessage('legacySum', failure!);
    expect(message).toEqual({ code: 'legacySum', params: { column: 'year', total: 'proactiveTotal' } });
    expect(zh.failure(message)).toBe(failure!.where);
    expect(en.failure(message)).toBe('older statistics table, this year column: on the website + in the gazette = published proactively');
  });

  it('keeps the record’s own words for a failure it cannot place', () => {
    const failure = { where: '某个等式', cells: [], expected: 1, actual: 2 };
    expect(readFailureMessage('balance', failure)).toEqual({ code: 'text', params: { text: '某个等式' } });
  });
});
