/** The five sample reports extracted in memory, and records made from them, for unit tests of aggregation and charts. */
import { readFileSync } from 'node:fs';
import { extractReport } from '../../src/lib/extract/extract-report.ts';
import { runChecks } from '../../src/lib/extract/checks.ts';
import type { ReportRecord } from '../../src/lib/schema/report.ts';
import type { RequestColumn, RequestRowKey } from '../../src/lib/template.ts';

export const SAMPLE_FILES = [
  '000_951e69aa5677aff7.txt',
  '001_b87e4db93de93761.txt',
  '002_1c63ee7c050fc816.txt',
  '003_9ea34a5d9b67e804.txt',
  '004_e73212b8dc766644.txt',
] as const;

/** Returns the record of one sample report (content/reports/<file>). */
export function loadSampleRecord(file: (typeof SAMPLE_FILES)[number]): ReportRecord {
  const text = readFileSync(new URL(`../../content/reports/${file}`, import.meta.url), 'utf8');
  const result = extractReport(text, { path: file, sha256: '0'.repeat(64), encoding: 'utf-8', format: 'text', bytes: text.length });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.record;
}

/** Returns all five sample records, in file order. */
export function loadSampleRecords(): ReportRecord[] {
  return SAMPLE_FILES.map(loadSampleRecord);
}

/** A change to cells of table 三: row → column → the new figure (null: not read). */
export type RequestEdits = Partial<Record<RequestRowKey, Partial<Record<RequestColumn, number | null>>>>;

/**
 * Returns a copy of a record (2019 or 2021 template) with cells of table 三 changed and the
 * template's checks run again on them, as the extractor would have recorded such a report.
 */
export function editRequests(record: ReportRecord, edits: RequestEdits): ReportRecord {
  if (record.template === 'pre2019') throw new Error('editRequests: a report before 2019 has no table 三');
  const requests = structuredClone(record.requests);
  for (const [row, cells] of Object.entries(edits) as [RequestRowKey, Partial<Record<RequestColumn, number | null>>][]) {
    Object.assign(requests[row], cells);
  }
  return { ...record, requests, checks: runChecks(requests, record.appeals, record.narrative, record.template) };
}
