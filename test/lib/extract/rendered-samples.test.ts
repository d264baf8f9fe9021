/**
 * The sample reports' figures rendered as an HTML page and as a Word document with the template's
 * merged cells (test/fixtures/render-report.ts), read back through the HTML and DOCX paths: every
 * cell must come back exactly, a blank cell as null.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractCorpus } from '../../../scripts/lib/extract/corpus.ts';
import { extractReport } from '../../../src/lib/extract/extract-report.ts';
import { readReportText, type SourceFormat } from '../../../src/lib/extract/formats/formats.ts';
import { reportRecordSchema, type ReportRecord } from '../../../src/lib/schema/report.ts';
import { renderDocx, renderHtml, reportModel } from '../../fixtures/render-report.ts';
import { SAMPLES } from '../../fixtures/samples.ts';

const TABLED_2021 = SAMPLES.filter((s) => s.template === '2021' && s.tables.requests === 'complete');

async function extractBytes(bytes: Uint8Array, format: SourceFormat): Promise<ReportRecord> {
  const read = await readReportText(bytes, format);
  if (!read.ok) throw new Error(JSON.stringify(read.error));
  const result = extractReport(read.text, { path: `x.${format}`, sha256: '0'.repeat(64), encoding: read.encoding, format, bytes: bytes.length });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.record;
}

describe.each(TABLED_2021)('sample $file rendered', (sample) => {
  const blocks = reportModel(sample);
  const renders: [SourceFormat, () => Promise<Uint8Array>][] = [
    ['html', async () => Buffer.from(renderHtml(blocks))],
    ['docx', () => renderDocx(blocks)],
  ];

  describe.each(renders)('as %s', (format, render) => {
    const record = render().then((bytes) => extractBytes(bytes, format));

    it('is a schema-valid record of the sample\'s agency and year', async () => {
      const r = await record;
      expect(reportRecordSchema.safeParse(r).success).toBe(true);
      expect([r.agency.name, r.year, r.template, r.source.format]).toEqual([sample.agency, sample.year, '2021', format]);
    });
    it('reads every cell of tables A, B and C', async () => {
      const r = await record;
      expect(r.proactive).toEqual(sample.proactive);
      expect(r.requests).toEqual(sample.requests);
      expect(r.appeals).toEqual(sample.appeals);
      expect(r.tables).toEqual(sample.tables);
    });
    it('runs the table checks as on the text sample', async () => {
      const r = await record;
      const status = Object.fromEntries(r.checks.map((c) => [c.id, c.status]));
      // The rendered prose states no figures, so only the four table checks compare.
      for (const id of ['balance', 'rowSum', 'dispositionSum', 'appealSum']) expect(status[id], id).toBe(sample.checks[id]);
    });
  });
});

describe('Word files in a corpus', () => {
  it('reads a .docx into a record and lists unreadable ones with their reason', async () => {
    const input = await mkdtemp(path.join(tmpdir(), 'nianbao-docx-'));
    const out = await mkdtemp(path.join(tmpdir(), 'nianbao-out-'));
    await writeFile(path.join(input, '泰山区 2024.docx'), await renderDocx(reportModel(TABLED_2021[0]!)));
    await writeFile(path.join(input, 'old-word.docx'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    await writeFile(path.join(input, 'broken.docx'), Buffer.from('PK\u0003\u0004 this is not really a zip'));
    const { manifest, records } = await extractCorpus({ input, out, cache: false });
    expect(records).toHaveLength(1);
    expect(records[0]!.source).toMatchObject({ path: '泰山区 2024.docx', format: 'docx', encoding: 'utf-8' });
    expect(records[0]!.requests).toEqual(TABLED_2021[0]!.requests);
    const reason = (p: string) => manifest.files.find((f) => f.path === p)!.messages.map((m) => m.code);
    expect(reason('old-word.docx')).toEqual(['notDocx']);
    expect(reason('broken.docx')).toEqual(['zipNoDirectory']);
  });
});
