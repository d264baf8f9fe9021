/**
 * Per-report headline figures, computed once from a record and shared by every page and chart.
 * A figure is null when any cell it needs is absent: a partial sum would be a guess.
 */
import { sum } from 'd3-array';
import type { ReportRecord, Template } from '../schema/report.ts';
import { APPEAL_GROUPS, REQUEST_COLUMNS, listDispositionRows, type AppealGroup, type RowGroup } from '../template.ts';

/** Disposition families in chart order (their names: the dictionaries' charts.drawing.dispositionLabels). */
export const DISPOSITION_GROUPS = ['granted', 'partial', 'withheld', 'unavailable', 'notProcessed', 'otherHandling'] as const;
export type DispositionGroup = (typeof DISPOSITION_GROUPS)[number] & RowGroup;

export const APPLICANT_COLUMNS = REQUEST_COLUMNS.filter((c) => c !== 'total');

/** Headline figures of one report. Counts are requests or cases; shares are fractions 0–1. */
export interface ReportSummary {
  id: string;
  slug: string;
  agency: string;
  year: number;
  template: Template;
  /** New requests received (一、本年新收…总计), from table B, else from prose. */
  received: number | null;
  /** True when `received` was read from prose because table B has no value. */
  receivedFromProse: boolean;
  /** Carried over from last year (二、上年结转…总计). */
  carriedOver: number | null;
  /** Handled this year as printed (（七）总计·总计). */
  handled: number | null;
  /** Requests per disposition family (总计 column), null where a row of the family is absent. */
  dispositions: Record<DispositionGroup, number | null>;
  /** Share granted in full among handled, 0–1. */
  grantRate: number | null;
  /** New requests per applicant type (一、本年新收 row). */
  applicants: Record<(typeof APPLICANT_COLUMNS)[number], number | null>;
  /** Review and litigation totals per group (总计 column of table C). */
  appeals: Record<AppealGroup, number | null>;
  /**
   * Requests accepted that year (受理申请, the older table's 本年 column) in a report before the 2019
   * template; null otherwise. Roughly, not exactly, what `received` (本年新收) counts from 2019 on.
   */
  legacyReceived: number | null;
  /** Items proactively disclosed, from prose. */
  proactiveItems: number | null;
  checksPassed: number;
  checksFailed: number;
  /** Checks that ran (not notApplicable). */
  checksRun: number;
}

/** Returns the sum of the values, or null when any is null (or the list is empty). */
export function sumOrNull(values: readonly (number | null)[]): number | null {
  if (!values.length || values.some((v) => v === null)) return null;
  return sum(values as number[]);
}

/** Returns `part / whole` as a fraction, or null when either is missing or `whole` is 0. */
export function shareOf(part: number | null, whole: number | null): number | null {
  return part === null || whole === null || whole === 0 ? null : part / whole;
}

/**
 * Summaries already made, by record: the report index, the report and agency pages in both languages
 * and their findings each ask for the same record's. Keyed by the record objects, which are never
 * modified, so a summary cannot go stale; callers must not modify the summary they are given.
 */
const summarized = new WeakMap<ReportRecord, ReportSummary>();

/** Returns the headline figures of a record (made once per record object). */
export function summarizeReport(record: ReportRecord): ReportSummary {
  let summary = summarized.get(record);
  if (!summary) summarized.set(record, (summary = computeSummary(record)));
  return summary;
}

function computeSummary(record: ReportRecord): ReportSummary {
  const r = record.requests;
  // A report before the 2019 template has no table 三: no disposition rows.
  const rows = record.template === 'pre2019' ? [] : listDispositionRows(record.template);
  const dispositions = Object.fromEntries(
    DISPOSITION_GROUPS.map((g) => [g, sumOrNull(rows.filter((row) => row.group === g).map((row) => r[row.key].total))]),
  ) as Record<DispositionGroup, number | null>;
  const tableReceived = r.newReceived.total;
  const proseReceived = record.narrative.requestsReceived?.value ?? null;
  const handled = r.total.total;
  return {
    id: record.id,
    slug: record.agency.slug,
    agency: record.agency.name,
    year: record.year,
    template: record.template,
    received: tableReceived ?? proseReceived,
    receivedFromProse: tableReceived === null && proseReceived !== null,
    carriedOver: r.carriedOver.total,
    handled,
    dispositions,
    grantRate: shareOf(dispositions.granted, handled),
    applicants: Object.fromEntries(APPLICANT_COLUMNS.map((c) => [c, r.newReceived[c]])) as ReportSummary['applicants'],
    appeals: Object.fromEntries(APPEAL_GROUPS.map((g) => [g, record.appeals[g].total])) as Record<AppealGroup, number | null>,
    legacyReceived: record.legacy?.requestsReceived.year ?? null,
    proactiveItems: record.narrative.proactiveItems?.value ?? null,
    checksPassed: record.checks.filter((c) => c.status === 'pass').length,
    checksFailed: record.checks.filter((c) => c.status === 'fail').length,
    checksRun: record.checks.filter((c) => c.status !== 'notApplicable').length,
  };
}
