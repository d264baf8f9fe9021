/**
 * One report, every form an agency publishes it in, one record. Four real reports
 * (test/fixtures/converted/, made by make.sh there) as the HTML body of the published page, the Word
 * file LibreOffice saves from it, the PDF LibreOffice exports from that Word file and Chromium's print
 * of the body: tables A, B and C, the agency and the year read from each must be the HTML's, and
 * the figures checked by hand below (read off the saved pages, not off the extractor) must be there.
 * What pdftotext leaves of the PDF, and the PDFs read without their table borders (the coordinates
 * path that serves borderless tables), may read less, but never a figure the HTML does not give;
 * pdftotext -layout reads every row but those whose blank cells its spaces cannot place.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../../src/lib/extract/extract-report.ts';
import { readReportText, type SourceFormat } from '../../../src/lib/extract/formats/formats.ts';
import { layoutPdfText, readPdfPages } from '../../../src/lib/extract/formats/pdf.ts';
import type { ReportRecord } from '../../../src/lib/schema/report.ts';

const bytesOf = (file: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/converted/${file}`, import.meta.url)));

function extractText(text: string, file: string, format: SourceFormat, encoding: string): { record: ReportRecord; text: string } {
  const result = extractReport(text, { path: file, sha256: '0'.repeat(64), encoding, format, bytes: text.length });
  if (!result.ok) throw new Error(`${file}: ${result.error}`);
  return { record: result.record, text };
}

/** Reads a file as the extractor does (scripts/lib/extract/file.ts): its report text, then its record. */
async function extract(file: string, format: SourceFormat): Promise<{ record: ReportRecord; text: string }> {
  const read = await readReportText(bytesOf(file), format);
  if (!read.ok) throw new Error(`${file}: ${read.error}`);
  return extractText(read.text, file, format, read.encoding);
}

/** The parts of a record every form must give alike. */
const figures = (r: ReportRecord) => ({ agency: r.agency.name, year: r.year, proactive: r.proactive, requests: r.requests, appeals: r.appeals });

/** Every cell of the tables, by path (`requests.granted.total`). */
function cells(r: ReportRecord): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const table of ['proactive', 'requests', 'appeals'] as const) {
    for (const [row, cols] of Object.entries(r[table] as Record<string, Record<string, number | null>>)) {
      for (const [col, v] of Object.entries(cols)) out.set(`${table}.${row}.${col}`, v);
    }
  }
  return out;
}

const FORMS: { form: string; ext: string; format: SourceFormat }[] = [
  { form: 'Word file (LibreOffice)', ext: '.docx', format: 'docx' },
  { form: 'PDF exported from the Word file (LibreOffice)', ext: '.lo.pdf', format: 'pdf' },
  { form: 'PDF printed by Chromium', ext: '.chromium.pdf', format: 'pdf' },
];

type Check = [path: string, value: number | null];

/**
 * Figures read off the saved pages' tables (the cells as the page's HTML prints them), with the
 * agency and year of the page's title.
 */
const REPORTS: { name: string; agency: string; year: number; checks: Check[]; layoutUnread: string[] }[] = [
  {
    name: '2019_gongan_80569',
    // Six figures under seven columns: -layout's spaces do not say which cell is blank.
    layoutUnread: ['requests.newReceived'],
    agency: '平潭综合实验区公安局',
    year: 2019,
    checks: [
      ['proactive.licensing.prevItems', 45],
      ['proactive.penalty.prevItems', 636],
      ['proactive.coercion.prevItems', 43],
      ['proactive.fees.prevItems', 12],
      ['proactive.fees.change', 4],
      // 本年新收: 0 | (blank) | 0 | 0 | 0 | 0 | 0 — the blank commercial cell shifts nothing.
      ['requests.newReceived.natural', 0],
      ['requests.newReceived.commercial', null],
      ['requests.newReceived.research', 0],
      ['requests.newReceived.total', 0],
      ['requests.total.total', 0],
    ],
  },
  {
    name: '2021_nongye_80605',
    layoutUnread: [],
    agency: '平潭综合实验区农业农村局',
    year: 2021,
    checks: [
      ['proactive.normativeDocs.issued', 3],
      ['proactive.normativeDocs.repealed', 0],
      ['proactive.normativeDocs.inForce', 21],
      ['proactive.penalty.decisions', 71],
      ['requests.newReceived.natural', 2],
      ['requests.newReceived.other', 1],
      ['requests.newReceived.total', 3],
      ['requests.granted.natural', 1],
      ['requests.unavailableNotHeld.natural', 1],
      ['requests.unavailableNotHeld.other', 1],
      ['requests.unavailableNotHeld.total', 2],
      ['requests.total.natural', 3],
      ['requests.total.total', 3],
    ],
  },
  {
    name: '2024_caijin_96895',
    layoutUnread: [],
    agency: '平潭综合实验区财政金融局',
    year: 2024,
    checks: [
      ['proactive.normativeDocs.issued', 0],
      ['proactive.normativeDocs.repealed', 2],
      ['proactive.normativeDocs.inForce', 1],
      ['proactive.penalty.decisions', 1],
      ['proactive.fees.amountWan', 18651.064104],
      ['requests.newReceived.natural', 2],
      ['requests.newReceived.total', 2],
      ['requests.granted.total', 1],
      ['requests.unavailableNotHeld.natural', 1],
      ['requests.total.total', 2],
    ],
  },
  {
    name: '2022_junshan',
    // 3 and 5 printed a few points above the row's other figures: two lines of -layout text.
    layoutUnread: ['requests.unavailableNotHeld'],
    agency: '平潭综合实验区君山片区管理局',
    year: 2022,
    checks: [
      ['proactive.normativeDocs.inForce', 11],
      ['proactive.penalty.decisions', 0],
      ['requests.unavailableNotHeld.natural', 3],
      ['requests.unavailableNotHeld.commercial', 0],
      ['requests.unavailableNotHeld.other', 2],
      ['requests.unavailableNotHeld.total', 5],
      // The report's own total row says 0: the record keeps what is printed (dispositionSum fails).
      ['requests.total.total', 0],
    ],
  },
];

describe.each(REPORTS)('report $name in every published form', ({ name, agency, year, checks }) => {
  const html = extract(`${name}.html`, 'html');
  const forms = FORMS.map((f) => ({ ...f, extraction: extract(`${name}${f.ext}`, f.format) }));

  it('the HTML body gives the agency, the year and the figures read off the page', async () => {
    const { record } = await html;
    expect([record.agency.name, record.year]).toEqual([agency, year]);
    const read = cells(record);
    for (const [path, value] of checks) expect(read.get(path), path).toBe(value);
    expect(record.tables).toEqual({ proactive: 'complete', requests: 'complete', appeals: 'complete' });
  });

  it.each(forms)('the $form gives the HTML body\'s record', async ({ extraction }) => {
    const [{ record: reference }, { record }] = await Promise.all([html, extraction]);
    expect(figures(record)).toEqual(figures(reference));
    expect(record.tables).toEqual(reference.tables);
    const read = cells(record);
    for (const [path, value] of checks) expect(read.get(path), path).toBe(value);
  });

  it.each(forms.filter((f) => f.format === 'pdf'))('the $form prints every figure on its provenance line', async ({ extraction }) => {
    const { record, text } = await extraction;
    const lines = text.split('\n');
    const read = cells(record);
    for (const [path, line] of Object.entries(record.provenance)) {
      expect(lines[line - 1]!.split('\t').map((c) => Number(c.trim())), path).toContain(read.get(path));
    }
  });
});

describe('the body cut out of the saved page', () => {
  it('gives the saved page\'s record (2022_junshan, saved whole in test/fixtures/real/)', async () => {
    const page = new Uint8Array(readFileSync(new URL('../../fixtures/real/2022_junshan.html', import.meta.url)));
    const read = await readReportText(page, 'html');
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    const { record } = extractText(read.text, '2022_junshan.html', 'html', read.encoding);
    expect(figures((await extract('2022_junshan.html', 'html')).record)).toEqual(figures(record));
  });
});

describe.each(REPORTS)('report $name read from less than the PDF', ({ name, layoutUnread }) => {
  const html = extract(`${name}.html`, 'html');

  /** Expects every cell of `record` to be the HTML's, or null. Returns how many are the HTML's. */
  async function neverWrong(record: ReportRecord): Promise<number> {
    const reference = cells((await html).record);
    let same = 0;
    for (const [path, value] of cells(record)) {
      if (value === null) continue;
      expect(value, path).toBe(reference.get(path));
      same++;
    }
    return same;
  }

  it('pdftotext -layout output: the HTML body\'s figures, but for the rows whose blanks the spaces cannot place', async () => {
    const { record } = await extract(`${name}.lo.layout.txt`, 'text');
    const reference = cells((await html).record);
    expect([record.agency.name, record.year]).toEqual([(await html).record.agency.name, (await html).record.year]);
    for (const [path, value] of cells(record)) {
      const unread = layoutUnread.some((row) => path.startsWith(`${row}.`));
      expect(value, path).toBe(unread ? null : reference.get(path));
    }
  });

  it('plain pdftotext output: never a wrong figure', async () => {
    const { record } = await extract(`${name}.lo.plain.txt`, 'text');
    expect(record.agency.name).toBe((await html).record.agency.name);
    await neverWrong(record);
  });

  it.each(['lo.pdf', 'chromium.pdf'])('%s without its table borders (the borderless path): never a wrong figure', async (ext) => {
    const pages = await readPdfPages(bytesOf(`${name}.${ext}`));
    const text = layoutPdfText(pages.map((p) => ({ items: p.items })));
    const { record } = extractText(text, `${name}.${ext}`, 'pdf', 'pdf');
    // Most figures still read: the header's columns place them.
    expect(await neverWrong(record)).toBeGreaterThan(100);
  });
});
