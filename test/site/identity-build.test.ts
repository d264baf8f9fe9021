/**
 * Identity corrections through a real build: a corpus folder holding four samples, a fifth with its
 * title line removed (no source names its agency and year) and a corrections.csv. Its identity
 * lines make a record and pages of the untitled file, saying where the identity came from; a merge
 * shows one agency's reports under another, the page, its charts and the downloads agreeing; an
 * identity line that the extractor reads itself is named as stale; a cell correction that fails a
 * check is counted in the failed checks the site publishes. Bad identity lines stop a build with
 * their line numbers.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/export/csv.ts';
import { readCell } from '../../src/lib/export/cells.ts';
import { CORRECTIONS_HEADER } from '../../src/lib/corrections/parse.ts';
import type { Manifest, ReportRecord } from '../../src/lib/schema/report.ts';
import { readDocument, runBuild } from '../support/site.ts';
import { loadSampleRecord, SAMPLE_FILES } from '../support/records.ts';

const HEAD = CORRECTIONS_HEADER.join(',');
// Every name, year and figure is read from the samples' records, never typed.
const [UNTITLED_SOURCE, OTHER, MERGED, KEPT, LAST] = SAMPLE_FILES;
const untitled = loadSampleRecord(UNTITLED_SOURCE);
const merged = loadSampleRecord(MERGED);
const kept = loadSampleRecord(KEPT);
const broken = loadSampleRecord(OTHER);
const last = loadSampleRecord(LAST);
const CELL = 'requests.granted.natural';
const BROKEN_VALUE = readCell(broken, CELL)! + 1;
const UNTITLED = 'untitled.txt';

let corpus: string;
let data: string;
let dist: string;
let log: string;

/** Runs `npm run build` with the test's folders; returns its exit code and its output. */
const build = (args: string[] = []) => runBuild({ corpus, data, dist }, args);
const doc = (rel: string) => readDocument(dist, rel);
const readJson = <T>(file: string) => JSON.parse(readFileSync(file, 'utf8')) as T;

beforeAll(() => {
  const root = mkdtempSync(path.join(tmpdir(), 'nianbao-identity-'));
  corpus = path.join(root, 'corpus');
  data = path.join(root, 'data');
  dist = path.join(root, 'dist');
  mkdirSync(corpus);
  for (const f of [OTHER, MERGED, KEPT, LAST]) copyFileSync(path.join('content/reports', f), path.join(corpus, f));
  // The sample without its first line, its title: the extractor finds no agency and year in it.
  writeFileSync(path.join(corpus, UNTITLED), readFileSync(path.join('content/reports', UNTITLED_SOURCE), 'utf8').split('\n').slice(1).join('\n'));
  writeFileSync(
    path.join(corpus, 'corrections.csv'),
    [
      HEAD,
      `${UNTITLED},identity,agency,,${untitled.agency.name},标题页缺失，机关取自落款,报告落款,2026-12-01`,
      `${UNTITLED},identity,year,,${untitled.year},标题页缺失，年度取自统计期限,报告第 1 页,2026-12-01`,
      `${merged.agency.name},identity,merge,,${kept.agency.name},机构更名,https://example.gov.cn/a.html,2026-12-01`,
      // The extractor reads this year itself: stale.
      `${KEPT},identity,year,,${kept.year},曾经读错,报告第 1 页,2026-12-01`,
      `${broken.id},requests,granted,natural,${BROKEN_VALUE},核对原文,报告第 2 页,2026-12-01`,
      '',
    ].join('\n'),
  );
  const result = build();
  log = result.output;
  expect(result.status, log).toBe(0);
}, 300_000);

describe('an identity correction', () => {
  it('makes a record of a file whose title cannot be read, saying its identity came from the corrections file', () => {
    const manifest = readJson<Manifest>(path.join(data, 'manifest.json'));
    const entry = manifest.files.find((f) => f.path === UNTITLED)!;
    expect(entry.id).toBe(untitled.id);
    expect(entry.status).not.toBe('error');
    const record = readJson<ReportRecord>(path.join(data, 'reports', `${untitled.id}.json`));
    expect(record.identitySource).toBe('correction');
    expect(record.requests).toEqual(untitled.requests);
    expect(record.identityCorrections!.map((c) => [c.line, c.field, c.read, c.value])).toEqual([
      [2, 'agency', null, untitled.agency.name],
      [3, 'year', null, String(untitled.year)],
    ]);
  });

  it('gives the file its report page, which shows the identity lines with their reasons', () => {
    for (const page of [`reports/${untitled.id}/index.html`, `en/reports/${untitled.id}/index.html`]) {
      const d = doc(page);
      const agency = d.querySelector('#correction-identity-agency')!;
      expect([...agency.querySelectorAll('td')].map((c) => c.textContent)).toEqual(['—', untitled.agency.name, '标题页缺失，机关取自落款', '报告落款', '2026-12-01']);
      expect(d.querySelector('#correction-identity-year')!.textContent).toContain(String(untitled.year));
    }
    expect(doc(`agencies/${untitled.agency.slug}/index.html`).querySelector(`a[href$="reports/${untitled.id}/"]`)).not.toBeNull();
  });

  it('that the extractor reads itself is named as stale', () => {
    expect(log).toContain(`${path.join(corpus, 'corrections.csv')}:第 5 行（${KEPT} identity year = ${kept.year}）`);
    const items = [...doc('review/index.html').querySelectorAll('#stale-corrections li')].map((li) => li.textContent);
    expect(items).toHaveLength(1);
    expect(items[0]).toContain('第 5 行');
  });
});

describe('a merge of two agency names', () => {
  it('shows the report under the agency merged into, with the name it prints on its page', () => {
    const agency = doc(`agencies/${kept.agency.slug}/index.html`);
    for (const id of [merged.id, kept.id, untitled.id]) expect(agency.querySelector(`.timeline a[href$="reports/${id}/"]`), id).not.toBeNull();
    expect(readdirSync(path.join(dist, 'agencies'))).not.toContain(merged.agency.slug);
    const page = doc(`reports/${merged.id}/index.html`);
    const row = page.querySelector('#correction-identity-merge')!;
    expect([...row.querySelectorAll('td')].map((c) => c.textContent).slice(0, 3)).toEqual([merged.agency.name, kept.agency.name, '机构更名']);
  });

  it('agrees across the agency chart, the downloads and the API', () => {
    const chart = doc(`agencies/${kept.agency.slug}/index.html`).querySelector('#chart-requests table')!;
    const row = [...chart.querySelectorAll('tbody tr')].find((tr) => tr.querySelector('th')!.textContent!.startsWith(String(merged.year)))!;
    expect(row.querySelector('td')!.textContent).toBe(String(merged.requests.newReceived.total));
    const [header, ...rows] = parseCsv(readFileSync(path.join(dist, 'data/nianbao-long.csv'), 'utf8'));
    const col = Object.fromEntries(header!.map((h, i) => [h, i])) as Record<string, number>;
    const mine = rows.filter((r) => r[col.report_id!] === merged.id);
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine.map((r) => `${r[col.agency_slug!]} ${r[col.agency_name!]}`))).toEqual(new Set([`${kept.agency.slug} ${kept.agency.name}`]));
    const api = readJson<{ reports: { id: string }[] }>(path.join(dist, 'api/agencies', `${kept.agency.slug}.json`));
    expect(api.reports.map((r) => r.id).sort()).toEqual([kept.id, merged.id, untitled.id].sort());
    const record = readJson<ReportRecord>(path.join(dist, 'api/reports', `${merged.id}.json`));
    expect([record.agency.slug, record.agencyMerge!.name]).toEqual([kept.agency.slug, merged.agency.name]);
  });
});

describe('the failed checks the site publishes', () => {
  it('are those of the corrected records, on the quality page, the home page and the published manifest', () => {
    const extracted = readJson<Manifest>(path.join(data, 'manifest.json')).counts.failedChecks;
    const published = readdirSync(path.join(dist, 'api/reports')).reduce((n, f) => n + readJson<ReportRecord>(path.join(dist, 'api/reports', f)).checks.filter((c) => c.status === 'fail').length, 0);
    expect(published).toBeGreaterThan(extracted);
    expect(readJson<Manifest>(path.join(dist, 'data/manifest.json')).counts.failedChecks).toBe(published);
    const stats = [...doc('quality/index.html').querySelectorAll('li')].find((li) => li.querySelector('.label')?.textContent === '项核对未通过')!;
    expect(stats.querySelector('.value')!.textContent).toBe(String(published));
    expect(doc('index.html').body.textContent).toContain(`共有 ${published} 项模板核对未通过`);
  });
});

describe('bad identity lines', () => {
  it('stop the build, each named by the file and its line', () => {
    const file = path.join(corpus, 'corrections.csv');
    writeFileSync(
      file,
      [
        HEAD,
        `no-such-file.txt,identity,agency,,${untitled.agency.name},r,s,2026-12-01`,
        `${UNTITLED},identity,year,,${untitled.year}年,r,s,2026-12-01`,
        `没有这个机关,identity,merge,,${kept.agency.name},r,s,2026-12-01`,
        `${broken.agency.name},identity,merge,,${last.agency.name},r,s,2026-12-01`,
        '',
      ].join('\n'),
    );
    const result = build(['--site-only']);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(`${file}:2: 语料中没有文件「no-such-file.txt」`);
    expect(result.output).toContain(`${file}:3: year「${untitled.year}年」不是年度`);
    expect(result.output).toContain(`${file}:4: 没有机关「没有这个机关」`);
    expect(result.output).toContain(`${file}:5: 合并后 ${last.agency.slug} 在 ${broken.year} 年有两份报告`);
  }, 300_000);
});
