import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorrectionsError, locateCorrectionsFile, openCorrector } from '../../../src/lib/site/corrections.ts';
import { CORRECTIONS_HEADER } from '../../../src/lib/corrections/parse.ts';
import { readCell } from '../../../src/lib/export/cells.ts';
import { loadSampleRecord } from '../../support/records.ts';

describe('locateCorrectionsFile', () => {
  it('is content/corrections.csv, the corpus folder’s corrections.csv with NIANBAO_CORPUS, or NIANBAO_CORRECTIONS', () => {
    expect(locateCorrectionsFile({})).toBe(path.join('content', 'corrections.csv'));
    expect(locateCorrectionsFile({ NIANBAO_CORPUS: '/r' })).toBe('/r/corrections.csv');
    expect(locateCorrectionsFile({ NIANBAO_CORPUS: '/r', NIANBAO_CORRECTIONS: '/c.csv' })).toBe('/c.csv');
  });
});

describe('openCorrector', () => {
  const record = loadSampleRecord('001_b87e4db93de93761.txt');
  const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-corrector-'));
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ input: 'x', counts: { files: 1, records: 1, warnings: 0, errors: 0, failedChecks: 0 }, files: [{ path: record.source.path, status: 'ok', id: record.id, messages: [] }] }));
  const write = (lines: string[]) => {
    const file = path.join(dir, `c-${Math.random()}.csv`);
    writeFileSync(file, [CORRECTIONS_HEADER.join(','), ...lines, ''].join('\n'));
    return openCorrector(dir, { NIANBAO_CORRECTIONS: file });
  };

  it('reads a missing file as no corrections: every record as it is', () => {
    const c = openCorrector(dir, { NIANBAO_CORRECTIONS: path.join(dir, 'none.csv') });
    expect(c.errors).toEqual([]);
    expect(c.correctOrThrow(record)).toBe(record);
    expect(c.keyOf(record.id)).toBe('');
  });

  it('corrects the records it names and keys them by their corrections', () => {
    const read = readCell(record, 'requests.granted.natural')!;
    const one = write([`${record.id},requests,granted,natural,${read + 1},r,s,2026-12-01`]);
    const two = write([`${record.source.path},requests,granted,natural,${read + 2},r,s,2026-12-01`]);
    expect(readCell(one.correctOrThrow(record), 'requests.granted.natural')).toBe(read + 1);
    expect(readCell(two.correctOrThrow(record), 'requests.granted.natural')).toBe(read + 2);
    expect(one.keyOf(record.id)).not.toBe('');
    expect(one.keyOf(record.id)).not.toBe(two.keyOf(record.id));
    expect(one.listStale(() => record)).toEqual([]);
  });

  it('throws every bad line as file:line, those naming a cell a record has not too', () => {
    const c = write(['nobody-2024,requests,granted,natural,1,r,s,2026-12-01', `${record.id},requests,granted,nobody,1,r,s,2026-12-01`]);
    expect(c.errors.map((e) => e.line)).toEqual([2]);
    expect(c.listAllErrors(() => record).map((e) => e.line)).toEqual([2, 3]);
    expect(() => c.correctOrThrow(record)).toThrow(CorrectionsError);
    expect(() => c.correctOrThrow(record)).toThrow(`${c.file}:3: `);
  });
});
