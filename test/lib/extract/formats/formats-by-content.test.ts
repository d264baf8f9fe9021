/**
 * Format by content, identity from the file name: a saved page stored as .txt is read as a page,
 * and the report's body alone (an HTML fragment, no title) saved under the report's name is read
 * with the agency and year of its file name. Page: test/fixtures/wild/pingtan-html/2022_jingfa_86658.html.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../../../scripts/lib/extract/file.ts';
import { looksLikeHtml } from '../../../../src/lib/extract/formats/formats.ts';
import type { ReportRecord } from '../../../../src/lib/schema/report.ts';

const PAGE = path.resolve(import.meta.dirname, '../../../fixtures/wild/pingtan-html/2022_jingfa_86658.html');
const html = readFileSync(PAGE, 'utf8');
const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-content-'));

async function recordOf(name: string, text: string): Promise<ReportRecord> {
  writeFileSync(path.join(dir, name), text);
  const outcome = await extractFile(dir, name);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.record;
}

const figures = (r: ReportRecord) => ({ agency: r.agency, year: r.year, proactive: r.proactive, requests: r.requests, appeals: r.appeals, tables: r.tables });

describe('format by content', () => {
  it('reads a saved page stored as .txt as the page it is, and says so', async () => {
    const asHtml = await recordOf('page.html', html);
    const asText = await recordOf('page.txt', html);
    expect(figures(asText)).toEqual(figures(asHtml));
    expect(asText.source.format).toBe('html');
    expect(asText.messages).toContainEqual({ code: 'htmlExtension', params: { extension: '.txt' } });
    // Read by hand from the page: 行政规范性文件 5 / 0 / 5; 本年新收 3 applications, all 自然人.
    expect(asText.proactive!.normativeDocs).toEqual({ issued: 5, repealed: 0, inForce: 5 });
    expect(asText.requests.newReceived.total).toBe(3);
  });

  it('reads the body alone (a fragment without a title) with the identity its file name gives', async () => {
    const start = html.indexOf('<div class=TRS_Editor>');
    const fragment = html.slice(start, html.indexOf('</div>', html.lastIndexOf('2023年1月5日')) + 6);
    expect(fragment).not.toContain('<title>');
    const record = await recordOf('平潭综合实验区经济发展局2022年度政府信息公开工作年度报告.txt', fragment);
    expect([record.agency.name, record.year, record.identitySource]).toEqual(['平潭综合实验区经济发展局', 2022, 'file-name']);
    expect(figures(record)).toEqual(figures(await recordOf('page.html', html)));
  });

  it('tells markup from prose', () => {
    expect(looksLikeHtml(Buffer.from('<!DOCTYPE html><html><body><p>x</p></body></html>'))).toBe(true);
    expect(looksLikeHtml(Buffer.from('\n  <div class="a"><p>一、总体情况</p></div>'))).toBe(true);
    expect(looksLikeHtml(Buffer.from('某县2024年政府信息公开工作年度报告\n一、总体情况\n正文中写到 <p> 标签。'))).toBe(false);
    expect(looksLikeHtml(Buffer.from('| 规章 | 0 | 0 | 1 |\n|---|---|---|---|'))).toBe(false);
  });

  it('has no identity for a body without a title under a name that is not one: listed with its figures, no record', async () => {
    const start = html.indexOf('<div class=TRS_Editor>');
    const fragment = html.slice(start, html.indexOf('</div>', html.lastIndexOf('2023年1月5日')) + 6);
    writeFileSync(path.join(dir, 'body.txt'), fragment);
    const outcome = await extractFile(dir, 'body.txt');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toEqual({ code: 'noIdentity', params: { figures: 200 } });
  });
});
