/**
 * PDFs past the reader's bounds, and encrypted ones, are refused with a reason that names what is
 * wrong; a PDF's document information gives a title and a date for the record.
 *
 * test/fixtures/pdf/encrypted.pdf was made with LibreOffice 7.4 from a one-line page:
 *   soffice --headless --convert-to 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},
 *     "DocumentOpenPassword":{"type":"string","value":"secret"}}' enc.html
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReportText } from '../../../../src/lib/extract/formats/formats.ts';
import { MAX_PDF_PAGES } from '../../../../src/lib/extract/formats/pdf.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures');

/** Returns a valid PDF of `pages` empty pages (hand-written objects and cross-reference table). */
function makeEmptyPdf(pages: number): Buffer {
  const objects = [`<< /Type /Catalog /Pages 2 0 R >>`, `<< /Type /Pages /Count ${pages} /Kids [${Array.from({ length: pages }, (_, i) => `${i + 3} 0 R`).join(' ')}] >>`];
  for (let i = 0; i < pages; i++) objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>`);
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

describe('PDF bounds', () => {
  it('says an encrypted PDF is encrypted', async () => {
    const read = await readReportText(readFileSync(path.join(FIXTURES, 'pdf/encrypted.pdf')), 'pdf');
    expect(read).toEqual({ ok: false, error: { code: 'pdfEncrypted', params: {} } });
  });

  it('refuses a PDF of more pages than the bound, before reading them', async () => {
    const read = await readReportText(makeEmptyPdf(MAX_PDF_PAGES + 1), 'pdf');
    expect(read).toEqual({ ok: false, error: { code: 'pdfTooManyPages', params: { pages: MAX_PDF_PAGES + 1, limit: MAX_PDF_PAGES } } });
    // Within the bound, an empty PDF is read and has no text layer.
    const small = await readReportText(makeEmptyPdf(2), 'pdf');
    expect(small.ok ? null : small.error).toEqual({ code: 'pdfNoText', params: {} });
  });

  it('gives the document title as a title for the record', async () => {
    // LibreOffice writes the page's <title> into the PDF's Title.
    const read = await readReportText(readFileSync(path.join(FIXTURES, 'converted/2024_caijin_96895.lo.pdf')), 'pdf');
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    expect(read.meta?.titles).toEqual([{ text: '平潭综合实验区财政金融局2024年度政府信息公开工作年度报告', source: 'pdf-meta' }]);
  });
});
