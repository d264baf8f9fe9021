/**
 * Datasette's metadata for the SQLite download (metadata.json beside nianbao.sqlite), so that
 * `datasette nianbao.sqlite -m metadata.json` serves the tables documented: the dataset's title,
 * description, licence and source, and per table what a row is and what each column holds, with its
 * unit. Pure: made from SQLITE_TABLES, the definitions the SQLite file is created from. Units are
 * written into the column descriptions: Datasette's own `units` key reads them with Pint, which knows
 * metres and hertz but not 件 or 万元.
 * Format: https://docs.datasette.io/en/stable/metadata.html
 */
import { DATASET_DESCRIPTION, DATASET_SOURCE, DATASET_TITLE, LICENCE } from './dataset.ts';
import { SQLITE_TABLES, type SqliteColumn, type SqliteTable } from './sqlite.ts';

/** The database's name in Datasette: the SQLite file's name without its extension. */
export const SQLITE_DATABASE = 'nianbao';

/** One table's metadata: what a row is, and each column's description by name. */
export interface DatasetteTable {
  description: string;
  columns: Record<string, string>;
  /** The column Datasette shows for a row that others refer to. */
  label_column?: string;
}

/** Datasette's metadata.json. */
export interface DatasetteMetadata {
  title: string;
  description: string;
  license: string;
  license_url: string;
  source: string;
  source_url?: string;
  databases: Record<string, { description: string; tables: Record<string, DatasetteTable> }>;
}

/** Returns a column's description: Chinese, English, and the unit where one holds for every row. */
export function describeSqliteColumn(column: SqliteColumn): string {
  const unit = column.unit ? `；单位：${column.unit.zh}（unit: ${column.unit.en}）` : '';
  return `${column.zh}${unit}。${column.en}.`;
}

/** Returns a table's metadata. */
function describeSqliteTable(table: SqliteTable): DatasetteTable {
  const columns = Object.fromEntries(table.columns.map((c) => [c.name, describeSqliteColumn(c)]));
  // Rows referring to an agency show its name rather than its slug.
  return { description: `${table.zh}。${table.en}.`, columns, ...(table.name === 'agencies' ? { label_column: 'name' } : {}) };
}

/** Returns the Datasette metadata; `sourceUrl` is the data page's absolute URL when the site URL is configured, else null. */
export function buildDatasetteMetadata(sourceUrl: string | null): DatasetteMetadata {
  return {
    title: `${DATASET_TITLE.zh} ${DATASET_TITLE.en}`,
    description: `${DATASET_DESCRIPTION.zh} ${DATASET_DESCRIPTION.en}`,
    license: LICENCE.title,
    license_url: LICENCE.url,
    source: `${DATASET_SOURCE.zh} (${DATASET_SOURCE.en})`,
    ...(sourceUrl ? { source_url: sourceUrl } : {}),
    databases: {
      [SQLITE_DATABASE]: {
        description: `${DATASET_DESCRIPTION.zh} ${DATASET_DESCRIPTION.en}`,
        tables: Object.fromEntries(SQLITE_TABLES.map((t) => [t.name, describeSqliteTable(t)])),
      },
    },
  };
}
