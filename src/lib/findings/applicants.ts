/**
 * Applicant mix over time: new requests (一、本年新收) by applicant type — natural persons, and the
 * legal persons and other organisations (businesses, research, non-profits, legal services, other) —
 * per report, per agency and corpus-wide per year. Shares are of the sum of the six columns, and only
 * when all six are present; a report missing any is left out of a corpus sum and counted as left out.
 */
import { ascending, group, sum } from 'd3-array';
import { APPLICANT_COLUMNS, sumOrNull, shareOf } from '../aggregate/summarize.ts';
import type { ReportRecord } from '../schema/report.ts';

export type ApplicantColumn = (typeof APPLICANT_COLUMNS)[number];
export const ORGANISATION_COLUMNS = APPLICANT_COLUMNS.filter((c) => c !== 'natural');

/** New requests of one report (or one year of the corpus) by applicant type. */
export interface ApplicantMix {
  year: number;
  /** Requests per applicant type, null where absent. */
  counts: Record<ApplicantColumn, number | null>;
  /** All five organisation columns, null if any is absent. */
  organisations: number | null;
  /** The six columns summed, null if any is absent. */
  total: number | null;
  /** Share of `total` per type, 0–1; null when a count is absent or the total is 0. */
  shares: Record<ApplicantColumn, number | null>;
  organisationsShare: number | null;
}

/** One report's applicant mix. */
export interface ReportApplicantMix extends ApplicantMix {
  id: string;
  slug: string;
  agency: string;
}

/** Corpus-wide mix of one year. */
export interface YearApplicantMix extends ApplicantMix {
  /** Reports summed (all six columns present), and reports of that year left out. */
  reports: number;
  leftOut: number;
}

/** Returns the mix of a set of counts. */
function mixOf(year: number, counts: Record<ApplicantColumn, number | null>): ApplicantMix {
  const total = sumOrNull(APPLICANT_COLUMNS.map((c) => counts[c]));
  const organisations = sumOrNull(ORGANISATION_COLUMNS.map((c) => counts[c]));
  return {
    year,
    counts,
    organisations,
    total,
    shares: Object.fromEntries(APPLICANT_COLUMNS.map((c) => [c, total === null ? null : shareOf(counts[c], total)])) as Record<ApplicantColumn, number | null>,
    organisationsShare: shareOf(organisations, total),
  };
}

/** Returns a report's applicant mix (from 一、本年新收政府信息公开申请数量). */
export function describeApplicantMix(record: ReportRecord): ReportApplicantMix {
  const counts = Object.fromEntries(APPLICANT_COLUMNS.map((c) => [c, record.requests.newReceived[c]])) as Record<ApplicantColumn, number | null>;
  return { id: record.id, slug: record.agency.slug, agency: record.agency.name, ...mixOf(record.year, counts) };
}

/** Returns the corpus-wide mix per year, oldest first, summing the reports that have all six columns. */
export function listCorpusApplicantMix(records: readonly ReportRecord[]): YearApplicantMix[] {
  return combineApplicantMix(records.map(describeApplicantMix));
}

/** Returns the corpus-wide mix per year from the reports' mixes (see listCorpusApplicantMix). */
export function combineApplicantMix(reports: readonly ReportApplicantMix[]): YearApplicantMix[] {
  return [...group(reports, (m) => m.year)]
    .sort((a, b) => ascending(a[0], b[0]))
    .map(([year, mixes]) => {
      const complete = mixes.filter((m) => m.total !== null);
      const counts = Object.fromEntries(APPLICANT_COLUMNS.map((c) => [c, complete.length ? sum(complete, (m) => m.counts[c]!) : null])) as Record<ApplicantColumn, number | null>;
      return { ...mixOf(year, counts), reports: complete.length, leftOut: mixes.length - complete.length };
    });
}

/** A segment of the applicant-share chart: one bar per year, one segment per applicant type. */
export interface ApplicantSegment {
  bar: string;
  key: ApplicantColumn;
  label: string;
  /** Requests. */
  value: number;
  /** Share of the year's total, 0–1. */
  share: number;
}

/**
 * Returns chart segments of the corpus mix per year, each bar named by `barOf` (the language's words
 * for a year) and each segment by `labelOf`; years with no requests (or none summed) are left out.
 */
export function listYearApplicantSegments(years: readonly YearApplicantMix[], labelOf: (c: ApplicantColumn) => string, barOf: (year: number) => string): ApplicantSegment[] {
  return years
    .filter((y) => y.total !== null && y.total > 0)
    .flatMap((y) => APPLICANT_COLUMNS.map((c) => ({ bar: barOf(y.year), key: c, label: labelOf(c), value: y.counts[c]!, share: y.shares[c]! })));
}
