/**
 * The report index: what the corpus-wide pages (home, lists, compare, quality, API index, sitemap)
 * need of every report, a few hundred bytes each. The site keeps it for the whole corpus and reads
 * full records only for the agency a page is about, so that memory does not grow with the records.
 */
import { ascending } from 'd3-array';
import type { Agency, CheckId, ReportRecord, TableStatus } from '../schema/report.ts';
import { summarizeReport, type ReportSummary } from './summarize.ts';
import type { Message } from '../schema/message.ts';

/** The tables of a report, in template order; `legacy`: the older statistics table (before 2019). */
const TABLES = ['proactive', 'requests', 'appeals'] as const;
type TableKey = (typeof TABLES)[number] | 'legacy';

/** Why a report is listed on the data-quality page. */
export interface ReportProblems {
  /** Checks that failed, in the record's order. */
  failed: CheckId[];
  /** Checks that could not be completed for missing cells. */
  incomplete: CheckId[];
  /** Tables not printed complete, with their status. */
  tables: { table: TableKey; status: TableStatus }[];
  /** The extractor's notes on the report, as codes (schema/message.ts): the page words them. */
  messages: Message[];
}

/** One report in the index. */
export interface IndexedReport {
  summary: ReportSummary;
  agency: Agency;
  /** The title as printed (untrusted text: escape it). */
  title: string;
  /** The publication date the file states, ISO yyyy-mm-dd, or null. */
  published: string | null;
  /** The signature date printed at the end, ISO yyyy-mm-dd, or null. */
  signedOn: string | null;
  /** null when every table is complete and no check failed or was incomplete. */
  problems: ReportProblems | null;
}

/** Returns a record's index entry. */
export function indexReport(record: ReportRecord): IndexedReport {
  const failed = record.checks.filter((c) => c.status === 'fail').map((c) => c.id);
  const incomplete = record.checks.filter((c) => c.status === 'incomplete').map((c) => c.id);
  // A report before the 2019 template never had tables 二–四: only its older table is listed.
  const tables: ReportProblems['tables'] =
    record.template === 'pre2019'
      ? record.tables.legacy === 'complete' ? [] : [{ table: 'legacy', status: record.tables.legacy }]
      : TABLES.filter((t) => record.tables[t] !== 'complete').map((table) => ({ table, status: record.tables[table] }));
  const problems = failed.length || incomplete.length || tables.length ? { failed, incomplete, tables, messages: record.messages } : null;
  return { summary: summarizeReport(record), agency: record.agency, title: record.title, published: record.published?.date ?? null, signedOn: record.signedOn, problems };
}

/** Returns the reports that have problems, most failed checks first, then by id. */
export function listProblemReports(reports: readonly IndexedReport[]): (IndexedReport & { problems: ReportProblems })[] {
  return reports
    .filter((r): r is IndexedReport & { problems: ReportProblems } => r.problems !== null)
    .sort((a, b) => b.problems.failed.length - a.problems.failed.length || ascending(a.summary.id, b.summary.id));
}
