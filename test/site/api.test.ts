/**
 * The built static JSON API (dist/api/) and the downloads (dist/data/): every report's record, every
 * agency with its reports and links, the index; the CSV and SQLite files re-read against the records,
 * the data package held against the CSV files it describes, and the Datasette metadata against the
 * SQLite file.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/export/csv.ts';
import { buildLongCsv, buildWideCsv, type DatasetJson } from '../../src/lib/export/dataset.ts';
import type { DataPackage } from '../../src/lib/export/datapackage.ts';
import { SQLITE_DATABASE, type DatasetteMetadata } from '../../src/lib/export/datasette.ts';
import { TABLES } from '../../src/lib/export/cells.ts';
import type { ApiAgency, ApiIndex } from '../../src/lib/export/api.ts';
import type { ReportRecord } from '../../src/lib/schema/report.ts';
import { validateDataPackage } from '../support/data-package-spec.ts';
import { DIST, ensureDefaultBuild, loadBuiltRecords } from '../support/site.ts';
import { listSqliteColumns } from '../support/sqlite.ts';

let records: ReportRecord[];
const json = <T>(rel: string): T => JSON.parse(readFileSync(path.join(DIST, rel), 'utf8')) as T;
/** Returns the dist file a site path (with leading /) points at. */
const target = (p: string) => path.join(DIST, p.endsWith('/') ? `${p}index.html` : p);

beforeAll(() => {
  ensureDefaultBuild();
  records = loadBuiltRecords();
});

describe('api/reports/<id>.json', () => {
  it('is each record, unchanged', () => {
    for (const r of records) expect(json(`api/reports/${r.id}.json`)).toEqual(r);
  });
});

describe('api/agencies/<slug>.json', () => {
  it('lists each agency with its reports, oldest first, and working links', () => {
    const slugs = [...new Set(records.map((r) => r.agency.slug))].sort();
    expect(slugs).toHaveLength(4);
    for (const slug of slugs) {
      const doc = json<ApiAgency>(`api/agencies/${slug}.json`);
      const own = records.filter((r) => r.agency.slug === slug).sort((a, b) => a.year - b.year);
      expect(doc.agency.slug).toBe(slug);
      expect(doc.reports.map((r) => r.id)).toEqual(own.map((r) => r.id));
      expect(existsSync(target(doc.links.page))).toBe(true);
      expect(existsSync(target(doc.links.api))).toBe(true);
      for (const rep of doc.reports) {
        expect(existsSync(target(rep.links.page)), rep.links.page).toBe(true);
        expect(existsSync(target(rep.links.api)), rep.links.api).toBe(true);
        // The default build has no site address: no absolute URL.
        expect(rep.links.pageUrl).toBeNull();
      }
    }
  });

  it('gives the headline figures as in the record, absent as null', () => {
    const doc = json<ApiAgency>('api/agencies/yiyuanxian-xingzheng-shenpi-fuwuju.json');
    expect(doc.agency.name).toBe('沂源县行政审批服务局');
    const [y2020, y2024] = doc.reports;
    expect([y2020!.year, y2020!.received, y2020!.handled, y2020!.appeals.review]).toEqual([2020, 0, null, null]);
    // 2024 has no tables: received comes from the prose (收到依申请公开办理件1件).
    expect([y2024!.year, y2024!.received, y2024!.receivedFromProse, y2024!.handled, y2024!.grantRate]).toEqual([2024, 1, true, null, null]);
  });
});

describe('api/index.json', () => {
  it('lists every agency and report with URLs that resolve', () => {
    const index = json<ApiIndex>('api/index.json');
    expect(index.counts).toEqual({ agencies: 4, reports: 5 });
    expect(index.reports.map((r) => r.id).sort()).toEqual(records.map((r) => r.id).sort());
    expect(index.agencies.find((a) => a.slug === 'yiyuanxian-xingzheng-shenpi-fuwuju')!.years).toEqual([2020, 2024]);
    for (const item of [...index.reports, ...index.agencies]) {
      expect(existsSync(target(item.links.page)), item.links.page).toBe(true);
      expect(existsSync(target(item.links.api)), item.links.api).toBe(true);
    }
    // Paths: the default build has no site address.
    for (const url of Object.values(index.downloads)) expect(existsSync(target(url)), url).toBe(true);
  });
});

describe('data downloads', () => {
  it('long CSV holds every figure of the built records', () => {
    const text = readFileSync(path.join(DIST, 'data/nianbao-long.csv'), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = parseCsv(text);
    const col = (name: string) => header!.indexOf(name);
    const byId = new Map(records.map((r) => [r.id, r]));
    expect(rows.length).toBe(records.reduce((n, r) => n + (r.template === '2021' ? 200 : 198), 0));
    for (const row of rows) {
      const r = byId.get(row[col('report_id')]!)! as unknown as Record<string, Record<string, Record<string, number | null>>>;
      const v = r[row[col('table')]!]![row[col('row_key')]!]![row[col('column_key')]!];
      expect(row[col('value')]).toBe(v === null || v === undefined ? '' : String(v));
    }
  });

  it('long and wide CSVs are what the in-memory builders make of the records, in id order', () => {
    const sorted = [...records].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(readFileSync(path.join(DIST, 'data/nianbao-long.csv'), 'utf8')).toBe(buildLongCsv(sorted));
    for (const t of TABLES) expect(readFileSync(path.join(DIST, `data/nianbao-wide-${t}.csv`), 'utf8'), t).toBe(buildWideCsv(sorted, t));
  });

  it('JSON holds every record in id order, the build date and the citation (without a URL: no site address)', () => {
    const data = json<DatasetJson>('data/nianbao.json');
    expect(data.count).toBe(records.length);
    expect(data.records.map((r) => r.id)).toEqual(records.map((r) => r.id).sort());
    expect(data.records).toEqual([...records].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(data.builtOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(data.citation.en).toBe(`nianbao: Government information disclosure annual reports dataset (nianbao), data version ${data.builtOn}`);
    // The data page cites the same way (and the same date, unless the build crossed midnight UTC).
    expect(readFileSync(path.join(DIST, 'data/index.html'), 'utf8')).toContain(`${data.citation.zh}</p>`);
  });

  it('SQLite file holds every figure of the built records', () => {
    const db = new DatabaseSync(path.join(DIST, 'data/nianbao.sqlite'), { readOnly: true });
    const byId = new Map(records.map((r) => [r.id, r]));
    const cells = db.prepare('SELECT report_id, "table" AS t, row_key, column_key, value FROM cells').all();
    expect(cells.length).toBe(records.reduce((n, r) => n + (r.template === '2021' ? 200 : 198), 0));
    for (const c of cells) {
      const r = byId.get(c.report_id as string)! as unknown as Record<string, Record<string, Record<string, number | null>>>;
      expect(c.value).toBe(r[c.t as string]![c.row_key as string]![c.column_key as string]);
    }
    db.close();
  });

  it('datapackage.json is valid and describes every CSV in data/, each with the fields of its header row', () => {
    const pkg = json<DataPackage>('data/datapackage.json');
    expect(validateDataPackage(pkg)).toEqual([]);
    const csvs = readdirSync(path.join(DIST, 'data')).filter((f) => f.endsWith('.csv'));
    expect(pkg.resources.map((r) => r.path).sort()).toEqual(csvs.sort());
    for (const r of pkg.resources) {
      const [header] = parseCsv(readFileSync(path.join(DIST, 'data', r.path), 'utf8'));
      expect(
        r.schema.fields.map((f) => f.name),
        r.path,
      ).toEqual(header);
    }
    // The default build has no site URL: no placeholder homepage.
    expect(pkg).not.toHaveProperty('homepage');
  });

  it('metadata.json names every table and column of nianbao.sqlite beside it', () => {
    const tables = json<DatasetteMetadata>('data/metadata.json').databases[SQLITE_DATABASE]!.tables;
    const columns = listSqliteColumns(path.join(DIST, 'data', `${SQLITE_DATABASE}.sqlite`));
    expect(Object.keys(tables)).toEqual(Object.keys(columns));
    for (const [table, names] of Object.entries(columns)) expect(Object.keys(tables[table]!.columns), table).toEqual(names);
  });

  it('data page links every download', () => {
    const html = readFileSync(path.join(DIST, 'data/index.html'), 'utf8');
    for (const f of ['nianbao-long.csv', 'nianbao-wide-requests.csv', 'nianbao.json', 'nianbao.sqlite', 'dictionary.csv', 'datapackage.json', 'metadata.json', 'api/index.json']) expect(html).toContain(f);
    expect(html).toContain('CC BY 4.0');
  });
});
