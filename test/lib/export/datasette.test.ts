/**
 * metadata.json for Datasette: it names every table and column of the SQLite file the builders write
 * (opened with node:sqlite), in order and no others, describes each, with units, and states the
 * dataset's title, licence and source.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDatasetteMetadata, SQLITE_DATABASE } from '../../../src/lib/export/datasette.ts';
import { buildSqlite, formatCreateTable, SQLITE_TABLES } from '../../../src/lib/export/sqlite.ts';
import { listSqliteColumns } from '../../support/sqlite.ts';
import { loadSampleRecords } from '../../support/records.ts';

const metadata = buildDatasetteMetadata('https://example.gov.cn/nianbao/data/');
let dir: string;
let columns: Record<string, string[]>;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'nianbao-datasette-'));
  const file = path.join(dir, `${SQLITE_DATABASE}.sqlite`);
  writeFileSync(file, buildSqlite(loadSampleRecords(), '2025-01-02'));
  columns = listSqliteColumns(file);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Datasette metadata', () => {
  it('names every table and column the SQLite file has, in order, and no other', () => {
    const tables = metadata.databases[SQLITE_DATABASE]!.tables;
    expect(Object.keys(columns)).toEqual(['agencies', 'reports', 'cells', 'checks', 'check_failures', 'dictionary', 'metadata']);
    expect(Object.keys(tables)).toEqual(Object.keys(columns));
    for (const [table, names] of Object.entries(columns)) expect(Object.keys(tables[table]!.columns), table).toEqual(names);
  });

  it('describes every table and column in Chinese and English, with the unit where one holds', () => {
    for (const [name, table] of Object.entries(metadata.databases[SQLITE_DATABASE]!.tables)) {
      expect(table.description, name).toMatch(/[\u4e00-\u9fff].*[a-z]/);
      for (const [column, text] of Object.entries(table.columns)) expect(text, `${name}.${column}`).toMatch(/[\u4e00-\u9fff].*[a-z]/);
    }
    const tables = metadata.databases[SQLITE_DATABASE]!.tables;
    expect(tables.reports!.columns.source_bytes).toContain('单位：字节（unit: bytes）');
    expect(tables.cells!.columns.value).toContain('NULL');
    expect(tables.cells!.columns.value).toContain('unit_zh');
    expect(tables.agencies!.label_column).toBe('name');
  });

  it('states the title, description, licence and source, with a source URL only when the site URL is known', () => {
    expect(metadata).toMatchObject({ license: 'Creative Commons Attribution 4.0', license_url: 'https://creativecommons.org/licenses/by/4.0/', source_url: 'https://example.gov.cn/nianbao/data/' });
    for (const key of ['title', 'description', 'source'] as const) expect(metadata[key].length, key).toBeGreaterThan(10);
    expect(buildDatasetteMetadata(null)).not.toHaveProperty('source_url');
  });
});

describe('the SQLite schema', () => {
  it('is written from the same table definitions, reserved names quoted, each column commented', () => {
    const cells = formatCreateTable(SQLITE_TABLES.find((t) => t.name === 'cells')!);
    expect(cells).toContain('  "table" TEXT NOT NULL,  -- Table: proactive / requests / appeals / legacy (the older statistics table, before 2019)\n');
    expect(cells).toContain('  PRIMARY KEY (report_id, "table", row_key, column_key)\n);');
    expect(() => formatCreateTable({ name: 'x', zh: '', en: '', columns: [{ name: 'a b', sql: 'TEXT', zh: '', en: '' }] })).toThrow(/not a plain SQL name/);
  });
});
