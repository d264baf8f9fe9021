/**
 * The downloads of reports before the 2019 template: their older statistics table in the long CSV,
 * its own wide CSV, the dictionary and the SQLite file, value by value against the records; the
 * columns of the 2019 and 2021 tables unchanged. Records: 2018_pingtan.html and two crawler dumps.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFile } from '../../../scripts/lib/extract/file.ts';
import { listCellSpecs, listTableColumns } from '../../../src/lib/export/cells.ts';
import { parseCsv } from '../../../src/lib/export/csv.ts';
import { buildLongCsv, buildWideCsv, LONG_FIELDS, WIDE_ID_FIELDS } from '../../../src/lib/export/dataset.ts';
import { buildSqlite } from '../../../src/lib/export/sqlite.ts';
import type { ReportRecord } from '../../../src/lib/schema/report.ts';
import { LEGACY_KEYS } from '../../../src/lib/template-legacy.ts';
import { loadSampleRecord } from '../../support/records.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');
const FILES = [['real', '2018_pingtan.html'], ['wild/pingtan-txt', '2011_pingtan-county-government_80716.txt'], ['wild/pingtan-txt', '2018_public-security_80532.txt']] as const;

let records: ReportRecord[];
beforeAll(async () => {
  records = [loadSampleRecord('001_b87e4db93de93761.txt')];
  for (const [folder, file] of FILES) {
    const outcome = await extractFile(path.join(FIXTURES, folder), file);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
    records.push(outcome.record);
  }
});
const pre2019 = () => records.filter((r) => r.template === 'pre2019');

describe('long csv', () => {
  it('has 40 rows per report before 2019 (20 rows × 本年, 历年累计), table legacy, each equal to the record', () => {
    const [header, ...data] = parseCsv(buildLongCsv(records));
    expect(header).toEqual(LONG_FIELDS.map((f) => f.name));
    const col = Object.fromEntries(header!.map((h, i) => [h, i])) as Record<string, number>;
    expect(listCellSpecs('pre2019')).toHaveLength(40);
    expect(data).toHaveLength(200 + 3 * 40);
    for (const record of pre2019()) {
      const rows = data.filter((r) => r[col.report_id!] === record.id);
      expect(rows).toHaveLength(40);
      for (const row of rows) {
        expect([row[col.template!], row[col.table!]]).toEqual(['pre2019', 'legacy']);
        const key = row[col.row_key!] as (typeof LEGACY_KEYS)[number];
        const column = row[col.column_key!] as 'year' | 'cumulative';
        const value = record.legacy?.[key][column] ?? null;
        expect(row[col.value!], `${record.id} ${key}.${column}`).toBe(value === null ? '' : String(value));
        const line = record.provenance[`legacy.${key}.${column}`];
        expect(row[col.source_line!]).toBe(line === undefined ? '' : String(line));
      }
    }
    // 2011: 主动公开信息数 425 (2011年度) and 1516 (历年累计), read by hand from the dump.
    const find = (id: string, row: string, column: string) => data.find((r) => r[col.report_id!] === id && r[col.row_key!] === row && r[col.column_key!] === column)!;
    expect(find('pingtanxian-renminzhengfu-2011', 'proactiveTotal', 'year')[col.value!]).toBe('425');
    expect(find('pingtanxian-renminzhengfu-2011', 'proactiveTotal', 'cumulative')[col.value!]).toBe('1516');
    expect(find('pingtan-zonghe-shiyanqu-2018', 'proactiveTotal', 'cumulative')[col.value!]).toBe('12106');
  });
});

describe('wide csv', () => {
  it('keeps the columns of tables 二–四, and gives the older table a file of its own', () => {
    for (const table of ['proactive', 'requests', 'appeals'] as const) {
      const [header] = parseCsv(buildWideCsv(records, table));
      expect(header!.some((h) => h.startsWith('proactiveTotal') || h.endsWith('_cumulative'))).toBe(false);
    }
    const [header, ...data] = parseCsv(buildWideCsv(records, 'legacy'));
    expect(header).toEqual([...WIDE_ID_FIELDS, ...listTableColumns('legacy').map((s) => `${s.rowKey}_${s.columnKey}`)]);
    expect(header!.slice(WIDE_ID_FIELDS.length, WIDE_ID_FIELDS.length + 2)).toEqual(['proactiveTotal_year', 'proactiveTotal_cumulative']);
    const status = WIDE_ID_FIELDS.indexOf('table_status');
    expect(data.map((r) => [r[0], r[status]])).toEqual([
      ['taishanqu-xingzheng-shenpi-fuwuju-2024', 'absent'],
      ['pingtan-zonghe-shiyanqu-2018', 'complete'],
      ['pingtanxian-renminzhengfu-2011', 'complete'],
      ['pingtan-zonghe-shiyanqu-gonganju-2018', 'partial'],
    ]);
    const at = (id: string, name: string) => data.find((r) => r[0] === id)![header!.indexOf(name)];
    expect(at('pingtanxian-renminzhengfu-2011', 'proactiveWebsite_cumulative')).toBe('1509');
    expect(at('pingtan-zonghe-shiyanqu-gonganju-2018', 'proactiveTotal_year')).toBe('');
    expect(at('pingtan-zonghe-shiyanqu-gonganju-2018', 'requestsReceived_cumulative')).toBe('3');
    expect(at('taishanqu-xingzheng-shenpi-fuwuju-2024', 'reviews_year')).toBe('');
  });
});

describe('sqlite', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-legacy-'));
  let db: DatabaseSync;
  beforeAll(() => {
    const file = path.join(dir, 'n.sqlite');
    writeFileSync(file, buildSqlite(records, '2025-01-02'));
    db = new DatabaseSync(file, { readOnly: true });
  });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives each report its older table’s status in a column of its own', () => {
    const rows = db.prepare('SELECT id, template, proactive_status, legacy_status FROM reports ORDER BY id').all();
    expect(rows.map((r) => [r.id, r.template, r.proactive_status, r.legacy_status])).toEqual([
      ['pingtan-zonghe-shiyanqu-2018', 'pre2019', 'absent', 'complete'],
      ['pingtan-zonghe-shiyanqu-gonganju-2018', 'pre2019', 'absent', 'partial'],
      ['pingtanxian-renminzhengfu-2011', 'pre2019', 'absent', 'complete'],
      ['taishanqu-xingzheng-shenpi-fuwuju-2024', '2021', 'complete', 'absent'],
    ]);
  });

  it('holds the older tables’ cells and their check', () => {
    const received = db.prepare("SELECT report_id, column_key, value, source_line FROM cells WHERE \"table\" = 'legacy' AND row_key = 'requestsReceived' ORDER BY report_id, column_key").all();
    const byRecord = new Map(records.map((r) => [r.id, r]));
    for (const c of received) {
      const record = byRecord.get(c.report_id as string)!;
      expect(c.value).toBe(record.legacy!.requestsReceived[c.column_key as 'year' | 'cumulative']);
      expect(c.source_line).toBe(record.provenance[`legacy.requestsReceived.${c.column_key}`] ?? null);
    }
    expect(received.map((c) => [c.report_id, c.column_key, c.value])).toContainEqual(['pingtan-zonghe-shiyanqu-gonganju-2018', 'cumulative', 3]);
    const check = db.prepare("SELECT status, failures FROM checks WHERE report_id = 'pingtan-zonghe-shiyanqu-gonganju-2018' AND check_id = 'legacySum'").get()!;
    expect([check.status, check.failures]).toEqual(['fail', 1]);
    expect(db.prepare("SELECT count(*) AS n FROM dictionary WHERE editions = 'pre2019'").get()!.n).toBe(40);
  });
});
