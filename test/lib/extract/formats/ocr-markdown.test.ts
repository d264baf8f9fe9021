/**
 * OCR / converter Markdown: sample 002 rendered as a web page (render-report.ts), its text turned
 * into pipe tables the way OCR converters print them — table B split into three tables, the second
 * under generic headers (| 列1 | 列2 | …), the third under the wrong table's headers — and the
 * county in the title misread by one character (沂原县 for 沂源县).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../../../src/lib/extract/extract-report.ts';
import { readReportText } from '../../../../src/lib/extract/formats/formats.ts';
import { htmlToReportText } from '../../../../src/lib/extract/formats/html.ts';
import { resolveRegion } from '../../../../src/lib/extract/identity/title.ts';
import type { ReportRecord } from '../../../../src/lib/schema/report.ts';
import { renderHtml, reportModel } from '../../../fixtures/render-report.ts';
import { SAMPLES } from '../../../fixtures/samples.ts';

const S002 = SAMPLES.find((s) => s.file.startsWith('002'))!;
const pipe = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
const rule = (n: number) => pipe(Array.from({ length: n }, () => '---'));

/** Returns sample 002 as OCR Markdown (see the module comment). */
function ocrMarkdown(): string {
  const lines = htmlToReportText(renderHtml(reportModel(S002))).split('\n');
  const start = lines.findIndex((l) => l.startsWith('三、收到和处理'));
  const end = lines.findIndex((l) => l.startsWith('四、政府信息公开行政复议'));
  const tableB = lines.slice(start + 1, end).filter((l) => l.includes('\t')).map((l) => l.split('\t'));
  const [header, body] = [tableB.slice(0, 3), tableB.slice(3)];
  const partB = [
    pipe(header[0]!), rule(header[0]!.length), ...header.slice(1).map(pipe), ...body.slice(0, 8).map(pipe),
    '',
    '（续表）',
    '',
    pipe(Array.from({ length: 10 }, (_, i) => `列${i + 1}`)), rule(10), ...body.slice(8, 17).map(pipe),
    '',
    pipe(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']), rule(4), ...body.slice(17).map(pipe),
  ];
  const asPipes = (ls: string[]) => ls.flatMap((l, i) => (l.includes('\t') ? [pipe(l.split('\t')), ...(ls[i - 1]?.includes('\t') ? [] : [rule(l.split('\t').length)])] : [l]));
  return [
    `# ${lines[0]!.replace('沂源县', '淄博市沂原县')}`,
    ...asPipes(lines.slice(1, start + 1)).filter((l) => l !== ''),
    '',
    ...partB,
    '',
    ...asPipes(lines.slice(end)),
  ].join('\n');
}

async function extract(text: string): Promise<ReportRecord> {
  const read = await readReportText(new TextEncoder().encode(text), 'markdown');
  if (!read.ok) throw new Error(JSON.stringify(read.error));
  const result = extractReport(read.text, { path: 'x.md', sha256: '0'.repeat(64), encoding: read.encoding, format: 'markdown', bytes: 1 });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.record;
}

describe('OCR Markdown of sample 002', () => {
  const markdown = ocrMarkdown();
  const record = extract(markdown);

  it('has table B in three pipe tables, under generic and wrong headers', () => {
    expect(markdown).toContain('| 列1 | 列2 | 列3 | 列4 | 列5 | 列6 | 列7 | 列8 | 列9 | 列10 |');
    expect(markdown).toContain('| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n| --- | --- | --- | --- |\n|  |  | 3.要求提供公开出版物 | 0 |');
    expect(markdown.match(/^\| --- /gm)!.length).toBeGreaterThanOrEqual(6);
  });
  it('reads every cell of tables A, B and C', async () => {
    const r = await record;
    expect(r.proactive).toEqual(S002.proactive);
    expect(r.requests).toEqual(S002.requests);
    expect(r.appeals).toEqual(S002.appeals);
    expect(r.tables).toEqual(S002.tables);
    const status = Object.fromEntries(r.checks.map((c) => [c.id, c.status]));
    for (const id of ['balance', 'rowSum', 'dispositionSum', 'appealSum']) expect(status[id], id).toBe('pass');
  });
  it('keeps the name as printed and resolves the misread county, recording both spellings', async () => {
    const r = await record;
    expect(r.agency.name).toBe('淄博市沂原县人民政府');
    expect(r.agency.region).toEqual({ province: '山东省', city: '淄博市', county: '沂源县', code: '370323' });
    expect(r.messages).toContainEqual({ code: 'countyNearOne', params: { printed: '沂原县', name: '淄博市沂原县人民政府', read: '沂源县', division: expect.stringContaining('沂源县') } });
  });
});

describe('resolveRegion on misread and zone names', () => {
  it('resolves a one-character misreading only when one county of the scope is that close', () => {
    expect(resolveRegion('淄博市沂原县人民政府').region).toEqual({ province: '山东省', city: '淄博市', county: '沂源县', code: '370323' });
    // Without the city, 沂原县 is one character from 沂源县, 沂水县, 沂南县, 平原县 …: left empty.
    const national = resolveRegion('沂原县人民政府');
    expect(national.region).toEqual({ province: null, city: null, county: null, code: null });
    expect(national.messages).toContainEqual({ code: 'countyNearSeveral', params: expect.objectContaining({ printed: '沂原县', candidates: expect.arrayContaining([expect.stringContaining('沂源县 (370323)'), expect.stringContaining('沂水县 (371323)')]) }) });
    // Two characters off is no match.
    expect(resolveRegion('淄博市沂原区人民政府').region.county).toBeNull();
  });

  it('reads a zone as the county whose short name begins it', () => {
    const { region, messages } = resolveRegion('平潭综合实验区');
    expect(region).toEqual({ province: '福建省', city: '福州市', county: '平潭县', code: '350128' });
    expect(messages).toEqual([{ code: 'zoneRead', params: { zone: '平潭综合实验区', name: '平潭综合实验区', division: '福建省福州市平潭县 (350128)', short: '平潭' } }]);
  });

  it('gives the real 平潭综合实验区 page its county, and keeps its slug', async () => {
    const html = readFileSync(new URL('../../../fixtures/real/2023_pingtan.html', import.meta.url));
    const r = await (async () => {
      const read = await readReportText(html, 'html');
      if (!read.ok) throw new Error(JSON.stringify(read.error));
      const result = extractReport(read.text, { path: 'x.html', sha256: '0'.repeat(64), encoding: read.encoding, format: 'html', bytes: 1 });
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      return result.record;
    })();
    expect(r.agency.region.county).toBe('平潭县');
    expect(r.agency.slug).toBe('pingtan-zonghe-shiyanqu');
  });

  it('leaves exact names as they were', () => {
    expect(resolveRegion('沂源县人民政府')).toEqual({ region: { province: '山东省', city: '淄博市', county: '沂源县', code: '370323' }, messages: [] });
    expect(resolveRegion('枣庄市行政审批服务局').messages).toEqual([]);
  });
});
