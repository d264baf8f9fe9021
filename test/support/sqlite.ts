/** Reading a SQLite file's own description of itself, with node:sqlite (the library that writes it). */
import { DatabaseSync } from 'node:sqlite';
import { SQLITE_TABLES } from '../../src/lib/export/sqlite.ts';

/** Returns each table of a SQLite file (in the order they were created) with its column names in order. */
export function listSqliteColumns(file: string): Record<string, string[]> {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid").all().map((r) => String(r.name));
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`PRAGMA table_info("${t}")`).all().map((c) => String(c.name))]));
  } finally {
    db.close();
  }
}

/** Returns every row of every table of a SQLite file, each table by its primary key (rowids aside). */
export function readTables(file: string): Record<string, unknown[]> {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return Object.fromEntries(
      SQLITE_TABLES.map((t) => {
        const key = t.primaryKey ?? t.columns.filter((c) => c.primaryKey).map((c) => c.name);
        return [t.name, db.prepare(`SELECT * FROM ${t.name} ORDER BY ${key.map((k) => `"${k}"`).join(', ')}`).all()];
      }),
    );
  } finally {
    db.close();
  }
}
