/**
 * PDFs with a text layer (test/fixtures/pdf/, printed by Chromium from the sample reports with the
 * template's merged cells: wrapped and vertical labels, table B broken across pages, table C's
 * blank review cells) read back through the PDF path: every cell of tables A, B and C exactly.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractCorpus } from '../../../../scripts/lib/extract/corpus.ts';
import { extractReport } from '../../../../src/lib/extract/extract-report.ts';
import { FORMAT_BY_EXTENSION, readReportText } from '../../../../src/lib/extract/formats/formats.ts';
import { foldRadicals, layoutPdfText, type PdfTextItem } from '../../../../src/lib/extract/formats/pdf.ts';
import { reportRecordSchema, type ReportRecord } from '../../../../src/lib/schema/report.ts';
import { SAMPLES } from '../../../fixtures/samples.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../fixtures/pdf/${name}`, import.meta.url)));

async function extractPdf(bytes: Uint8Array): Promise<{ record: ReportRecord; text: string }> {
  const read = await readReportText(bytes, 'pdf');
  if (!read.ok) throw new Error(JSON.stringify(read.error));
  const result = extractReport(read.text, { path: 'x.pdf', sha256: '0'.repeat(64), encoding: read.encoding, format: 'pdf', bytes: bytes.length });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return { record: result.record, text: read.text };
}

describe.each(['001', '002', '004'])('sample %s printed to PDF', (id) => {
  const sample = SAMPLES.find((s) => s.file.startsWith(id))!;
  const extraction = extractPdf(fixture(`sample-${id}.pdf`));

  it('is a schema-valid record of the sample\'s agency and year', async () => {
    const { record } = await extraction;
    expect(reportRecordSchema.safeParse(record).success).toBe(true);
    expect([record.agency.name, record.year, record.template, record.source.format, record.source.encoding]).toEqual([sample.agency, sample.year, '2021', 'pdf', 'pdf']);
  });
  it('reads every cell of tables A, B and C', async () => {
    const { record } = await extraction;
    expect(record.proactive).toEqual(sample.proactive);
    expect(record.requests).toEqual(sample.requests);
    expect(record.appeals).toEqual(sample.appeals);
    expect(record.tables).toEqual(sample.tables);
  });
  it('passes the table checks as the text sample does', async () => {
    const { record } = await extraction;
    const status = Object.fromEntries(record.checks.map((c) => [c.id, c.status]));
    for (const check of ['balance', 'rowSum', 'dispositionSum', 'appealSum']) expect(status[check], check).toBe(sample.checks[check]);
  });
  it('prints every figure on its provenance line', async () => {
    const { record, text } = await extraction;
    const lines = text.split('\n');
    for (const [path, line] of Object.entries(record.provenance)) {
      const value = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], record);
      expect(lines[line - 1]!.split('\t').map(Number), path).toContain(value);
    }
  });
});

describe('PDF layout', () => {
  it('maps .pdf to the pdf format', () => {
    expect(FORMAT_BY_EXTENSION['.pdf']).toBe('pdf');
  });

  it('joins a label wrapped over three lines and keeps the row on one line (sample 002, page break inside table B)', async () => {
    const { text } = await extractPdf(fixture('sample-002.pdf'));
    expect(text).toContain('一、本年新收政府信息公开申请数量\t105\t0\t1\t0\t0\t0\t106\n');
    expect(text).toContain('5.要求行政机关确认或重新出具已获取信息\t0\t0\t0\t0\t0\t0\t0\n');
    expect(text).toContain('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t2\t0\t0\t0\t0\t0\t2\n');
    expect(text).toContain('（七）总计\t102\t0\t1\t0\t0\t0\t103\n');
  });

  it('keeps the five blank review cells of table C in their columns (sample 004)', async () => {
    const { text } = await extractPdf(fixture('sample-004.pdf'));
    expect(text).toContain('\n\t\t\t\t\t1\t0\t0\t0\t1\t0\t0\t0\t0\t0\n');
    expect(text).toContain('行政许可\t38651\n');
  });

  it('folds radical code points that PDF fonts use for ideographs', () => {
    expect(foldRadicals('⾏政⼈⺠⻓')).toBe('行政人民长');
  });

  it('places a blank figure in its column under the header, and never joins two figures', () => {
    const item = (str: string, x: number, y: number, width = str.length * 9): PdfTextItem => ({ str, x, y, width, fontSize: 9 });
    const text = layoutPdfText([{ items: [
      item('自然人', 100, 700), item('商业企业', 140, 700), item('总计', 190, 700),
      item('予以公开', 20, 680), item('1', 110, 680, 5), item('1', 205, 680, 5),
      item('部分公开', 20, 660), item('1', 110, 660, 5), item('2', 118, 660, 5),
    ] }]);
    expect(text).toContain('予以公开\t1\t\t1\n');
    expect(text).not.toContain('12');
    expect(text).toContain('部分公开\t1\t2\n'); // two values under one header cell: written in order, not placed
  });

  it('refuses a file that is not a PDF and a PDF without text', async () => {
    const notPdf = await readReportText(new TextEncoder().encode('hello'), 'pdf');
    expect(notPdf.ok ? null : notPdf.error).toEqual({ code: 'notPdf', params: {} });
    const broken = await readReportText(new TextEncoder().encode('%PDF-1.4\n%garbage'), 'pdf');
    expect(broken.ok).toBe(false);
  });
});

describe('PDF files in a corpus', () => {
  it('reads a .pdf into a record and lists a broken one with its reason', async () => {
    const input = await mkdtemp(path.join(tmpdir(), 'nianbao-pdf-'));
    const out = await mkdtemp(path.join(tmpdir(), 'nianbao-out-'));
    await writeFile(path.join(input, '枣庄 2024.pdf'), fixture('sample-004.pdf'));
    await writeFile(path.join(input, 'broken.pdf'), '%PDF-1.7\n');
    const { manifest, records } = await extractCorpus({ input, out, cache: false });
    expect(records).toHaveLength(1);
    expect(records[0]!.source).toMatchObject({ path: '枣庄 2024.pdf', format: 'pdf', encoding: 'pdf' });
    expect(records[0]!.requests).toEqual(SAMPLES.find((s) => s.file.startsWith('004'))!.requests);
    expect(manifest.files.find((f) => f.path === 'broken.pdf')).toMatchObject({ status: 'error', id: null });
  });
});
