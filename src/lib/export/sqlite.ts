/**
 * The dataset as a SQLite file (queryable with the sqlite3 shell, DB Browser or Datasette), built with
 * Node's built-in node:sqlite into a temporary file and returned as bytes.
 * Tables: agencies, reports, cells (the tidy long form), checks, check_failures, dictionary.
 * Absent figures are NULL, never 0.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { ReportRecord } from '../schema/report.ts';
import { listTidyCells } from './cells.ts';
import { LICENCE, listDictionary } from './dataset.ts';

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
  template TEXT NOT NULL,        -- 2021 | 2019
  title TEXT NOT NULL,
  signed_on TEXT,                -- ISO yyyy-mm-dd, when printed
  proactive_status TEXT NOT NULL,  -- complete | partial | absent
  requests_status TEXT NOT NULL,
  appeals_status TEXT NOT NULL,
  source_path TEXT NOT NULL,
  source_sha256 TEXT NOT NULL,
  source_encoding TEXT NOT NULL,
  source_format TEXT NOT NULL,
  source_bytes INTEGER NOT NULL
);
CREATE TABLE cells (
  report_id TEXT NOT NULL REFERENCES reports(id),
  agency_slug TEXT NOT NULL,
  year INTEGER NOT NULL,
  template TEXT NOT NULL,
  "table" TEXT NOT NULL,          -- proactive | requests | appeals
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
  check_id TEXT NOT NULL,        -- balance | rowSum | dispositionSum | appealSum | narrative
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

/** Returns the bytes of a SQLite database holding the records. */
export function buildSqlite(records: readonly ReportRecord[], builtOn: string): Uint8Array {
  const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-sqlite-'));
  const file = path.join(dir, 'nianbao.sqlite');
  try {
    const db = new DatabaseSync(file);
    try {
      // A throwaway file written in one go: no journal, no fsync (a crash just fails the build).
      db.exec('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;');
      db.exec(SQLITE_SCHEMA);
      db.exec('BEGIN');
      const agency = db.prepare('INSERT OR REPLACE INTO agencies VALUES (?, ?, ?, ?, ?, ?, ?)');
      const report = db.prepare('INSERT INTO reports VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
      const check = db.prepare('INSERT INTO checks VALUES (?, ?, ?, ?, ?)');
      const failure = db.prepare('INSERT INTO check_failures VALUES (?, ?, ?, ?, ?, ?, ?)');
      // Oldest first, so an agency row holds the name of its newest report.
      for (const r of [...records].sort((a, b) => a.year - b.year)) {
        const g = r.agency.region;
        agency.run(r.agency.slug, r.agency.name, r.agency.kind, g.province, g.city, g.county, g.code);
      }
      for (const r of records) {
        const s = r.source;
        report.run(r.id, r.agency.slug, r.year, r.template, r.title, r.signedOn, r.tables.proactive, r.tables.requests, r.tables.appeals, s.path, s.sha256, s.encoding, s.format, s.bytes);
        for (const c of r.checks) {
          check.run(r.id, c.id, c.status, c.evaluated, c.failures.length);
          c.failures.forEach((f, i) => failure.run(r.id, c.id, i + 1, f.where, JSON.stringify(f.cells), f.expected, f.actual));
        }
      }
      const cell = db.prepare('INSERT INTO cells VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
      for (const c of listTidyCells(records)) {
        cell.run(c.reportId, c.agencySlug, c.year, c.template, c.table, c.rowKey, c.rowZh, c.columnKey, c.columnZh, c.value, c.sourceLine);
      }
      const dict = db.prepare('INSERT INTO dictionary VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
      for (const d of listDictionary()) {
        dict.run(d.path, d.table, d.editions.join(';'), d.rowKey, d.rowZh, d.rowEn, d.columnKey, d.columnZh, d.columnEn, d.unitZh, d.unitEn, d.templateRow);
      }
      const meta = db.prepare('INSERT INTO metadata VALUES (?, ?)');
      meta.run('built_on', builtOn);
      meta.run('licence', LICENCE.spdx);
      meta.run('licence_note_zh', LICENCE.zh);
      meta.run('licence_note_en', LICENCE.en);
      db.exec(SQLITE_INDEXES);
      db.exec('COMMIT');
    } finally {
      db.close();
    }
    return new Uint8Array(readFileSync(file));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
