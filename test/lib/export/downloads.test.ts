/**
 * The streamed downloads (scripts/write-downloads.ts): written from sample records in an extraction
 * folder, each file equals what the in-memory builders make of the same records in id order — the long
 * and wide CSVs and the JSON byte for byte, the SQLite file table by table, row by row; the data
 * package describing the CSVs written beside them, and Datasette's metadata describing the SQLite file;
 * the dictionary, the manifest and the API's corpus documents from the same records.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLES } from '../../../src/lib/export/cells.ts';
import { parseCsv } from '../../../src/lib/export/csv.ts';
import { buildDataPackage, type DataPackage } from '../../../src/lib/export/datapackage.ts';
import { buildDatasetJson, buildDictionaryCsv, buildLongCsv, buildWideCsv } from '../../../src/lib/export/dataset.ts';
import { buildDatasetteMetadata, SQLITE_DATABASE, type DatasetteMetadata } from '../../../src/lib/export/datasette.ts';
import { buildSqlite } from '../../../src/lib/export/sqlite.ts';
import { DOWNLOAD_FILES, listRecordIds, writeDownloads, type DownloadOptions } from '../../../scripts/lib/downloads/write.ts';
import { groupAgencies } from '../../../src/lib/aggregate/corpus.ts';
import { indexReport } from '../../../src/lib/aggregate/report-index.ts';
import { buildApiAgency, buildApiIndex, makeLinker } from '../../../src/lib/export/api.ts';
import { buildManifest } from '../../../src/lib/extract/manifest.ts';
import { validateDataPackage } from '../../support/data-package-spec.ts';
import { loadSampleRecords } from '../../support/records.ts';
import { listSqliteColumns } from '../../support/sqlite.ts';
import { PAGE_TEXT_BYTES, fullTextPath } from '../../../src/lib/site/bounds.ts';
import { readReportText } from '../../../src/lib/extract/formats/formats.ts';
import { EXTRACTOR_NOTE } from '../../../src/lib/extract/formats/crawled.ts';

const BUILT_ON = '2025-01-02';
const URL_ = 'https://x.example/nianbao/data/';
const LINK = makeLinker('/nianbao/', 'https://x.example');
// Sorted as the site sorts them (loadSiteData: by id); the sample files are in another order.
const records = loadSampleRecords().sort((a, b) => (a.id < b.id ? -1 : 1));
let root: string;
let out: string;

/** Writes the downloads of the records in `data` into the site folder `site`, as the build does. */
function write(data: string, site: string): Promise<number> {
  const options: DownloadOptions = { data, out: site, builtOn: BUILT_ON, dataUrl: URL_, link: LINK };
  return writeDownloads(options);
}

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'nianbao-downloads-'));
  mkdirSync(path.join(root, 'data', 'reports'), { recursive: true });
  // Written as the extractor writes them, newest id first so directory order is no help.
  for (const r of [...records].reverse()) writeFileSync(path.join(root, 'data', 'reports', `${r.id}.json`), JSON.stringify(r, null, 2) + '\n');
  writeFileSync(path.join(root, 'data', 'reports', 'notes.txt'), 'not a record');
  const { manifest } = buildManifest(path.join(root, 'corpus'), records.map((r) => ({ path: r.source.path, ok: true, record: r, warnings: [], text: '' })));
  writeFileSync(path.join(root, 'data', 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  out = path.join(root, 'site');
  const count = await write(path.join(root, 'data'), out);
  expect(count).toBe(5);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const read = (name: string) => readFileSync(path.join(out, 'data', name), 'utf8');

describe('write-downloads', () => {
  it('reads the records in id order', async () => {
    expect(await listRecordIds(path.join(root, 'data'))).toEqual(records.map((r) => r.id));
    expect(records.map((r) => r.id)).toEqual([
      'taishanqu-xingzheng-shenpi-fuwuju-2024',
      'yiyuanxian-renminzhengfu-2023',
      'yiyuanxian-xingzheng-shenpi-fuwuju-2020',
      'yiyuanxian-xingzheng-shenpi-fuwuju-2024',
      'zaozhuangshi-xingzheng-shenpi-fuwuju-2024',
    ]);
  });

  it('writes the long CSV the in-memory builder makes', () => {
    expect(read('nianbao-long.csv')).toBe(buildLongCsv(records));
  });

  it('writes each wide CSV the in-memory builder makes', () => {
    for (const table of TABLES) expect(read(`nianbao-wide-${table}.csv`), table).toBe(buildWideCsv(records, table));
  });

  it('writes the JSON the in-memory builder makes, records unchanged', () => {
    const text = read('nianbao.json');
    expect(text).toBe(buildDatasetJson(records, BUILT_ON, URL_));
    const data = JSON.parse(text) as { count: number; records: unknown[]; citation: { en: string } };
    expect(data.count).toBe(5);
    expect(data.records).toEqual(records);
    expect(data.citation.en).toBe(`nianbao: Government information disclosure annual reports dataset (nianbao), data version ${BUILT_ON}, ${URL_}`);
  });

  it('writes the SQLite file the in-memory builder makes, every table row for row', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-test-'));
    try {
      const file = path.join(dir, 'whole.sqlite');
      writeFileSync(file, buildSqlite(records, BUILT_ON));
      const whole = new DatabaseSync(file, { readOnly: true });
      const streamed = new DatabaseSync(path.join(out, 'data', 'nianbao.sqlite'), { readOnly: true });
      const schema = (db: DatabaseSync) => db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name').all();
      expect(schema(streamed)).toEqual(schema(whole));
      for (const t of ['agencies', 'reports', 'cells', 'checks', 'check_failures', 'dictionary', 'metadata']) {
        const rows = (db: DatabaseSync) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all();
        expect(rows(streamed), t).toEqual(rows(whole));
        if (t !== 'check_failures') expect(rows(streamed).length, t).toBeGreaterThan(0);
      }
      expect(streamed.prepare('SELECT count(*) AS n FROM cells').get()!.n).toBe(4 * 200 + 198);
      expect(streamed.prepare('PRAGMA integrity_check').get()!.integrity_check).toBe('ok');
      whole.close();
      streamed.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes every file the data page links, and nothing else', () => {
    expect(DOWNLOAD_FILES).toEqual(['nianbao-long.csv', 'nianbao-wide-proactive.csv', 'nianbao-wide-requests.csv', 'nianbao-wide-appeals.csv', 'nianbao-wide-legacy.csv', 'nianbao.json', 'nianbao.sqlite', 'datapackage.json', 'metadata.json', 'dictionary.csv', 'manifest.json']);
    for (const f of DOWNLOAD_FILES) expect(read(f).length, f).toBeGreaterThan(0);
    expect(readdirSync(path.join(out, 'data')).sort()).toEqual([...DOWNLOAD_FILES, 'text'].sort());
  });

  it('writes the dictionary and the manifest, its corpus folder named relative to the working folder', () => {
    expect(read('dictionary.csv')).toBe(buildDictionaryCsv());
    const manifest = JSON.parse(read('manifest.json')) as { input: string; counts: { records: number } };
    expect(path.isAbsolute(path.join(root, 'corpus'))).toBe(true);
    expect(manifest.input).not.toContain(root);
    expect(manifest.counts.records).toBe(5);
  });

  it('writes the API index, the summaries and one document per agency from the records it read, and only those agencies', async () => {
    const indexed = records.map(indexReport);
    const agencies = groupAgencies(indexed);
    const api = (name: string) => JSON.parse(readFileSync(path.join(out, 'api', name), 'utf8')) as unknown;
    expect(api('index.json')).toEqual(buildApiIndex(indexed.map((r) => r.summary), agencies, BUILT_ON, LINK));
    expect((api('index.json') as { reports: { links: { page: string; pageUrl: string } }[] }).reports[0]!.links.pageUrl).toMatch(/^https:\/\/x\.example\/nianbao\/reports\//);
    expect((api('summaries.json') as { id: string; kindLabel: string }[]).map((r) => [r.id, r.kindLabel])).toEqual([
      ['taishanqu-xingzheng-shenpi-fuwuju-2024', '县级·部门'],
      ['yiyuanxian-renminzhengfu-2023', '县级·政府'],
      ['yiyuanxian-xingzheng-shenpi-fuwuju-2020', '县级·部门'],
      ['yiyuanxian-xingzheng-shenpi-fuwuju-2024', '县级·部门'],
      ['zaozhuangshi-xingzheng-shenpi-fuwuju-2024', '地市级·部门'],
    ]);
    expect(readdirSync(path.join(out, 'api', 'agencies')).sort()).toEqual(agencies.map((a) => `${a.slug}.json`).sort());
    for (const a of agencies) expect(api(`agencies/${a.slug}.json`), a.slug).toEqual(buildApiAgency(a, LINK));
    writeFileSync(path.join(out, 'api', 'agencies', 'gone.json'), '{}');
    await write(path.join(root, 'data'), out);
    expect(readdirSync(path.join(out, 'api', 'agencies'))).toHaveLength(agencies.length);
  });

  it('writes a valid data package whose resources are the CSVs beside it, each with its header row in order', () => {
    const pkg = JSON.parse(read('datapackage.json')) as DataPackage;
    expect(validateDataPackage(pkg)).toEqual([]);
    expect(pkg).toEqual(buildDataPackage({ builtOn: BUILT_ON, homepage: URL_ }));
    const csvs = DOWNLOAD_FILES.filter((f) => f.endsWith('.csv'));
    expect(pkg.resources.map((r) => r.path).sort()).toEqual([...csvs].sort());
    for (const r of pkg.resources) {
      const text = read(r.path);
      expect(
        r.schema.fields.map((f) => f.name),
        r.path,
      ).toEqual(parseCsv(text)[0]);
    }
  });

  it('writes Datasette metadata naming every table and column of the SQLite file beside it', () => {
    const metadata = JSON.parse(read('metadata.json')) as DatasetteMetadata;
    expect(metadata).toEqual(buildDatasetteMetadata(URL_));
    expect(DOWNLOAD_FILES).toContain(`${SQLITE_DATABASE}.sqlite`);
    const tables = metadata.databases[SQLITE_DATABASE]!.tables;
    const columns = listSqliteColumns(path.join(out, 'data', `${SQLITE_DATABASE}.sqlite`));
    expect(Object.keys(tables)).toEqual(Object.keys(columns));
    for (const [table, names] of Object.entries(columns)) expect(Object.keys(tables[table]!.columns), table).toEqual(names);
  });

  it('writes each record as its API document, compact, and only the records there are', async () => {
    const api = path.join(out, 'api', 'reports');
    expect(readdirSync(api).sort()).toEqual(records.map((r) => `${r.id}.json`));
    for (const r of records) expect(readFileSync(path.join(api, `${r.id}.json`), 'utf8')).toBe(JSON.stringify(r));
    writeFileSync(path.join(api, 'gone-2020.json'), '{}');
    await write(path.join(root, 'data'), out);
    expect(readdirSync(api)).toHaveLength(records.length);
  });

  it('offers whole only the texts too long for their page, byte for byte, and only this run’s', async () => {
    const data = path.join(root, 'data-texts');
    mkdirSync(path.join(data, 'text'), { recursive: true });
    cpSync(path.join(root, 'data', 'reports'), path.join(data, 'reports'), { recursive: true });
    cpSync(path.join(root, 'data', 'manifest.json'), path.join(data, 'manifest.json'));
    const [long, short] = records;
    const longText = `\uFEFF${'第一行\n'.repeat(Math.ceil(PAGE_TEXT_BYTES / 10) + 1)}`;
    writeFileSync(path.join(data, 'text', `${long!.id}.txt`), longText);
    writeFileSync(path.join(data, 'text', `${short!.id}.txt`), 'x'.repeat(PAGE_TEXT_BYTES));
    const site = path.join(root, 'site-texts');
    mkdirSync(path.join(site, 'data', 'text'), { recursive: true });
    writeFileSync(path.join(site, 'data', 'text', 'gone-2020.txt'), 'old');
    await write(data, site);
    expect(readdirSync(path.join(site, 'data', 'text'))).toEqual([`${long!.id}.txt`]);
    expect(readFileSync(path.join(site, fullTextPath(long!.id)), 'utf8')).toBe(longText);
  });

  it('offers a crawled page’s text with its note lines in Chinese words, not as JSON, its other lines as they are', async () => {
    // The crawled 平潭 dump's 政府集中采购 run 3147230 is left blank with a note (test/lib/extract/formats);
    // the text is made long enough to be offered whole by the sample's own kind of padding.
    const read = await readReportText(new Uint8Array(readFileSync('test/fixtures/wild/pingtan-txt/2019_jinjing-district_80564.txt')), 'text');
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    const stored = `${read.text}\n${'第一行\n'.repeat(Math.ceil(PAGE_TEXT_BYTES / 10) + 1)}`;
    const note = stored.split('\n').find((l) => l.startsWith(EXTRACTOR_NOTE))!;
    expect(note).toContain('{"code":"proactiveRunUnsplit"');
    const data = path.join(root, 'data-notes');
    mkdirSync(path.join(data, 'text'), { recursive: true });
    cpSync(path.join(root, 'data', 'reports'), path.join(data, 'reports'), { recursive: true });
    cpSync(path.join(root, 'data', 'manifest.json'), path.join(data, 'manifest.json'));
    writeFileSync(path.join(data, 'text', `${records[0]!.id}.txt`), stored);
    const site = path.join(root, 'site-notes');
    await write(data, site);
    const worded = `${EXTRACTOR_NOTE}表二「政府集中采购」的数字串「3147230」有 6 种拆法（如 3 / 147230；31 / 47230），表二没有勾稽关系可以确定，单元格为空 (null)`;
    const published = readFileSync(path.join(site, fullTextPath(records[0]!.id)), 'utf8');
    expect(published).not.toContain('"code"');
    expect(published.split('\n')).toContain(worded);
    expect(published.replace(worded, note)).toBe(stored);
    // Kept as it is by the next run, which finds the file it wrote of the size it recorded.
    await write(data, site);
    expect(readFileSync(path.join(site, fullTextPath(records[0]!.id)), 'utf8')).toBe(published);
  });

  it('rewrites over an earlier run, and refuses a file whose record has another id', async () => {
    await write(path.join(root, 'data'), out);
    expect(read('nianbao-long.csv')).toBe(buildLongCsv(records));
    const bad = path.join(root, 'bad');
    mkdirSync(path.join(bad, 'reports'), { recursive: true });
    writeFileSync(path.join(bad, 'reports', 'other-2024.json'), JSON.stringify(records[0]));
    await expect(write(bad, path.join(root, 'bad-site'))).rejects.toThrow(/other-2024\.json holds record taishanqu/);
  });
});
