import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyCorrections } from '../../../src/lib/corrections/apply.ts';
import { recheckRecord } from '../../../src/lib/corrections/recheck.ts';
import { resolveCorrections } from '../../../src/lib/corrections/resolve.ts';
import { readCell } from '../../../src/lib/export/cells.ts';
import type { Correction, ReportRecord } from '../../../src/lib/schema/report.ts';
import { reportRecordSchema } from '../../../src/lib/schema/report.ts';
import { extractFile } from '../../../scripts/lib/extract/file.ts';
import { loadSampleRecord, loadSampleRecords } from '../../support/records.ts';

/** Returns a correction of a record's cell, with the fields a person would write. */
function correct(report: string, cell: string, value: number | null, line = 2): Correction {
  const [table, row, column] = cell.split('.') as [Correction['table'], string, string];
  return { line, report, table, row, column, value, reason: '核对原文', source: '报告第 2 页', date: '2026-12-01' };
}

describe('applyCorrections', () => {
  const record = loadSampleRecord('001_b87e4db93de93761.txt');
  const cell = 'requests.granted.natural';
  const read = readCell(record, cell)!;

  it('publishes the corrected value, keeps the value read beside it, and runs the checks again', () => {
    expect(record.checks.find((c) => c.id === 'rowSum')!.status).toBe('pass');
    const { record: corrected, stale, errors } = applyCorrections(record, [correct(record.id, cell, read + 1)]);
    expect(stale).toEqual([]);
    expect(errors).toEqual([]);
    expect(readCell(corrected, cell)).toBe(read + 1);
    expect(corrected.corrections).toEqual([{ line: 2, cell, read, value: read + 1, reason: '核对原文', source: '报告第 2 页', date: '2026-12-01' }]);
    const rowSum = corrected.checks.find((c) => c.id === 'rowSum')!;
    expect(rowSum.status).toBe('fail');
    expect(rowSum.failures.some((f) => f.cells.includes(cell))).toBe(true);
    // The line it was read from stays: the page links the corrected figure to it.
    expect(corrected.provenance[cell]).toBe(record.provenance[cell]);
    expect(reportRecordSchema.safeParse(corrected).success).toBe(true);
  });

  it('never changes the record it is given', () => {
    const before = structuredClone(record);
    applyCorrections(record, [correct(record.id, cell, read + 1)]);
    expect(record).toEqual(before);
  });

  it('corrects a figure to none (null)', () => {
    const { record: corrected } = applyCorrections(record, [correct(record.id, cell, null)]);
    expect(readCell(corrected, cell)).toBeNull();
    expect(corrected.corrections![0]!.read).toBe(read);
    expect(corrected.checks.find((c) => c.id === 'rowSum')!.status).toBe('incomplete');
  });

  it('reports a correction the extractor now reads itself as stale, and changes nothing', () => {
    const c = correct(record.id, cell, read);
    const result = applyCorrections(record, [c]);
    expect(result.stale).toEqual([c]);
    expect(result.record).toBe(record);
  });

  it('refuses a cell the template has not, and a cell corrected twice, by line', () => {
    const { errors } = applyCorrections(record, [correct(record.id, 'requests.granted.nobody', 1, 3), correct(record.id, 'requests.otherHandling.natural', 1, 4), correct(record.id, cell, 1, 5), correct(record.id, cell, 2, 6)]);
    expect(errors.map((e) => e.line)).toEqual([3, 4, 6]);
    expect(errors[0]!.message).toContain('requests.granted.nobody');
  });
});

describe('resolveCorrections', () => {
  it('finds a report by its id or its source path, and names the line of one that names none', () => {
    const manifest = {
      files: [
        { path: 'a/001.txt', status: 'ok' as const, id: 'x-2024', messages: [] },
        { path: 'a/002.txt', status: 'error' as const, id: null, messages: [{ code: 'duplicateFirstPath' as const, params: { keeper: 'a/001.txt', id: 'x-2024', agency: 'x', year: 2024 } }] },
      ],
    };
    const { byReport, errors } = resolveCorrections([correct('x-2024', 'requests.granted.natural', 1, 2), correct('a/001.txt', 'requests.granted.legal', 1, 3), correct('a/002.txt', 'requests.granted.legal', 1, 4), correct('y-2024', 'requests.granted.legal', 1, 5)], manifest);
    expect(byReport.get('x-2024')!.map((c) => c.line)).toEqual([2, 3]);
    expect(errors.map((e) => e.line)).toEqual([4, 5]);
    expect(errors[1]!.message).toContain('y-2024');
  });
});

describe('recheckRecord', () => {
  const real: ReportRecord[] = [];
  beforeAll(async () => {
    for (const dir of ['test/fixtures/real', 'test/fixtures/wild/pingtan-txt']) {
      for (const name of readdirSync(dir).filter((n) => /\.(txt|html)$/.test(n))) {
        const outcome = await extractFile(dir, name);
        if (outcome.ok) real.push(outcome.record);
      }
    }
  }, 120_000);

  it('gives every uncorrected record the checks the extractor gave it (samples, real pages, crawler dumps of every edition)', () => {
    const records = [...loadSampleRecords(), ...real];
    expect(new Set(records.map((r) => r.template))).toEqual(new Set(['2021', '2019', 'pre2019']));
    for (const r of records) expect(recheckRecord(r), r.id).toEqual(r.checks);
  });
});
