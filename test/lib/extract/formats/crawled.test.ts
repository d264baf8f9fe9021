/**
 * Crawled text: the sample reports rendered as web pages (render-report.ts), reduced to their text
 * and glued into one line with every line break and cell separator removed, as a crawler saves a
 * page ("（一）予以公开610100062"). Glued figures are split only where the split is unique.
 */
import { describe, expect, it } from 'vitest';
import { isCrawledText, reflowCrawledText, splits } from '../../../../src/lib/extract/formats/crawled.ts';
import { extractReport } from '../../../../src/lib/extract/extract-report.ts';
import { readReportText } from '../../../../src/lib/extract/formats/formats.ts';
import { htmlToReportText } from '../../../../src/lib/extract/formats/html.ts';
import type { ReportRecord } from '../../../../src/lib/schema/report.ts';
import { renderHtml, reportModel } from '../../../fixtures/render-report.ts';
import { SAMPLES } from '../../../fixtures/samples.ts';

const sample = (id: string) => SAMPLES.find((s) => s.file.startsWith(id))!;
/** The sample as a crawler saves it: the page's text on one line, no separators. */
const crawled = (id: string) => htmlToReportText(renderHtml(reportModel(sample(id)))).replace(/[\t\n]/g, '');

async function extract(text: string): Promise<{ record: ReportRecord; text: string }> {
  const read = await readReportText(new TextEncoder().encode(text), 'text');
  if (!read.ok) throw new Error(JSON.stringify(read.error));
  const result = extractReport(read.text, { path: 'x.txt', sha256: '0'.repeat(64), encoding: read.encoding, format: 'text', bytes: 1 });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return { record: result.record, text: read.text };
}

describe('crawled page of sample 001 (every run splits uniquely)', () => {
  it('is one line with glued cells', () => {
    const text = crawled('001');
    expect(text).not.toMatch(/[\n\t]/);
    expect(text).toContain('（一）予以公开130000013（二）部分公开');
    expect(isCrawledText(text)).toBe(true);
  });
  it('reads every cell of tables A, B and C', async () => {
    const { record } = await extract(crawled('001'));
    expect(record.proactive).toEqual(sample('001').proactive);
    expect(record.requests).toEqual(sample('001').requests);
    expect(record.appeals).toEqual(sample('001').appeals);
    expect(record.tables).toEqual({ proactive: 'complete', requests: 'complete', appeals: 'complete' });
  });
});

describe('crawled page of sample 002', () => {
  const extraction = extract(crawled('002'));

  it('splits table B: rows with two splits that add up are decided by the columns (105/0/1/0/0/0/106, not 1/0/5/0/100/0/106)', async () => {
    expect(splits('10501000106', 7, (n) => n.slice(0, 6).reduce((a, b) => a + b, 0) === n[6])).toEqual([
      ['1', '0', '5', '0', '100', '0', '106'],
      ['105', '0', '1', '0', '0', '0', '106'],
    ]);
    const { record, text } = await extraction;
    expect(record.requests).toEqual(sample('002').requests);
    expect(text).toContain('\n一、本年新收政府信息公开申请数量\t105\t0\t1\t0\t0\t0\t106\n');
    expect(text).toContain('\n（七）总计\t102\t0\t1\t0\t0\t0\t103\n');
  });
  it('splits table C by its group totals', async () => {
    const { record } = await extraction;
    expect(record.appeals).toEqual(sample('002').appeals);
  });
  it('leaves an ambiguous table-A run null and says why (5048: 5/0/48 or 50/4/8)', async () => {
    const { record } = await extraction;
    expect(record.proactive).toEqual({ ...(sample('002').proactive as object), normativeDocs: { issued: null, repealed: null, inForce: null } });
    expect(record.tables.proactive).toBe('partial');
    expect(record.messages).toContainEqual({ code: 'proactiveRunUnsplit', params: { label: '行政规范性文件', digits: '5048', width: 3, splits: 2, examples: ['5 / 0 / 48', '50 / 4 / 8'] } });
    expect(record.provenance['proactive.normativeDocs.issued']).toBeUndefined();
  });
});

describe('crawled page of sample 004 (blank cells glued away)', () => {
  it('leaves table C null: ten digits cannot make fifteen cells', async () => {
    const text = crawled('004');
    expect(text).toContain('尚未审结总计1000100000五、');
    const { record } = await extract(text);
    expect(record.requests).toEqual(sample('004').requests);
    expect(record.proactive).toEqual(sample('004').proactive);
    expect(record.tables.appeals).toBe('absent');
    expect(record.messages).toContainEqual({ code: 'appealsRunUnsplit', params: { digits: '1000100000', splits: 0 } });
  });
});

describe('reflowCrawledText', () => {
  it('leaves ordinary text alone', () => {
    const text = '某县人民政府2024年政府信息公开工作年度报告\n一、总体情况\n正文。\n';
    expect(isCrawledText(text)).toBe(false);
    expect(reflowCrawledText(text)).toBe(text);
  });
  it('never splits a run of a table-B row whose parts cannot add up to its total', () => {
    expect(splits('1200012', 7, (n) => n.slice(0, 6).reduce((a, b) => a + b, 0) === n[6])).toEqual([]);
  });
});
