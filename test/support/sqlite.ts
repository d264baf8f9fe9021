/** Reading a SQLite file's own description of itself, with node:sqlite (the library that writes it). */
import { DatabaseSync } from 'node:sqlite';

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
