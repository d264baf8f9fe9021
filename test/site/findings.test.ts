/**
 * The built findings page (dist/findings/): the boilerplate score of the two 沂源县行政审批服务局
 * reports, the timeliness table, the year-over-year table, applicant mix and the quality ranking.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIST, ensureDefaultBuild } from '../support/site.ts';

let doc: Document;
/** Returns the rows of the table following a heading, as arrays of cell texts. */
function rowsAfter(id: string): string[][] {
  let el = doc.getElementById(id)!.nextElementSibling;
  while (el && !el.querySelector('table')) el = el.nextElementSibling;
  return [...el!.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent!.trim()));
}

beforeAll(() => {
  ensureDefaultBuild();
  doc = parseHTML(readFileSync(path.join(DIST, 'findings/index.html'), 'utf8')).document as unknown as Document;
});

describe('findings page', () => {
  it('shows the boilerplate score of 沂源县行政审批服务局 2024 against 2020', () => {
    expect(rowsAfter('boilerplate')).toEqual([['1', '沂源县行政审批服务局 2024', '2020 年报告', '0 / 38（0.0%）', '53 / 1,660（3.2%）', '—']]);
  });

  it('compares the two 沂源县行政审批服务局 reports measure by measure, absent as —', () => {
    const rows = rowsAfter('changes');
    expect(rows).toHaveLength(5);
    expect(rows[0]).toEqual(['沂源县行政审批服务局', '2020 → 2024', '新收申请', '0', '1（正文）', '+1', '—', '']);
    expect(rows[1]!.slice(2)).toEqual(['办理总计', '—', '—', '—', '—', '']);
    expect(doc.getElementById('changes')!.nextElementSibling!.nextElementSibling!.textContent).toBe('没有需要核对的变化。');
  });

  it('lists timeliness for every report: unknown without a date, the 2020 date flagged', () => {
    const rows = rowsAfter('timeliness');
    expect(rows).toHaveLength(5);
    const y2020 = rows.find((r) => r[0] === '沂源县行政审批服务局 2020')!;
    // Columns: report, kind, deadline, publication date, signature date, result.
    expect(y2020.slice(1, 5)).toEqual(['部门', '2021-01-31', '—', '2020-01-27']);
    expect(y2020[5]).toContain('日期存疑');
    expect(rows.find((r) => r[0] === '沂源县人民政府 2023')!.slice(1, 6)).toEqual(['政府', '2024-03-31', '—', '—', '未知']);
  });

  it('says there is no prose-vs-table disagreement in the samples', () => {
    expect(doc.getElementById('disagreements')!.nextElementSibling!.nextElementSibling!.textContent).toContain('没有发现');
  });

  it('shows the applicant mix by year and by report', () => {
    expect(doc.querySelector('#findings-applicants svg')).not.toBeNull();
    const years = rowsAfter('applicants-by-year');
    expect(years.map((r) => [r[0], r[1], r[7], r[9]])).toEqual([
      ['2020', '0', '0', '1 / 0'],
      ['2023', '105（99.1%）', '106', '1 / 0'],
      ['2024', '37（100.0%）', '37', '2 / 1'],
    ]);
    const none = rowsAfter('applicants-by-report').find((r) => r[0] === '沂源县行政审批服务局 2024')!;
    expect(none.slice(1)).toEqual(['—', '—', '—', '—', '—', '—', '—', '—']);
  });

  it('ranks agencies by data quality', () => {
    expect(rowsAfter('quality').map((r) => [r[0], r[1], r[3]])).toEqual([
      ['1', '沂源县人民政府', '5 / 5'],
      ['1', '泰安市泰山区行政审批服务局', '5 / 5'],
      ['3', '枣庄市行政审批服务局', '4 / 5'],
      ['4', '沂源县行政审批服务局', '0 / 3'],
    ]);
  });
});
