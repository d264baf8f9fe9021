/**
 * Data-quality ranking of agencies: the template checks passed among those that could run, then the
 * fewest failures, then the most complete tables, then the fewest prose-vs-table disagreements.
 */
import { ascending, group } from 'd3-array';
import type { ReportRecord } from '../schema/report.ts';

export interface AgencyQuality {
  slug: string;
  agency: string;
  reports: number;
  /** Checks that could run (pass, fail or incomplete), over all the agency's reports. */
  checksRun: number;
  checksPassed: number;
  checksFailed: number;
  checksIncomplete: number;
  /** checksPassed / checksRun, 0–1; null when no check could run. */
  passRate: number | null;
  /** Tables (of three per report) printed complete, and the number of tables expected. */
  tablesComplete: number;
  tablesExpected: number;
  /** Prose figures the tables contradict (failures of the narrative check). */
  disagreements: number;
  /** 1 = best; agencies equal on every criterion share a rank. */
  rank: number;
}

/** Returns each agency's data-quality figures, best first, with ranks. */
export function rankAgencyQuality(records: readonly ReportRecord[]): AgencyQuality[] {
  return rankQuality([...group(records, (r) => r.agency.slug).values()].map(measureAgencyQuality));
}

/** Returns one agency's data-quality figures from its records (rank 0: ranks come from rankQuality). */
export function measureAgencyQuality(list: readonly ReportRecord[]): AgencyQuality {
  const checks = list.flatMap((r) => r.checks);
  const run = checks.filter((c) => c.status !== 'notApplicable').length;
  const passed = checks.filter((c) => c.status === 'pass').length;
  const newest = [...list].sort((a, b) => b.year - a.year)[0]!;
  return {
    slug: newest.agency.slug,
    agency: newest.agency.name,
    reports: list.length,
    checksRun: run,
    checksPassed: passed,
    checksFailed: checks.filter((c) => c.status === 'fail').length,
    checksIncomplete: checks.filter((c) => c.status === 'incomplete').length,
    passRate: run ? passed / run : null,
    // A report before the 2019 template has one table to print, the older statistics table.
    tablesComplete: list.reduce((n, r) => n + (r.template === 'pre2019' ? Number(r.tables.legacy === 'complete') : (['proactive', 'requests', 'appeals'] as const).filter((t) => r.tables[t] === 'complete').length), 0),
    tablesExpected: list.reduce((n, r) => n + (r.template === 'pre2019' ? 1 : 3), 0),
    disagreements: checks.filter((c) => c.id === 'narrative').reduce((n, c) => n + c.failures.length, 0),
    rank: 0,
  };
}

/** Returns the agencies' figures sorted best first, with ranks (agencies equal on every criterion share one). */
export function rankQuality(measured: readonly AgencyQuality[]): AgencyQuality[] {
  const compare = (a: AgencyQuality, b: AgencyQuality) =>
    (b.passRate ?? -1) - (a.passRate ?? -1) ||
    a.checksFailed - b.checksFailed ||
    b.tablesComplete / b.tablesExpected - a.tablesComplete / a.tablesExpected ||
    a.disagreements - b.disagreements;
  const rows = measured.map((row) => ({ ...row })).sort((a, b) => compare(a, b) || ascending(a.agency, b.agency));
  rows.forEach((row, i) => {
    const before = rows[i - 1];
    row.rank = before && compare(before, row) === 0 ? before.rank : i + 1;
  });
  return rows;
}
