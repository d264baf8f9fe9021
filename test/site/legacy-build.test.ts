/**
 * A build from reports before 2019 beside later ones of the same agencies: the report pages show the
 * older statistics table, each figure linked to the source line that prints it; the agency page's
 * requests series goes back with the older table's 受理申请, marked as another measure; the older
 * table has its own download.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { childEnv, loadBuiltRecords } from '../support/site.ts';
import type { ReportRecord } from '../../src/lib/schema/report.ts';

const DUMPS = 'test/fixtures/wild/pingtan-txt';
const FILES = [
  `${DUMPS}/2016_social-affairs_80480.txt`,
  `${DUMPS}/2019_social-affairs_80573.txt`,
  `${DUMPS}/2024_social-affairs_96777.txt`,
  `${DUMPS}/2018_public-security_80532.txt`,
  `${DUMPS}/2013_local-tax_80774.txt`,
  'test/fixtures/real/2018_pingtan.html',
];

let dist: string;
let records: Map<string, ReportRecord>;

beforeAll(() => {
  const root = mkdtempSync(path.join(tmpdir(), 'nianbao-legacy-site-'));
  const corpus = path.join(root, 'corpus');
  const data = path.join(root, 'data');
  dist = path.join(root, 'dist');
  mkdirSync(corpus);
  for (const file of FILES) copyFileSync(file, path.join(corpus, path.basename(file)));
  execFileSync('npm', ['run', 'build'], { env: childEnv({ NIANBAO_CORPUS: corpus, NIANBAO_DATA: data, NIANBAO_OUT: dist }), stdio: 'inherit' });
  records = new Map(loadBuiltRecords(data).map((r) => [r.id, r]));
}, 300_000);

const doc = (rel: string) => parseHTML(readFileSync(path.join(dist, rel), 'utf8')).document as unknown as Document;

/**
 * Asserts that the page's older table shows every figure of the record, each linked to a line of the
 * source text that prints it: on the page itself, or on the Chinese page the link names (English pages).
 */
function expectLegacyTable(page: Document, record: ReportRecord): void {
  const cells = [...page.querySelectorAll('#table-legacy tbody td.num')];
  const figures = Object.values(record.legacy!).flatMap((f) => [f.year, f.cumulative]).filter((v) => v !== null);
  const linked = cells.filter((td) => td.querySelector('a'));
  expect(linked).toHaveLength(figures.length);
  for (const td of linked) {
    const a = td.querySelector('a')!;
    const [target, hash] = a.getAttribute('href')!.split('#') as [string, string];
    const line = (target ? doc(`${target.replace(/^\//, '')}index.html`) : page).getElementById(hash)!;
    expect(line.textContent!.split('\t'), a.getAttribute('href')!).toContain(a.textContent);
  }
  expect(cells.filter((td) => td.textContent === '—').length).toBe(cells.length - figures.length);
}

describe('a report before 2019', () => {
  it('shows its older table, each figure linked to its line (zh and en)', () => {
    const record = records.get('pingtan-zonghe-shiyanqu-shehui-shiyeju-2016')!;
    expect(record.template).toBe('pre2019');
    for (const page of ['reports/pingtan-zonghe-shiyanqu-shehui-shiyeju-2016/index.html', 'en/reports/pingtan-zonghe-shiyanqu-shehui-shiyeju-2016/index.html']) {
      const d = doc(page);
      expect(d.querySelector('#table-requests')).toBeNull();
      expectLegacyTable(d, record);
    }
    const zh = doc('reports/pingtan-zonghe-shiyanqu-shehui-shiyeju-2016/index.html');
    // 主动公开文件数 条 66 107, read by hand from the dump.
    const row = [...zh.querySelectorAll('#table-legacy tbody tr')].find((tr) => tr.querySelector('th')!.textContent === '主动公开信息数')!;
    expect([...row.querySelectorAll('td.num')].map((td) => td.textContent)).toEqual(['66', '107']);
  });

  it('outlines the cells of a failed sum and leaves a run it could not split as —', () => {
    const d = doc('reports/pingtan-zonghe-shiyanqu-gonganju-2018/index.html');
    expectLegacyTable(d, records.get('pingtan-zonghe-shiyanqu-gonganju-2018')!);
    expect(d.querySelectorAll('#table-legacy td.failing').length).toBe(5);
    expect(d.querySelector('#check-legacySum .badge')!.textContent).toBe('未通过');
    expect(d.body.textContent).toContain('有多种拆法（6 种：1 / 811568；');
  });

  it('says when a report before 2019 has no statistics table', () => {
    const d = doc('reports/pingtan-zonghe-shiyanqu-difang-shuiwuju-2013/index.html');
    expect(d.querySelector('#table-legacy')).toBeNull();
    expect(d.body.textContent).toContain('也没有旧式统计表');
  });
});

describe('the agency page', () => {
  const page = () => doc('agencies/pingtan-zonghe-shiyanqu-shehui-shiyeju/index.html');
  it('draws the requests series back to 2016 with the older table’s 受理申请, and says it is another measure', () => {
    const chart = page().querySelector('#chart-requests')!;
    const rows = [...chart.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows).toEqual([['2016年', '0', '旧式统计表（受理申请）'], ['2019年', '1', '表三'], ['2024年', '2', '表三']]);
    expect(chart.textContent).toContain('受理申请与 2019 年起的“本年新收申请”不是同一口径');
    expect(chart.querySelectorAll('svg g[data-mark="dot"] path')).toHaveLength(1);
  });
  it('lists the older table’s check beside the template’s', () => {
    const header = [...page().querySelectorAll('#checks + .table-scroll thead th')].map((th) => th.textContent);
    expect(header.at(-1)).toBe('旧式统计表合计');
  });
});

describe('the downloads', () => {
  it('hold the older table in a wide CSV of its own', () => {
    const csv = readFileSync(path.join(dist, 'data/nianbao-wide-legacy.csv'), 'utf8');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(1 + records.size);
    expect(readFileSync(path.join(dist, 'data/index.html'), 'utf8')).toContain('nianbao-wide-legacy.csv');
  });
});
