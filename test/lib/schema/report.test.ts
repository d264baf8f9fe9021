import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../../src/lib/extract/extract-report.ts';
import { reportRecordSchema, type ReportRecord } from '../../../src/lib/schema/report.ts';

const text = readFileSync(new URL('../../../content/reports/001_b87e4db93de93761.txt', import.meta.url), 'utf8');
const extracted = extractReport(text, { path: '001_b87e4db93de93761.txt', sha256: '0'.repeat(64), encoding: 'utf-8', format: 'text', bytes: 1 });
if (!extracted.ok) throw new Error(JSON.stringify(extracted.error));
const record: ReportRecord = extracted.record;

describe('reportRecordSchema: provenance', () => {
  it('accepts a record whose every figure has a positive whole source line', () => {
    // 一、本年新收 (natural persons) reads 28 on line 79 of sample 001.
    expect(record.provenance['requests.newReceived.natural']).toBe(79);
    expect(reportRecordSchema.safeParse(record).success).toBe(true);
  });

  it.each([
    ['zero', 0],
    ['negative', -3],
    ['fractional', 1.5],
    ['a string', '79'],
    ['null', null],
  ])('refuses a source line that is %s', (_, line) => {
    const bad = { ...record, provenance: { ...record.provenance, 'requests.newReceived.natural': line } };
    const parsed = reportRecordSchema.safeParse(bad);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['provenance']);
  });

  it('refuses provenance that is not an object of lines', () => {
    expect(reportRecordSchema.safeParse({ ...record, provenance: [79] }).success).toBe(false);
    expect(reportRecordSchema.safeParse({ ...record, provenance: null }).success).toBe(false);
  });
});
