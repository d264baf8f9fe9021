/**
 * The categories a counts bar could not draw: a bar of applicant types or appeal groups draws only
 * the figures read, so each bar's categories not read are listed for the note under the chart, and a
 * blank is never taken for a zero.
 */
import { APPEAL_GROUPS, type AppealGroup } from '../template.ts';
import { APPLICANT_COLUMNS, type ReportSummary } from './summarize.ts';

/** A bar with categories not read: their keys, in chart order. */
export interface UnreadCategories<K extends string> {
  bar: string;
  keys: K[];
}

/** Returns, per report (one bar each) with any category not read, those categories; in input order. */
export function listUnreadCategories<K extends string>(
  summaries: readonly ReportSummary[],
  barOf: (s: ReportSummary) => string,
  keys: readonly K[],
  valueOf: (s: ReportSummary, key: K) => number | null,
): UnreadCategories<K>[] {
  return summaries.flatMap((s) => {
    const unread = keys.filter((k) => valueOf(s, k) === null);
    return unread.length ? [{ bar: barOf(s), keys: unread }] : [];
  });
}

/** Returns the reports whose applicant columns (一、本年新收) are not all read, with those columns. */
export function listUnreadApplicants(summaries: readonly ReportSummary[], barOf: (s: ReportSummary) => string): UnreadCategories<(typeof APPLICANT_COLUMNS)[number]>[] {
  return listUnreadCategories(summaries, barOf, APPLICANT_COLUMNS, (s, c) => s.applicants[c]);
}

/** Returns the reports whose appeal groups (表四 总计) are not all read, with those groups. */
export function listUnreadAppeals(summaries: readonly ReportSummary[], barOf: (s: ReportSummary) => string): UnreadCategories<AppealGroup>[] {
  return listUnreadCategories(summaries, barOf, APPEAL_GROUPS, (s, g) => s.appeals[g]);
}
