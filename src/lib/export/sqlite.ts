/**
 * The dataset as a SQLite file (queryable with the sqlite3 shell, DB Browser or Datasette), written
 * with Node's built-in node:sqlite one record at a time (`openSqliteWriter`, which
 * scripts/write-downloads.ts uses) or, for tests and small corpora, built whole (`buildSqlite`).
 * Tables: agencies, reports, cells (the tidy long form), checks, check_failures, dictionary.
 * Absent figures are NULL, never 0.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import type { ReportRecord } from '../schema/report.ts';
import { listRecordTidyCells } from './cells.ts';
import { LICENCE, listDictionary, readTableStatus } from './dataset.ts';

export const SQLITE_SCHEMA = `
CREATE TABLE agencies (
  slug TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,            -- government | department
  province TEXT,
  city TEXT,
  county TEXT,
  region_code TEXT               -- GB/T 2260
);
CREATE TABLE reports (
  id TEXT PRIMARY KEY,
  agency_slug TEXT NOT NULL REFERENCES agencies(slug),
  year INTEGER NOT NULL,
  template TEXT NOT NULL,        -- 2021 | 2019 | pre2019 (the older statistics table)
  title TEXT NOT NULL,
  signed_on TEXT,                -- ISO yyyy-mm-dd, when printed
  proactive_status TEXT NOT NULL,  -- complete | partial | absent
  requests_status TEXT NOT NULL,
  appeals_status TEXT NOT NULL,
  source_path TEXT NOT NULL,
  source_sha256 TEXT NOT NULL,
  source_encoding TEXT NOT NULL,
  source_format TEXT NOT NULL,
  source_bytes INTEGER NOT NULL,
  legacy_status TEXT NOT NULL    -- the older statistics table: complete | partial | absent (absent from 2019 on)
);
CREATE TABLE cells (
  report_id TEXT NOT NULL REFERENCES reports(id),
  agency_slug TEXT NOT NULL,
  year INTEGER NOT NULL,
  template TEXT NOT NULL,
  "table" TEXT NOT NULL,          -- proactive | requests | appeals | legacy
  row_key TEXT NOT NULL,
  row_label_zh TEXT NOT NULL,
  column_key TEXT NOT NULL,
  column_label_zh TEXT NOT NULL,
  value NUMERIC,                 -- NULL where the report has no value (never 0)
  source_line INTEGER,           -- 1-based line of the report text
  PRIMARY KEY (report_id, "table", row_key, column_key)
);
CREATE TABLE checks (
  report_id TEXT NOT NULL REFERENCES reports(id),
  check_id TEXT NOT NULL,        -- balance | rowSum | dispositionSum | appealSum | narrative | legacySum
  status TEXT NOT NULL,          -- pass | fail | incomplete | notApplicable
  evaluated INTEGER NOT NULL,
  failures INTEGER NOT NULL,
  PRIMARY KEY (report_id, check_id)
);
CREATE TABLE check_failures (
  report_id TEXT NOT NULL REFERENCES reports(id),
  check_id TEXT NOT NULL,
  n INTEGER NOT NULL,            -- order within the check, from 1
  "where" TEXT NOT NULL,
  cells TEXT NOT NULL,           -- JSON array of cell paths
  expected NUMERIC NOT NULL,
  actual NUMERIC NOT NULL,
  PRIMARY KEY (report_id, check_id, n)
);
CREATE TABLE dictionary (
  path TEXT PRIMARY KEY,         -- table.row.column
  "table" TEXT NOT NULL,
  editions TEXT NOT NULL,
  row_key TEXT NOT NULL,
  row_label_zh TEXT NOT NULL,
  row_label_en TEXT NOT NULL,
  column_key TEXT NOT NULL,
  column_label_zh TEXT NOT NULL,
  column_label_en TEXT NOT NULL,
  unit_zh TEXT NOT NULL,
  unit_en TEXT NOT NULL,
  template_row TEXT NOT NULL
);
CREATE TABLE metadata (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

/** Indexes, created after the rows are in: building an index once is cheaper than updating it per row. */
export const SQLITE_INDEXES = `
CREATE INDEX reports_agency_year ON reports(agency_slug, year);
CREATE INDEX reports_year ON reports(year);
CREATE INDEX cells_measure ON cells("table", row_key, column_key);
CREATE INDEX cells_agency_year ON cells(agency_slug, year);
CREATE INDEX checks_status ON checks(check_id, status);
`;

/** One SQL row: the values bound to an INSERT's placeholders, in column order. */
export type SqliteRow = SQLInputValue[];

/** The rows one record contributes to each table (pure; `openSqliteWriter` inserts them). */
export interface SqliteRecordRows {
  /** Its agency's row; the agency keeps the row of its newest report (see `SqliteWriter`). */
  agency: SqliteRow;
  report: SqliteRow;
  checks: SqliteRow[];
  checkFailures: SqliteRow[];
  cells: SqliteRow[];
}

/** Returns the rows of one record for the agencies, reports, checks, check_failures and cells tables. */
export function listSqliteRows(r: ReportRecord): SqliteRecordRows {
  const g = r.agency.region;
  const s = r.source;
  return {
    agency: [r.agency.slug, r.agency.name, r.agency.kind, g.province, g.city, g.county, g.code],
    report: [r.id, r.agency.slug, r.year, r.template, r.title, r.signedOn, r.tables.proactive, r.tables.requests, r.tables.appeals, s.path, s.sha256, s.encoding, s.format, s.bytes, readTableStatus(r, 'legacy')],
    checks: r.checks.map((c) => [r.id, c.id, c.status, c.evaluated, c.failures.length]),
    checkFailures: r.checks.flatMap((c) => c.failures.map((f, i) => [r.id, c.id, i + 1, f.where, JSON.stringify(f.cells), f.expected, f.actual])),
    cells: listRecordTidyCells(r).map((c) => [c.reportId, c.agencySlug, c.year, c.template, c.table, c.rowKey, c.rowZh, c.columnKey, c.columnZh, c.value, c.sourceLine]),
  };
}

/** Returns the rows of the dictionary table. */
export function listSqliteDictionaryRows(): SqliteRow[] {
  return listDictionary().map((d) => [d.path, d.table, d.editions.join(';'), d.rowKey, d.rowZh, d.rowEn, d.columnKey, d.columnZh, d.columnEn, d.unitZh, d.unitEn, d.templateRow]);
}

/** Returns the rows of the metadata table for a build date (yyyy-mm-dd). */
export function listSqliteMetadataRows(builtOn: string): SqliteRow[] {
  return [
    ['built_on', builtOn],
    ['licence', LICENCE.spdx],
    ['licence_note_zh', LICENCE.zh],
    ['licence_note_en', LICENCE.en],
  ];
}

/** A SQLite file being written: `add` each record in order, then `finish` once. */
export interface SqliteWriter {
  add(record: ReportRecord): void;
  /** Writes the agencies, dictionary and metadata, builds the indexes and closes the file. */
  finish(): void;
  /** Closes the file without finishing it (after an error). */
  abort(): void;
}

/**
 * Creates a SQLite database at `file` (which must not exist) and returns a writer for it. Memory holds
 * one row per agency (its newest report's name and region), not the records: an agency's row is that
 * of its newest report, the last one added on a tie of years.
 */
export function openSqliteWriter(file: string, builtOn: string): SqliteWriter {
  // Foreign keys are checked once at the end (the agencies go in last, when their newest rows are known).
  const db = new DatabaseSync(file, { enableForeignKeyConstraints: false });
  // A file written in one go: no journal, no fsync (a crash just fails the build).
  db.exec('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;');
  db.exec(SQLITE_SCHEMA);
  db.exec('BEGIN');
  const report = db.prepare('INSERT INTO reports VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const check = db.prepare('INSERT INTO checks VALUES (?, ?, ?, ?, ?)');
  const failure = db.prepare('INSERT INTO check_failures VALUES (?, ?, ?, ?, ?, ?, ?)');
  const cell = db.prepare('INSERT INTO cells VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  /** Each agency's newest row so far: its year and the order it was added in break ties. */
  const agencies = new Map<string, { year: number; order: number; row: SqliteRow }>();
  let added = 0;
  return {
    add(record) {
      const rows = listSqliteRows(record);
      const order = added++;
      const seen = agencies.get(record.agency.slug);
      if (!seen || record.year >= seen.year) agencies.set(record.agency.slug, { year: record.year, order, row: rows.agency });
      report.run(...rows.report);
      for (const row of rows.checks) check.run(...row);
      for (const row of rows.checkFailures) failure.run(...row);
      for (const row of rows.cells) cell.run(...row);
    },
    finish() {
      try {
        // Agencies in the order of their newest report, oldest year first.
        const agency = db.prepare('INSERT INTO agencies VALUES (?, ?, ?, ?, ?, ?, ?)');
        for (const a of [...agencies.values()].sort((x, y) => x.year - y.year || x.order - y.order)) agency.run(...a.row);
        const dict = db.prepare('INSERT INTO dictionary VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
        for (const row of listSqliteDictionaryRows()) dict.run(...row);
        const meta = db.prepare('INSERT INTO metadata VALUES (?, ?)');
        for (const row of listSqliteMetadataRows(builtOn)) meta.run(...row);
        // Indexes after the rows: building an index once is cheaper than updating it per row.
        db.exec(SQLITE_INDEXES);
        const orphan = db.prepare('PRAGMA foreign_key_check').iterate().next();
        if (!orphan.done) throw new Error(`nianbao.sqlite: foreign key violated: ${JSON.stringify(orphan.value)}`);
        db.exec('COMMIT');
      } finally {
        db.close();
      }
    },
    abort() {
      if (db.isOpen) db.close();
    },
  };
}

/** Returns the bytes of a SQLite database holding the records (built in a temporary file). */
export function buildSqlite(records: readonly ReportRecord[], builtOn: string): Uint8Array {
  const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-sqlite-'));
  const file = path.join(dir, 'nianbao.sqlite');
  try {
    const writer = openSqliteWriter(file, builtOn);
    try {
      for (const r of records) writer.add(r);
    } catch (error) {
      writer.abort();
      throw error;
    }
    writer.finish();
    return new Uint8Array(readFileSync(file));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
