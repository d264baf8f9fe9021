/**
 * The dataset as a SQLite file (queryable with the sqlite3 shell, DB Browser or Datasette), written
 * with Node's built-in node:sqlite one record at a time (`openSqliteWriter`, which
 * scripts/write-downloads.ts uses) or, for tests and small corpora, built whole (`buildSqlite`).
 * Tables: agencies, reports, cells (the tidy long form), checks, check_failures, dictionary, metadata,
 * defined with what each column holds in SQLITE_TABLES. Absent figures are NULL, never 0.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import { CHECK_IDS, LEGACY_CHECK_ID, agencySchema, checkResultSchema, sourceSchema, tableStatusSchema, type ReportRecord } from '../schema/report.ts';
import { TABLE_LABELS, listRecordTidyCells } from './cells.ts';
import { DICTIONARY_FIELDS, LICENCE, LONG_FIELDS, listDictionary, readTableStatus, type FieldSpec } from './dataset.ts';

/** One column of a SQLite table: its SQL type and constraints, and what it holds (Chinese, English, unit). */
export interface SqliteColumn extends Pick<FieldSpec, 'zh' | 'en' | 'unit'> {
  name: string;
  sql: 'TEXT' | 'INTEGER' | 'NUMERIC';
  notNull?: boolean;
  /** The table's one-column primary key. */
  primaryKey?: boolean;
  /** `table(column)` this column refers to. */
  references?: string;
}

/** One table of the SQLite file and what each row of it is. */
export interface SqliteTable {
  name: string;
  zh: string;
  en: string;
  columns: SqliteColumn[];
  /** A primary key over several columns. */
  primaryKey?: string[];
}

/** Returns a column described as the download field of the same name describes it (long CSV or dictionary). */
function reuseField(fields: readonly FieldSpec[], name: string, column: Omit<SqliteColumn, 'name' | 'zh' | 'en'>): SqliteColumn {
  const field = fields.find((f) => f.name === name);
  if (!field) throw new Error(`no download field ${name}`);
  return { name, zh: field.zh, en: field.en, ...(field.unit ? { unit: field.unit } : {}), ...column };
}

const text = { sql: 'TEXT' } as const;
const textNotNull = { sql: 'TEXT', notNull: true } as const;
const intNotNull = { sql: 'INTEGER', notNull: true } as const;
const reportRef = { sql: 'TEXT', notNull: true, references: 'reports(id)' } as const;
const enumText = (values: readonly string[]) => values.join(' | ');

/**
 * The tables of the SQLite file, their columns in the order each INSERT binds them, and what each
 * holds: the schema (SQLITE_SCHEMA) and the Datasette metadata (datasette.ts) are both made from these.
 */
export const SQLITE_TABLES: readonly SqliteTable[] = [
  {
    name: 'agencies',
    zh: '机关：每个机关一行，名称与地区取其最新一份报告',
    en: 'Agencies: one row per agency, name and region as its newest report prints them',
    columns: [
      { name: 'slug', sql: 'TEXT', primaryKey: true, zh: '机关拼音标识', en: 'Agency slug (pinyin)' },
      { name: 'name', ...textNotNull, zh: '机关全称', en: 'Agency name (Chinese)' },
      { name: 'kind', ...textNotNull, zh: '机关类型：government 人民政府 / department 部门', en: `Agency kind: ${enumText(agencySchema.shape.kind.options)}` },
      reuseField(LONG_FIELDS, 'province', text),
      reuseField(LONG_FIELDS, 'city', text),
      reuseField(LONG_FIELDS, 'county', text),
      reuseField(LONG_FIELDS, 'region_code', text),
    ],
  },
  {
    name: 'reports',
    zh: '报告：每份年度报告一行',
    en: 'Reports: one row per annual report',
    columns: [
      { name: 'id', sql: 'TEXT', primaryKey: true, zh: '报告编号（机关拼音-年度）', en: 'Report id (agency slug-year)' },
      { name: 'agency_slug', ...textNotNull, references: 'agencies(slug)', zh: '机关拼音标识', en: 'Agency slug (pinyin)' },
      reuseField(LONG_FIELDS, 'year', intNotNull),
      reuseField(LONG_FIELDS, 'template', textNotNull),
      { name: 'title', ...textNotNull, zh: '报告标题（原文）', en: 'Report title as printed' },
      { name: 'signed_on', ...text, zh: '落款日期 yyyy-mm-dd（报告印有时）', en: 'Signature date yyyy-mm-dd, when printed' },
      ...(['proactive', 'requests', 'appeals'] as const).map((t): SqliteColumn => ({
        name: `${t}_status`,
        ...textNotNull,
        zh: `表${TABLE_LABELS[t].section}（${TABLE_LABELS[t].zh}）的完整程度：complete 完整 / partial 不完整 / absent 缺失`,
        en: `How much of table ${TABLE_LABELS[t].section} (${TABLE_LABELS[t].en}) the report prints: ${enumText(tableStatusSchema.options)}`,
      })),
      { name: 'source_path', ...textNotNull, zh: '来源文件路径（相对于语料文件夹）', en: 'Source file path, relative to the corpus folder' },
      { name: 'source_sha256', ...textNotNull, zh: '来源文件的 SHA-256', en: 'SHA-256 of the source file' },
      { name: 'source_encoding', ...textNotNull, zh: '来源文件的字符编码', en: 'Character encoding of the source file' },
      { name: 'source_format', ...textNotNull, zh: '来源文件格式', en: `Source file format: ${enumText(sourceSchema.shape.format.options)}` },
      { name: 'source_bytes', ...intNotNull, zh: '来源文件大小', en: 'Source file size', unit: { zh: '字节', en: 'bytes' } },
      {
        name: 'legacy_status',
        ...textNotNull,
        zh: '2019 年以前的旧式统计表的完整程度：complete 完整 / partial 不完整 / absent 缺失（2019 年起的报告均为 absent）',
        en: `How much of the older statistics table (before the 2019 template) the report prints: ${enumText(tableStatusSchema.options)} (absent in every report from 2019 on)`,
      },
    ],
  },
  {
    name: 'cells',
    zh: '长表：每份报告 × 表格 × 行 × 列一行，即 nianbao-long.csv',
    en: 'Long form: one row per report × table × row × column, as nianbao-long.csv',
    columns: [
      reuseField(LONG_FIELDS, 'report_id', reportRef),
      reuseField(LONG_FIELDS, 'agency_slug', textNotNull),
      reuseField(LONG_FIELDS, 'year', intNotNull),
      reuseField(LONG_FIELDS, 'template', textNotNull),
      reuseField(LONG_FIELDS, 'table', textNotNull),
      reuseField(LONG_FIELDS, 'row_key', textNotNull),
      reuseField(LONG_FIELDS, 'row_label_zh', textNotNull),
      reuseField(LONG_FIELDS, 'column_key', textNotNull),
      reuseField(LONG_FIELDS, 'column_label_zh', textNotNull),
      {
        name: 'value',
        sql: 'NUMERIC',
        zh: '数值；报告中没有的为 NULL，不以 0 代替；单位见 dictionary 表的 unit_zh',
        en: 'Value; NULL where the report has none (never 0); unit in the dictionary table (unit_en)',
      },
      reuseField(LONG_FIELDS, 'source_line', { sql: 'INTEGER' }),
      reuseField(LONG_FIELDS, 'value_read', { sql: 'NUMERIC' }),
      reuseField(LONG_FIELDS, 'correction', { sql: 'TEXT' }),
    ],
    primaryKey: ['report_id', 'table', 'row_key', 'column_key'],
  },
  {
    name: 'checks',
    zh: '核对：每份报告每项模板勾稽核对一行（2019 年以前的报告：旧式统计表的 legacySum）',
    en: 'Checks: one row per report and arithmetic check of the template (a report before 2019: legacySum, of its older statistics table)',
    columns: [
      reuseField(LONG_FIELDS, 'report_id', reportRef),
      { name: 'check_id', ...textNotNull, zh: '核对项', en: `Check: ${enumText([...CHECK_IDS, LEGACY_CHECK_ID])}` },
      { name: 'status', ...textNotNull, zh: '结果：pass 通过 / fail 未通过 / incomplete 数据不全 / notApplicable 不适用', en: `Result: ${enumText(checkResultSchema.shape.status.options)}` },
      { name: 'evaluated', ...intNotNull, zh: '数字齐全、得以核对的等式数', en: 'Equations evaluated with every cell present', unit: { zh: '个', en: 'equations' } },
      { name: 'failures', ...intNotNull, zh: '不成立的等式数（见 check_failures）', en: 'Equations that do not hold (see check_failures)', unit: { zh: '个', en: 'equations' } },
    ],
    primaryKey: ['report_id', 'check_id'],
  },
  {
    name: 'check_failures',
    zh: '未通过的等式：每个不成立的等式一行',
    en: 'Failed equations: one row per equation that does not hold',
    columns: [
      reuseField(LONG_FIELDS, 'report_id', reportRef),
      { name: 'check_id', ...textNotNull, zh: '核对项', en: `Check: ${enumText([...CHECK_IDS, LEGACY_CHECK_ID])}` },
      { name: 'n', ...intNotNull, zh: '在该项核对中的序号，从 1 起', en: 'Order within the check, from 1' },
      { name: 'where', ...textNotNull, zh: '比较的内容', en: 'What was compared (Chinese)' },
      { name: 'cells', ...textNotNull, zh: '涉及的单元格路径（JSON 数组）', en: 'Paths of the cells involved (JSON array)' },
      { name: 'expected', sql: 'NUMERIC', notNull: true, zh: '按模板应得的合计，单位同所涉单元格', en: 'The sum the template expects, in the cells\' unit' },
      { name: 'actual', sql: 'NUMERIC', notNull: true, zh: '报告印出的数字，单位同所涉单元格', en: 'The printed figure, in the cells\' unit' },
    ],
    primaryKey: ['report_id', 'check_id', 'n'],
  },
  {
    name: 'dictionary',
    zh: '数据字典：两个模板版本和 2019 年以前旧式统计表的每个单元格，即 dictionary.csv',
    en: 'Data dictionary: every cell of both template editions and of the older statistics table (before 2019), as dictionary.csv',
    columns: [
      reuseField(DICTIONARY_FIELDS, 'path', { sql: 'TEXT', primaryKey: true }),
      reuseField(DICTIONARY_FIELDS, 'table', textNotNull),
      reuseField(DICTIONARY_FIELDS, 'editions', textNotNull),
      reuseField(DICTIONARY_FIELDS, 'row_key', textNotNull),
      reuseField(DICTIONARY_FIELDS, 'row_label_zh', textNotNull),
      reuseField(DICTIONARY_FIELDS, 'row_label_en', textNotNull),
      reuseField(DICTIONARY_FIELDS, 'column_key', textNotNull),
      reuseField(DICTIONARY_FIELDS, 'column_label_zh', textNotNull),
      reuseField(DICTIONARY_FIELDS, 'column_label_en', textNotNull),
      reuseField(DICTIONARY_FIELDS, 'unit_zh', textNotNull),
      reuseField(DICTIONARY_FIELDS, 'unit_en', textNotNull),
      reuseField(DICTIONARY_FIELDS, 'template_row', textNotNull),
    ],
  },
  {
    name: 'metadata',
    zh: '数据集信息：生成日期与许可',
    en: 'About the dataset: build date and licence',
    columns: [
      { name: 'key', sql: 'TEXT', primaryKey: true, zh: '项目', en: 'Key' },
      { name: 'value', ...textNotNull, zh: '值', en: 'Value' },
    ],
  },
];

/** Column names SQL reserves, written quoted. */
const RESERVED = new Set(['table', 'where']);

/** Returns a column or table name as SQL writes it: quoted when SQL reserves the word. */
function quoteName(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain SQL name: ${name}`);
  return RESERVED.has(name) ? `"${name}"` : name;
}

/** Returns the CREATE TABLE statement of a table, each column followed by its English description. */
export function formatCreateTable(table: SqliteTable): string {
  const columns = table.columns.map((c) => {
    const constraints = [c.primaryKey ? 'PRIMARY KEY' : '', c.notNull ? 'NOT NULL' : '', c.references ? `REFERENCES ${c.references}` : ''].filter(Boolean);
    return { sql: [quoteName(c.name), c.sql, ...constraints].join(' '), comment: c.en };
  });
  const lines = [...columns.map((c) => c.sql), ...(table.primaryKey ? [`PRIMARY KEY (${table.primaryKey.map(quoteName).join(', ')})`] : [])];
  // The comment goes after the comma: a comment runs to the end of its line.
  const body = lines.map((line, i) => `  ${line}${i < lines.length - 1 ? ',' : ''}${columns[i] ? `  -- ${columns[i]!.comment}` : ''}`);
  return `CREATE TABLE ${quoteName(table.name)} (\n${body.join('\n')}\n);`;
}

export const SQLITE_SCHEMA = SQLITE_TABLES.map(formatCreateTable).join('\n');

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
    cells: listRecordTidyCells(r).map((c) => [c.reportId, c.agencySlug, c.year, c.template, c.table, c.rowKey, c.rowZh, c.columnKey, c.columnZh, c.value, c.sourceLine, c.valueRead, c.correction]),
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

/**
 * Keeps each agency's row from its newest report: `add` the reports in id order (the order the file
 * is written in); an agency's row is that of its newest report, the last one added on a tie of years.
 */
export class AgencyRows {
  /** Each agency's newest row so far: its year and the order it was added in break ties. */
  private readonly agencies = new Map<string, { year: number; order: number; row: SqliteRow }>();
  private added = 0;

  /** Counts one report: its year and its agency's row (`SqliteRecordRows.agency`, the slug first). */
  add(year: number, row: SqliteRow): void {
    const order = this.added++;
    const slug = String(row[0]);
    const seen = this.agencies.get(slug);
    if (!seen || year >= seen.year) this.agencies.set(slug, { year, order, row });
  }

  /** Returns the agencies' rows in the order of their newest report, oldest year first. */
  list(): SqliteRow[] {
    return [...this.agencies.values()].sort((x, y) => x.year - y.year || x.order - y.order).map((a) => a.row);
  }
}

/** The statements that insert one record's rows. */
function prepareInserts(db: DatabaseSync): (rows: SqliteRecordRows) => void {
  const report = db.prepare('INSERT INTO reports VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const check = db.prepare('INSERT INTO checks VALUES (?, ?, ?, ?, ?)');
  const failure = db.prepare('INSERT INTO check_failures VALUES (?, ?, ?, ?, ?, ?, ?)');
  const cell = db.prepare('INSERT INTO cells VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  return (rows) => {
    report.run(...rows.report);
    for (const row of rows.checks) check.run(...row);
    for (const row of rows.checkFailures) failure.run(...row);
    for (const row of rows.cells) cell.run(...row);
  };
}

/** The tables whose rows belong to a report (their first column, report_id, references reports(id) and leads their primary key). */
const REPORT_TABLES = ['cells', 'checks', 'check_failures'] as const;

/**
 * Replaces the agencies and the metadata (both small) and checks the foreign keys, inside the
 * caller's transaction: of every row when `touched` is null (a file written whole), else of the
 * reports and of the other tables' rows of the `touched` reports only (an update, which removes and
 * adds a report's rows together; the whole cells table is most of the file, bench/results.md).
 */
function finishTables(db: DatabaseSync, agencies: readonly SqliteRow[], builtOn: string, touched: ReadonlySet<string> | null): void {
  db.exec('DELETE FROM agencies; DELETE FROM metadata;');
  const agency = db.prepare('INSERT INTO agencies VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const row of agencies) agency.run(...row);
  const meta = db.prepare('INSERT INTO metadata VALUES (?, ?)');
  for (const row of listSqliteMetadataRows(builtOn)) meta.run(...row);
  const orphan = db.prepare(touched === null ? 'PRAGMA foreign_key_check' : 'PRAGMA foreign_key_check(reports)').iterate().next();
  if (!orphan.done) throw new Error(`nianbao.sqlite: foreign key violated: ${JSON.stringify(orphan.value)}`);
  if (touched === null) return;
  for (const table of REPORT_TABLES) {
    const find = db.prepare(`SELECT report_id FROM ${table} WHERE report_id = ? AND NOT EXISTS (SELECT 1 FROM reports WHERE id = ?) LIMIT 1`);
    for (const id of touched) if (find.get(id, id)) throw new Error(`nianbao.sqlite: foreign key violated: ${table} row of report ${id}, which is not in reports`);
  }
}

/** A SQLite file being written: `add` (or `addRows`) each record in order, then `finish` once. */
export interface SqliteWriter {
  add(record: ReportRecord): void;
  /** Adds a record's rows as `listSqliteRows` makes them. */
  addRows(rows: SqliteRecordRows): void;
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
  const insert = prepareInserts(db);
  const agencies = new AgencyRows();
  const addRows = (rows: SqliteRecordRows) => {
    agencies.add(Number(rows.report[2]), rows.agency);
    insert(rows);
  };
  return {
    add: (record) => addRows(listSqliteRows(record)),
    addRows,
    finish() {
      try {
        const dict = db.prepare('INSERT INTO dictionary VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
        for (const row of listSqliteDictionaryRows()) dict.run(...row);
        // Indexes after the rows: building an index once is cheaper than updating it per row.
        db.exec(SQLITE_INDEXES);
        finishTables(db, agencies.list(), builtOn, null);
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

/** A SQLite file being updated in place: `remove` and `addRows` reports in any order, then `finish` once. */
export interface SqliteUpdater {
  /** Deletes a report's rows (of a report changed or deleted). */
  remove(id: string): void;
  /** Inserts a report's rows as `listSqliteRows` makes them (of a report changed or added). */
  addRows(rows: SqliteRecordRows): void;
  /** Replaces the agencies (every agency's row, as `AgencyRows.list` gives them) and the metadata, commits and closes the file. */
  finish(agencies: readonly SqliteRow[], builtOn: string): void;
  /** Rolls back and closes the file (after an error). */
  abort(): void;
}

/**
 * Opens a SQLite file `openSqliteWriter` wrote for an update in one transaction (a crash rolls it
 * back). Every table then holds the rows a whole build would, by primary key; only the rowids of
 * the reports added differ (they come last).
 */
export function openSqliteUpdater(file: string): SqliteUpdater {
  const db = new DatabaseSync(file, { enableForeignKeyConstraints: false });
  db.exec('PRAGMA synchronous = OFF;');
  db.exec('BEGIN');
  const deletes = [...REPORT_TABLES, 'reports'].map((t) => db.prepare(`DELETE FROM ${t} WHERE ${t === 'reports' ? 'id' : 'report_id'} = ?`));
  const insert = prepareInserts(db);
  // The reports whose rows this update removed or added: their rows are the ones to check.
  const touched = new Set<string>();
  return {
    remove(id) {
      touched.add(id);
      for (const d of deletes) d.run(id);
    },
    addRows(rows) {
      // report_id is the first column of every report table's rows.
      for (const row of [rows.report, ...rows.checks, ...rows.checkFailures, ...rows.cells]) touched.add(String(row[0]));
      insert(rows);
    },
    finish(agencies, builtOn) {
      try {
        finishTables(db, agencies, builtOn, touched);
        db.exec('COMMIT');
      } finally {
        if (db.isTransaction) db.exec('ROLLBACK');
        db.close();
      }
    },
    abort() {
      if (!db.isOpen) return;
      if (db.isTransaction) db.exec('ROLLBACK');
      db.close();
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
