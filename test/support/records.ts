/** The five sample reports extracted in memory, for unit tests of aggregation and charts. */
import { readFileSync } from 'node:fs';
import { extractReport } from '../../src/lib/extract/extract-report.ts';
import type { ReportRecord } from '../../src/lib/schema/report.ts';

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
  if (!result.ok) throw new Error(result.error);
  return result.record;
}

/** Returns all five sample records, in file order. */
export function loadSampleRecords(): ReportRecord[] {
  return SAMPLE_FILES.map(loadSampleRecord);
}
