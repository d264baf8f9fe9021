/**
 * Corrections through a real build: a corpus folder holding the samples and a corrections.csv. One
 * correction changes a figure, which the report page marks (人工更正, the reason on hover and in the
 * corrections list), the checks read (rowSum now fails), and the downloads carry with the value as
 * read beside it; the record files the extractor wrote keep the value as read. A second correction
 * gives the value the extractor reads already: the build log and the review page name it as stale.
 * The review page lists the failed check with its cells and ready-made lines. A bad line stops a
 * build with its line number; an edited file takes effect on a build that does not extract again.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/export/csv.ts';
import { readCell } from '../../src/lib/export/cells.ts';
import { CORRECTIONS_HEADER } from '../../src/lib/corrections/parse.ts';
import type { ReportRecord } from '../../src/lib/schema/report.ts';
import { readDocument, runBuild } from '../support/site.ts';
import { SAMPLE_FILES, loadSampleRecord } from '../support/records.ts';

const HEAD = CORRECTIONS_HEADER.join(',');
// The figures are read from the samples' records here, never typed: the correction adds one.
const target = loadSampleRecord('001_b87e4db93de93761.txt');
const CELL = 'requests.granted.natural';
const READ = readCell(target, CELL)!;
const PUBLISHED = READ + 1;
const staleTarget = loadSampleRecord('002_1c63ee7c050fc816.txt');
const STALE_VALUE = readCell(staleTarget, 'requests.granted.total')!;
const REASON = '原文表三予以公开·自然人一格经人工核对';

let root: string;
let corpus: string;
let data: string;
let dist: string;
let log: string;

/** Runs `npm run build` with the test's folders; returns its exit code and its output. */
const build = (args: string[] = []) => runBuild({ corpus, data, dist }, args);
const doc = (rel: string) => readDocument(dist, rel);

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'nianbao-corrections-'));
  corpus = path.join(root, 'corpus');
  data = path.join(root, 'data');
  dist = path.join(root, 'dist');
  mkdirSync(corpus);
  for (const f of SAMPLE_FILES) copyFileSync(path.join('content/reports', f), path.join(corpus, f));
  writeFileSync(
    path.join(corpus, 'corrections.csv'),
    [
      HEAD,
      `${target.id},requests,granted,natural,${PUBLISHED},${REASON},报告第 2 页,2026-12-01`,
      // By the file's path in the corpus, not the id; the extractor reads this very value.
      `002_1c63ee7c050fc816.txt,requests,granted,total,${STALE_VALUE},曾经读错,报告第 3 页,2026-12-01`,
      '',
    ].join('\n'),
  );
  const result = build();
  log = result.output;
  expect(result.status, log).toBe(0);
}, 300_000);

describe('a corrected figure', () => {
  it('is published on the report page, marked 人工更正 with its reason, the value read beside it', () => {
    for (const [page, mark] of [[`reports/${target.id}/index.html`, '人工更正'], [`en/reports/${target.id}/index.html`, 'Corrected by hand']] as const) {
      const d = doc(page);
      const cells = [...d.querySelectorAll('#table-requests td.corrected')];
      expect(cells, page).toHaveLength(1);
      const td = cells[0]!;
      expect(td.getAttribute('data-value')).toBe(String(PUBLISHED));
      expect(td.getAttribute('data-value-read')).toBe(String(READ));
      // The English page's figures link to the Chinese page's lines.
      expect(td.querySelector('a[href*="#L"]')!.textContent).toBe(String(PUBLISHED));
      const markLink = td.querySelector('a.corrected-mark')!;
      expect(markLink.getAttribute('title')).toContain(mark);
      expect(markLink.getAttribute('title')).toContain(REASON);
      expect(markLink.getAttribute('aria-label')).toBe(markLink.getAttribute('title'));
      const note = d.querySelector(markLink.getAttribute('href')!)!;
      expect(note.closest('#table-corrections')).not.toBeNull();
      expect([...note.querySelectorAll('td')].map((c) => c.textContent)).toEqual([String(READ), String(PUBLISHED), REASON, '报告第 2 页', '2026-12-01']);
    }
  });

  it('is what the checks read: rowSum fails on the page, in the downloads and in the review queue', () => {
    const d = doc(`reports/${target.id}/index.html`);
    expect(d.querySelector('#check-rowSum .badge')!.textContent).toBe('未通过');
    expect(d.querySelector(`#table-requests td.corrected`)!.classList.contains('failing')).toBe(true);
    const api = JSON.parse(readFileSync(path.join(dist, 'api/reports', `${target.id}.json`), 'utf8')) as ReportRecord;
    expect(api.checks.find((c) => c.id === 'rowSum')!.status).toBe('fail');
    const review = doc('review/index.html');
    const group = review.querySelector(`#review-${target.id}`)!;
    const items = [...group.querySelectorAll('li.review-item')].filter((li) => li.getAttribute('data-kind') === 'check');
    const item = items.find((li) => li.textContent!.includes('核对「行合计」未通过'))!;
    const lines = item.querySelector('pre.corrections-lines')!.textContent!.split('\n');
    expect(lines).toContain(`${target.id},requests,granted,natural,?,核对 rowSum 未通过，表三 （一）予以公开 · 自然人 经核对原文更正,原文第 ${target.provenance[CELL]} 行,${lines[0]!.slice(-10)}`);
    // The source line of each involved cell is shown, linked to the report page.
    expect(item.querySelector(`a[href$="reports/${target.id}/#L${target.provenance[CELL]}"]`)).not.toBeNull();
  });

  it('is in the downloads with the value as read beside it: long CSV, SQLite, JSON and the API', () => {
    const [header, ...rows] = parseCsv(readFileSync(path.join(dist, 'data/nianbao-long.csv'), 'utf8'));
    const col = Object.fromEntries(header!.map((h, i) => [h, i])) as Record<string, number>;
    const row = rows.find((r) => r[col.report_id!] === target.id && r[col.table!] === 'requests' && r[col.row_key!] === 'granted' && r[col.column_key!] === 'natural')!;
    expect([row[col.value!], row[col.value_read!]]).toEqual([String(PUBLISHED), String(READ)]);
    expect(row[col.correction!]).toContain(REASON);
    const other = rows.find((r) => r[col.report_id!] === target.id && r[col.row_key!] === 'granted' && r[col.column_key!] === 'total')!;
    expect(other[col.value_read!]).toBe(other[col.value!]);
    expect(other[col.correction!]).toBe('');

    const db = new DatabaseSync(path.join(dist, 'data/nianbao.sqlite'), { readOnly: true });
    const cell = db.prepare('SELECT value, value_read, correction FROM cells WHERE report_id = ? AND "table" = ? AND row_key = ? AND column_key = ?').get(target.id, 'requests', 'granted', 'natural')!;
    const check = db.prepare('SELECT status FROM checks WHERE report_id = ? AND check_id = ?').get(target.id, 'rowSum')!;
    db.close();
    expect([cell.value, cell.value_read]).toEqual([PUBLISHED, READ]);
    expect(String(cell.correction)).toContain(REASON);
    expect(check.status).toBe('fail');

    const json = JSON.parse(readFileSync(path.join(dist, 'data/nianbao.json'), 'utf8')) as { records: ReportRecord[] };
    for (const record of [json.records.find((r) => r.id === target.id)!, JSON.parse(readFileSync(path.join(dist, 'api/reports', `${target.id}.json`), 'utf8')) as ReportRecord]) {
      expect(readCell(record, CELL)).toBe(PUBLISHED);
      expect(record.corrections).toEqual([{ line: 2, cell: CELL, read: READ, value: PUBLISHED, reason: REASON, source: '报告第 2 页', date: '2026-12-01' }]);
    }
  });

  it('leaves the extracted record as read, and the corrections file out of the manifest', () => {
    const record = JSON.parse(readFileSync(path.join(data, 'reports', `${target.id}.json`), 'utf8')) as ReportRecord;
    expect(readCell(record, CELL)).toBe(READ);
    expect(record.corrections).toBeUndefined();
    const manifest = JSON.parse(readFileSync(path.join(data, 'manifest.json'), 'utf8')) as { files: { path: string }[] };
    expect(manifest.files.map((f) => f.path)).not.toContain('corrections.csv');
  });
});

describe('a stale correction', () => {
  it('changes nothing and is named in the build log and on the review page', () => {
    const d = doc(`reports/${staleTarget.id}/index.html`);
    expect(d.querySelectorAll('td.corrected')).toHaveLength(0);
    expect(d.querySelector('#table-corrections')).toBeNull();
    expect(log).toContain('可删去的更正 1 条');
    expect(log).toContain(`${path.join(corpus, 'corrections.csv')}:第 3 行（002_1c63ee7c050fc816.txt requests.granted.total = ${STALE_VALUE}）`);
    const items = [...doc('review/index.html').querySelectorAll('#stale-corrections li')].map((li) => li.textContent);
    expect(items).toHaveLength(1);
    expect(items[0]).toContain('第 3 行');
  });
});

describe('the review page', () => {
  it('is kept from search engines, the search index and the sitemap', () => {
    const review = doc('review/index.html');
    expect(review.querySelector('meta[name="robots"]')!.getAttribute('content')).toContain('noindex');
    expect(review.querySelector('[data-pagefind-body]')).toBeNull();
    expect(readFileSync(path.join(dist, 'pagefind/chunks.json'), 'utf8')).not.toContain('review');
  });

  it('lists the reports in the order of figures per item, largest first', () => {
    const groups = [...doc('review/index.html').querySelectorAll('section.review-group')];
    expect(groups.length).toBeGreaterThan(1);
    const perItem = groups.map((g) => {
      const [items, figures] = g.querySelector('p')!.textContent!.match(/(\d+) 项，(\d+) 个数字/)!.slice(1).map(Number) as [number, number];
      return figures / items;
    });
    expect(perItem).toEqual([...perItem].sort((a, b) => b - a));
  });
});

describe('editing the corrections file', () => {
  it('stops the build at a bad line, naming the file and the line', () => {
    const file = path.join(corpus, 'corrections.csv');
    writeFileSync(file, [HEAD, `${target.id},requests,granted,natural,${PUBLISHED},r,s,2026-12-01`, 'no-such-report-2024,requests,granted,natural,1,r,s,2026-12-01', `${target.id},requests,granted,legal,十二,r,s,2026-12-01`, `${target.id},requests,granted,nobody,1,r,s,2026-12-01`, ''].join('\n'));
    const result = build(['--site-only']);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(`${file}:3: 没有报告「no-such-report-2024」`);
    expect(result.output).toContain(`${file}:4: value「十二」不是数字`);
    expect(result.output).toContain(`${file}:5: 报告 ${target.id}（2021 版式）没有单元格 requests.granted.nobody`);
  }, 300_000);

  it('takes effect on the next build without extracting again', () => {
    writeFileSync(path.join(corpus, 'corrections.csv'), [HEAD, `${target.id},requests,granted,natural,${READ + 2},${REASON},报告第 2 页,2026-12-02`, ''].join('\n'));
    const result = build(['--site-only']);
    expect(result.status, result.output).toBe(0);
    const td = doc(`reports/${target.id}/index.html`).querySelector('#table-requests td.corrected')!;
    expect(td.getAttribute('data-value')).toBe(String(READ + 2));
    expect(doc('review/index.html').querySelectorAll('#stale-corrections li')).toHaveLength(0);
  }, 300_000);
});
