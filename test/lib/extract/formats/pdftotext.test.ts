/**
 * What poppler's pdftotext makes of the PDF fixtures (generated once from test/fixtures/pdf/*.pdf,
 * committed beside them): -layout output (columns aligned by spaces, labels wrapped over the lines
 * around their figures, form feeds between pages) and plain output (cells one per line, partly in
 * column order). Figures are read only where the text pairs them with a row and a column.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../../../src/lib/extract/extract-report.ts';
import { normalizeLayoutLines } from '../../../../src/lib/extract/formats/layout-text.ts';
import { splitLines } from '../../../../src/lib/extract/normalize.ts';
import type { ReportRecord } from '../../../../src/lib/schema/report.ts';
import { SAMPLES } from '../../../fixtures/samples.ts';

const text = (name: string) => readFileSync(new URL(`../../../fixtures/pdf/${name}`, import.meta.url), 'utf8');
const sample = (id: string) => SAMPLES.find((s) => s.file.startsWith(id))!;

function extract(source: string): ReportRecord {
  const result = extractReport(source, { path: 'x.txt', sha256: '0'.repeat(64), encoding: 'utf-8', format: 'text', bytes: 1 });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.record;
}

describe.each(['001', '002'])('pdftotext -layout of sample %s', (id) => {
  const source = text(`sample-${id}.layout.txt`);
  const record = extract(source);

  it('has form feeds between pages', () => {
    expect(source).toContain('\f');
  });
  it('reads every cell of tables A, B and C', () => {
    expect(record.proactive).toEqual(sample(id).proactive);
    expect(record.requests).toEqual(sample(id).requests);
    expect(record.appeals).toEqual(sample(id).appeals);
    expect(record.tables).toEqual({ proactive: 'complete', requests: 'complete', appeals: 'complete' });
  });
  it('keeps the file\'s line numbers: each figure is printed on its provenance line', () => {
    const lines = splitLines(source);
    for (const [path, line] of Object.entries(record.provenance)) {
      const value = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], record);
      expect(lines[line - 1]!.trim().split(/\s+/).map(Number), path).toContain(value);
    }
  });
});

describe('pdftotext -layout of sample 004', () => {
  const record = extract(text('sample-004.layout.txt'));

  it('reads tables A and B exactly', () => {
    expect(record.proactive).toEqual(sample('004').proactive);
    expect(record.requests).toEqual(sample('004').requests);
  });
  it('leaves table C unread: ten figures for fifteen columns, the blanks\' places unknown', () => {
    // The PDF (pdf.test.ts) places 1 0 0 0 1 under 未经复议直接起诉; the spaces here do not say so.
    expect(record.appeals).toEqual({
      review: { upheld: null, corrected: null, other: null, pending: null, total: null },
      litigationDirect: { upheld: null, corrected: null, other: null, pending: null, total: null },
      litigationAfterReview: { upheld: null, corrected: null, other: null, pending: null, total: null },
    });
    expect(record.tables.appeals).toBe('absent');
  });
});

describe('layout normaliser', () => {
  it('joins a label wrapped above and below its figures, word by word in its columns', () => {
    const lines = [
      '三、收到和处理政府信息公开申请情况',
      '       （一）予以公开      61   0   1   0   0   0   62',
      '         2.其他法律行政法 2     0   0   0   0   0   2',
      '            规禁止公开',
      '         4.保护第三方合法 0     0   0   0   0   0   0',
      '    （三）        权益',
      '    不予公 5.属于三类内部事 2      0   0   0   0   0   2',
      '     开        务信息',
      '         5.要求行政机关确',
      '         认或重新出具已获 0      0   0   0   0   0   0',
      '              取信息',
      '            2.重复申请   0   0   0',
    ];
    const out = normalizeLayoutLines(lines);
    expect(out).toHaveLength(lines.length);
    expect(out[1]).toBe('（一）予以公开\t61\t0\t1\t0\t0\t0\t62');
    expect(out[2]).toBe('2.其他法律行政法规禁止公开\t2\t0\t0\t0\t0\t0\t2');
    expect(out[3]).toBe('');
    expect(out[6]).toBe('（三）不予公开\t权益5.属于三类内部事务信息\t2\t0\t0\t0\t0\t0\t2');
    expect(out[9]).toBe('5.要求行政机关确认或重新出具已获\t0\t0\t0\t0\t0\t0\t0');
    // Three figures for seven columns: which cells are blank is unknown, the line stays as printed.
    expect(out[11]).toBe(lines[11]);
  });

  it('leaves text that is not pdftotext -layout output alone', () => {
    const lines = ['三、收到和处理政府信息公开申请情况', '（一）予以公开\t2\t0\t0\t0\t0\t0\t2', '（七）总计 2 0 0 0 0 0 2'];
    expect(normalizeLayoutLines(lines)).toEqual(lines);
  });
});

describe.each([
  // Rows printing a label that names them and all seven figures on one line; table C's fifteen figures on one line.
  ['001', ['newReceived', 'carriedOver', 'withheldStateSecret', 'withheldThirdParty'], 'complete', 112],
  ['002', ['newReceived'], 'complete', 145],
  ['004', ['newReceived', 'carriedOver', 'withheldStateSecret', 'withheldThirdParty', 'withheldAdminQuery', 'unavailableNotHeld'], 'absent', 70],
] as const)('plain pdftotext of sample %s', (id, rowsRead, appeals, alone) => {
  const record = extract(text(`sample-${id}.plain.txt`));
  const expected = sample(id);

  it('is the sample\'s report', () => {
    expect([record.agency.name, record.year]).toEqual([expected.agency, expected.year]);
  });
  it('reads exactly the rows printed with their label on one line, every other cell null', () => {
    const read = Object.entries(record.requests).filter(([, row]) => Object.values(row).some((v) => v !== null)).map(([k]) => k);
    expect(read).toEqual(rowsRead);
    for (const key of rowsRead) expect(record.requests[key], key).toEqual(expected.requests[key]);
    expect(record.tables).toEqual({ proactive: 'absent', requests: 'partial', appeals });
    expect(record.appeals).toEqual(appeals === 'complete' ? expected.appeals : {
      review: { upheld: null, corrected: null, other: null, pending: null, total: null },
      litigationDirect: { upheld: null, corrected: null, other: null, pending: null, total: null },
      litigationAfterReview: { upheld: null, corrected: null, other: null, pending: null, total: null },
    });
    for (const row of Object.values(record.proactive!)) expect(Object.values(row).every((v) => v === null)).toBe(true);
  });
  it('says why the figures alone on their lines were not read', () => {
    expect(record.messages).toContainEqual({ code: 'plainTextFigures', params: { table: 'proactive', alone: 10, read: 0 } });
    expect(record.messages).toContainEqual({ code: 'plainTextFigures', params: { table: 'requests', alone, read: rowsRead.length } });
  });
});
